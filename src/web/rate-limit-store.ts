import crypto from 'node:crypto';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type pg from 'pg';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

/**
 * One statement per counted request: the row is created, or counted on, or (its window over)
 * started again at 1. Concurrent requests of several instances serialize on the row, so none is lost.
 */
const COUNT = `
  INSERT INTO rate_limit_counts AS r (key, count, expires_at)
  VALUES ($1, 1, now() + $2 * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN r.expires_at <= now() THEN 1 ELSE r.count + 1 END,
    expires_at = CASE WHEN r.expires_at <= now() THEN EXCLUDED.expires_at ELSE r.expires_at END
  RETURNING count, GREATEST(0, ceil(extract(epoch FROM r.expires_at - now()) * 1000))::integer AS ttl`;

const READ = `
  SELECT count, GREATEST(0, ceil(extract(epoch FROM expires_at - now()) * 1000))::integer AS ttl
  FROM rate_limit_counts WHERE key = $1 AND expires_at > now()`;

/**
 * A store for @fastify/rate-limit that counts in PostgreSQL, shared by every instance. Each route
 * gets its own child (its key is prefixed with the method and path); the address is hashed so no
 * address is kept in the clear.
 */
export function postgresRateLimitStore(pool: pg.Pool, warn: (message: string) => void): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly scope = '',
    ) {}

    child(routeOptions: { method: string | string[]; url?: string; routeInfo?: { method?: string | string[]; url?: string } }): FastifyRateLimitStore {
      const route = routeOptions.routeInfo ?? routeOptions;
      const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
      return new PostgresRateLimitStore(routeOptions as FastifyRateLimitOptions, `${method} ${route.url ?? ''}`);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      this.run(COUNT, [this.keyOf(key), timeWindow], timeWindow, callback);
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      this.run(READ, [this.keyOf(key)], timeWindow, callback);
    }

    private keyOf(key: string): string {
      return `${this.scope} ${crypto.createHash('sha256').update(key).digest('base64url')}`;
    }

    private run(sql: string, values: unknown[], timeWindow: number, callback: Callback): void {
      pool.query<{ count: number; ttl: number }>(sql, values).then(
        ({ rows: [row] }) => callback(null, row ? { current: row.count, ttl: row.ttl } : { current: 0, ttl: 0 }),
        // Fail open: with the database away, counting nothing is better than a 500 on every
        // limited route; those routes need the database anyway and answer 503 on their own.
        (error: Error) => {
          warn(`rate limit not counted (database unreachable?): ${error.message}`);
          callback(null, { current: 0, ttl: timeWindow });
        },
      );
    }
  }
  return PostgresRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

/** Rows whose window is over are of no use; they are deleted by a scheduled job. */
export async function deleteExpiredRateLimits(pool: pg.Pool): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM rate_limit_counts WHERE expires_at <= now()');
  return rowCount ?? 0;
}

export const RATE_LIMIT_CLEANUP_JOB = 'ratelimit.cleanup';
