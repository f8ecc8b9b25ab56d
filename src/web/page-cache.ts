import { LRUCache } from 'lru-cache';
import zlib from 'node:zlib';
import pg from 'pg';
import type { Compressed, Encoding } from './compression.ts';

/** One encoding of a cached page, its headers prepared once: a hit writes them and the bytes. */
export interface PreparedAnswer {
  body: Buffer;
  /** Flat [name, value, name, value…] for `writeHead`, with content-length and content-encoding. */
  headers: string[];
  /** The same validators and cache rules, for a 304. */
  notModified: string[];
}

export interface CachedPage {
  /** The content hash inside every variant's ETag: `If-None-Match` containing it is a match. */
  tag: string;
  has: { br: boolean; gzip: boolean };
  answers: Record<Encoding, PreparedAnswer>;
  /** The bodies the entry holds in memory (the uncompressed one only when nothing smaller exists). */
  kept: Buffer[];
  size: number;
}

/**
 * The page cache's budget: what its entries hold in memory, bodies, headers and URLs counted. At
 * rest after a load of one-off URLs the cache is full, so this is memory the process keeps: 8 MB
 * is 400–800 pages as brotli and gzip (16 MB holding pages uncompressed too kept about 250).
 */
export const PAGE_CACHE_BYTES = 8 * 1024 * 1024;

/** Every instance's page cache LISTENs here; a NOTIFY (a change, a restore) clears them all. */
export const CHANNEL = 'passerelle_content_changed';

/** Headers of the rendered answer that a cached copy must not repeat (recomputed or per request). */
const NOT_KEPT = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'set-cookie', 'etag', 'vary', 'x-page-cache', 'date', 'connection', 'keep-alive']);

/** A cache entry from a rendered answer's headers and its precompressed bodies. */
export function preparePage(rendered: Record<string, unknown>, bodies: Compressed, tag: string): CachedPage {
  const kept: string[] = [];
  for (const [name, value] of Object.entries(rendered)) {
    if (value === undefined || NOT_KEPT.has(name.toLowerCase())) continue;
    for (const one of Array.isArray(value) ? value : [value]) kept.push(name, String(one));
  }
  const otherVary = String(rendered.vary ?? '').split(',').map((name) => name.trim()).filter((name) => name && !/^accept-encoding$/i.test(name));
  const vary = [...otherVary, 'Accept-Encoding'].join(', ');
  const cacheControl = String(rendered['cache-control'] ?? 'no-cache');
  const answer = (body: Buffer, encoding: Encoding): PreparedAnswer => {
    const etag = encoding === 'identity' ? `"${tag}"` : `"${tag}-${encoding === 'br' ? 'br' : 'gz'}"`;
    const encoded = encoding === 'identity' ? [] : ['content-encoding', encoding];
    return {
      body,
      headers: [...kept, ...encoded, 'content-length', String(body.length), 'etag', etag, 'vary', vary, 'x-page-cache', 'hit'],
      notModified: ['etag', etag, 'cache-control', cacheControl, 'vary', vary, 'x-page-cache', 'hit'],
    };
  };
  if (!bodies.gzip) {
    const identity = answer(ownMemory(bodies.identity), 'identity');
    const br = bodies.br ? answer(ownMemory(bodies.br), 'br') : identity;
    return entry(tag, { br: br !== identity, gzip: false }, { identity, br, gzip: identity });
  }
  const gzip = answer(ownMemory(bodies.gzip), 'gzip');
  const br = bodies.br ? answer(ownMemory(bodies.br), 'br') : gzip;
  // Almost every client takes brotli or gzip: the uncompressed page (three to six times their size)
  // is not kept but inflated from the gzip body for the rare client that asks for none.
  const identity = answer(bodies.identity, 'identity');
  const gzipBody = gzip.body;
  Object.defineProperty(identity, 'body', { get: () => zlib.gunzipSync(gzipBody) });
  return entry(tag, { br: br !== gzip, gzip: true }, { identity, br, gzip });
}

function entry(tag: string, has: CachedPage['has'], answers: CachedPage['answers']): CachedPage {
  const kept = [...new Set([answers.br.body, answers.gzip.body, ...(has.gzip ? [] : [answers.identity.body])])];
  const size = kept.reduce((sum, body) => sum + body.buffer.byteLength, 0) + ENTRY_OVERHEAD;
  return { tag, has, answers, kept, size };
}

/**
 * What an entry holds besides its bodies: its header arrays and strings, objects and the LRU's
 * node. Measured (heap used over 2,000 entries of a 3 and a 20 kB page): 2.8–3.0 kB.
 */
const ENTRY_OVERHEAD = 3_000;

/**
 * A body in memory of its own. zlib hands back a view of its 8 or 16 kB output chunk, and a short
 * Buffer.from shares an 8 kB slab: kept in the cache, a 2 kB page would hold all of it, unseen by the
 * cache's byte count (measured over 2,000 entries: a 3 kB page counted 4.9 kB held 23.5 kB, a 20 kB
 * page counted 25 kB held 41.7 kB; with its own memory, 7.0 and 26.9 kB, as counted).
 */
function ownMemory(body: Buffer): Buffer {
  if (body.buffer.byteLength === body.length) return body;
  const own = Buffer.allocUnsafeSlow(body.length);
  body.copy(own);
  return own;
}

/**
 * Rendered public pages for visitors without a session, keyed by URL, each kept as sent, brotli and
 * gzip. Any content change clears it in every instance: `invalidate()` clears here and sends a
 * PostgreSQL NOTIFY that the others LISTEN to. A short TTL bounds staleness should a notification be
 * missed.
 */
export class PageCache {
  // Bounded in bytes as well as entries: query strings make every URL a new key, and 5,000 large
  // pages would otherwise hold hundreds of megabytes against a 150 MB memory budget. 8 MB holds
  // every page of a language many times over (most are 3–15 kB as two encodings); a crawler's
  // one-off URLs fill it and then only push each other out.
  private readonly pages = new LRUCache<string, CachedPage>({
    max: 5000,
    maxSize: PAGE_CACHE_BYTES,
    sizeCalculation: (page, url) => page.size + url.length,
    ttl: 5 * 60 * 1000,
  });
  private listener: pg.Client | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Cache hits since start: a plain integer, so counting costs nothing on the fastest path. */
  hits = 0;
  /** Times the LISTEN connection was lost and made again (for /metrics and the tests). */
  reconnects = 0;
  /** Bumped by every clear: a page rendered before a change is not stored after it. */
  generation = 0;

  /**
   * The LISTEN connection is a dedicated client, not one borrowed from the pool: when the server
   * ends it (restart, failover, pg_terminate_backend) its error is handled here and it is made again
   * with backoff, instead of an unhandled 'error' event ending the process.
   */
  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** True while notifications from other instances can reach this one. */
  get listening(): boolean {
    return this.listener !== null;
  }

  /** The memory its entries hold, as counted against PAGE_CACHE_BYTES. */
  get bytes(): number {
    return this.pages.calculatedSize;
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) this.hits++;
    return page;
  }

  /** Stores a page rendered while the cache was at `generation`, unless it was cleared since. */
  set(key: string, page: CachedPage, generation = this.generation): void {
    // Without the LISTEN connection another instance's change would go unseen: cache nothing then.
    if (this.listener && generation === this.generation) this.pages.set(key, page);
  }

  async invalidate(): Promise<void> {
    this.clear();
    await this.pool.query(`NOTIFY ${CHANNEL}`);
  }

  async listen(): Promise<void> {
    this.closed = false;
    await this.connectListener();
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client(this.pool.options);
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', () => this.clear());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('end');
      client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.listener = client;
    // Whatever changed while no notification could arrive is forgotten.
    this.clear();
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.listener !== client) return;
    // What is cached stays served (a database outage then still shows public pages), nothing new is
    // stored, and all of it is forgotten once the connection is back (connectListener).
    this.listener = null;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    if (this.closed) return;
    this.log(`page cache: LISTEN connection lost (${error.message}); reconnecting`);
    this.retry(250);
  }

  private retry(delay: number): void {
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      if (this.closed) return;
      try {
        await this.connectListener();
        this.reconnects++;
        this.log('page cache: LISTEN connection restored');
      } catch {
        this.retry(Math.min(delay * 2, 10_000));
      }
    }, delay);
    this.retryTimer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.listener;
    this.listener = null;
    if (client) {
      client.removeAllListeners('end');
      client.end().catch(() => {});
    }
  }

  private clear(): void {
    this.generation++;
    this.pages.clear();
  }
}
