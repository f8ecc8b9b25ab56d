import { AsyncLocalStorage } from 'node:async_hooks';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const urgent = new AsyncLocalStorage<true>();

/** Runs `work` with its queries first in line for a connection (see PriorityPool). */
export function asUrgent<T>(work: () => T): T {
  return urgent.run(true, work);
}

/** Whether the current work was started under `asUrgent`. */
export function isUrgent(): boolean {
  return urgent.getStore() === true;
}

/** The error pg.Pool gives when no connection comes in time: web/unavailable.ts answers it with a 503. */
const TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/**
 * The pool's connections handed out in two queues instead of one: work started under `asUrgent`
 * (a signed-in person's request, any form posted) is served before anonymous page renders. Under a
 * crawl of uncached pages every connection is busy and each query waits its turn behind dozens of
 * others; an editor's save, a dozen queries one after another, waited a second (issue 20). It now
 * waits only for the next connection to come free. Kysely takes it in place of the pg.Pool.
 */
export class PriorityPool implements PostgresPool {
  private inUse = 0;
  private readonly queues: { urgent: (() => void)[]; normal: (() => void)[] } = { urgent: [], normal: [] };

  constructor(
    private readonly pool: pg.Pool,
    private readonly max: number,
    private readonly waitMs: number,
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    await this.turn(isUrgent());
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      this.handOn();
      throw error;
    }
    let released = false;
    return {
      query: client.query.bind(client) as PostgresPoolClient['query'],
      release: () => {
        if (released) return;
        released = true;
        client.release();
        this.handOn();
      },
    };
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  /** Resolves once one of the `max` turns is this caller's, urgent callers first; fails after waitMs. */
  private turn(isUrgent: boolean): Promise<void> {
    if (this.inUse < this.max) {
      this.inUse++;
      return Promise.resolve();
    }
    const queue = isUrgent ? this.queues.urgent : this.queues.normal;
    return new Promise((resolve, reject) => {
      const take = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(take), 1);
        reject(new Error(TIMEOUT_MESSAGE));
      }, this.waitMs);
      queue.push(take);
    });
  }

  /** A turn ends: the next caller waiting takes it over, else it is given back. */
  private handOn(): void {
    const next = this.queues.urgent.shift() ?? this.queues.normal.shift();
    if (next) next();
    else this.inUse--;
  }
}
