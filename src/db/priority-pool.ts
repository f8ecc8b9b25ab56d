import { AsyncLocalStorage } from 'node:async_hooks';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { Turns } from '../turns.ts';

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
  private readonly turns: Turns;

  constructor(
    private readonly pool: pg.Pool,
    max: number,
    private readonly waitMs: number,
  ) {
    this.turns = new Turns(max);
  }

  async connect(): Promise<PostgresPoolClient> {
    const giveBack = await this.turns.take({ urgent: isUrgent(), waitMs: this.waitMs, timeout: () => new Error(TIMEOUT_MESSAGE) });
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      giveBack();
      throw error;
    }
    let released = false;
    return {
      query: client.query.bind(client) as PostgresPoolClient['query'],
      release: () => {
        if (released) return;
        released = true;
        client.release();
        giveBack();
      },
    };
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}
