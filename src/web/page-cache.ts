import { LRUCache } from 'lru-cache';
import type pg from 'pg';
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
  size: number;
}

const CHANNEL = 'passerelle_content_changed';

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
  const identity = answer(bodies.identity, 'identity');
  return {
    tag,
    has: { br: bodies.br !== null, gzip: bodies.gzip !== null },
    answers: {
      identity,
      br: bodies.br ? answer(bodies.br, 'br') : identity,
      gzip: bodies.gzip ? answer(bodies.gzip, 'gzip') : identity,
    },
    size: bodies.identity.length + (bodies.br?.length ?? 0) + (bodies.gzip?.length ?? 0) + 1000,
  };
}

/**
 * Rendered public pages for visitors without a session, keyed by URL, each kept as sent, brotli and
 * gzip. Any content change clears it in every instance: `invalidate()` clears here and sends a
 * PostgreSQL NOTIFY that the others LISTEN to. A short TTL bounds staleness should a notification be
 * missed.
 */
export class PageCache {
  // Bounded in bytes as well as entries: query strings make every URL a new key, and 5,000 large
  // pages would otherwise hold hundreds of megabytes against a 150 MB memory budget.
  private readonly pages = new LRUCache<string, CachedPage>({
    max: 5000,
    maxSize: 32 * 1024 * 1024,
    sizeCalculation: (page) => page.size,
    ttl: 5 * 60 * 1000,
  });
  /** Bumped by every clear: a page rendered before a change is not stored after it. */
  generation = 0;
  private listener: pg.PoolClient | null = null;

  constructor(private readonly pool: pg.Pool) {}

  get(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  /** Stores a page rendered while the cache was at `generation`, unless it was cleared since. */
  set(key: string, page: CachedPage, generation = this.generation): void {
    if (generation === this.generation) this.pages.set(key, page);
  }

  async invalidate(): Promise<void> {
    this.clear();
    await this.pool.query(`NOTIFY ${CHANNEL}`);
  }

  async listen(): Promise<void> {
    this.listener = await this.pool.connect();
    this.listener.on('notification', () => this.clear());
    await this.listener.query(`LISTEN ${CHANNEL}`);
  }

  close(): void {
    this.listener?.release(true);
    this.listener = null;
  }

  private clear(): void {
    this.generation++;
    this.pages.clear();
  }
}
