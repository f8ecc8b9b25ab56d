import { LRUCache } from 'lru-cache';
import pg from 'pg';

export interface CachedPage {
  /** Encoded once: a cache hit then writes bytes, instead of encoding a long string on every request. */
  body: Buffer;
  etag: string;
  contentType: string;
  cacheControl: string;
}

const CHANNEL = 'passerelle_content_changed';

/**
 * Rendered public pages for visitors without a session, keyed by URL. Any content change clears it
 * in every instance: `invalidate()` clears here and sends a PostgreSQL NOTIFY that the others
 * LISTEN to. A short TTL bounds staleness should a notification be missed.
 */
export class PageCache {
  // Bounded in bytes as well as entries: query strings make every URL a new key, and 5,000 large
  // pages would otherwise hold hundreds of megabytes against a 150 MB memory budget.
  private readonly pages = new LRUCache<string, CachedPage>({
    max: 5000,
    maxSize: 32 * 1024 * 1024,
    sizeCalculation: (page) => page.body.length + 200,
    ttl: 5 * 60 * 1000,
  });
  private listener: pg.Client | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Cache hits since start: a plain integer, so counting costs nothing on the fastest path. */
  hits = 0;
  /** Times the LISTEN connection was lost and made again (for /metrics and the tests). */
  reconnects = 0;

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

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) this.hits++;
    return page;
  }

  set(key: string, page: CachedPage): void {
    // Without the LISTEN connection another instance's change would go unseen: cache nothing then.
    if (this.listener) this.pages.set(key, page);
  }

  async invalidate(): Promise<void> {
    this.pages.clear();
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
    client.on('notification', () => this.pages.clear());
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
    this.pages.clear();
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
}
