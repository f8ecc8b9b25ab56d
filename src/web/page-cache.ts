import { LRUCache } from 'lru-cache';
import type pg from 'pg';

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
  private listener: pg.PoolClient | null = null;

  constructor(private readonly pool: pg.Pool) {}

  get(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  set(key: string, page: CachedPage): void {
    this.pages.set(key, page);
  }

  async invalidate(): Promise<void> {
    this.pages.clear();
    await this.pool.query(`NOTIFY ${CHANNEL}`);
  }

  async listen(): Promise<void> {
    this.listener = await this.pool.connect();
    this.listener.on('notification', () => this.pages.clear());
    await this.listener.query(`LISTEN ${CHANNEL}`);
  }

  close(): void {
    this.listener?.release(true);
    this.listener = null;
  }
}
