import { CompiledQuery, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../db/types.ts';

export interface JobDefinition<T = any> {
  name: string;
  run(data: T): Promise<void>;
  /** Attempts after the first failure (default 5), spaced by retryDelay seconds, doubling each time. */
  retryLimit?: number;
  retryDelay?: number;
}

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  trx?: Transaction<DB>;
  startAfter?: Date | number;
  singletonKey?: string;
}

/**
 * The durable job queue: pg-boss over the same PostgreSQL. Jobs survive restarts, failed ones are
 * retried with exponential backoff, and a job is fetched by one worker at a time (SKIP LOCKED).
 * A job carries IDs; its `run` re-reads the rows and must be idempotent.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition>();
  private started = false;

  constructor(connectionString: string, private readonly log: (message: string) => void = () => {}) {
    // One connection: its pollers (every 2 s per queue) keep every connection it opens busy enough never
    // to close, each a PostgreSQL backend of about 5 MB at rest; its queries are short, one serves them.
    this.boss = new PgBoss({ connectionString, max: 1, application_name: 'passerelle-jobs' });
    this.boss.on('error', (error) => this.log(`job queue: ${error.message}`));
  }

  define<T>(definition: JobDefinition<T>): void {
    this.definitions.set(definition.name, definition);
  }

  /** Creates the queues; with `work`, also starts polling them and the schedules. */
  async start({ work, schedules = [] }: { work: boolean; schedules?: { name: string; cron: string }[] }): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const definition of this.definitions.values()) {
      await this.boss.createQueue(definition.name, {
        name: definition.name,
        retryLimit: definition.retryLimit ?? 5,
        retryDelay: definition.retryDelay ?? 30,
        retryBackoff: true,
        // Long enough that a slow job is never handed to a second worker while still running.
        expireInSeconds: 15 * 60,
      });
    }
    if (!work) return;
    for (const definition of this.definitions.values()) {
      await this.boss.work(definition.name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) await definition.run(job.data);
      });
    }
    for (const schedule of schedules) await this.boss.schedule(schedule.name, schedule.cron);
  }

  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`no job named ${name}`);
    const { trx, ...rest } = options;
    return this.boss.send(name, data, { ...rest, ...(trx ? { db: transactionAdapter(trx) } : {}) });
  }

  /**
   * Runs every job of the named queues that is due now, in this process, until none is left.
   * For tests and the CLI; workers started by `start({ work: true })` do the same continuously.
   */
  async drain(names = [...this.definitions.keys()]): Promise<number> {
    let ran = 0;
    for (;;) {
      let found = 0;
      for (const name of names) {
        const definition = this.definitions.get(name);
        if (!definition) throw new Error(`no job named ${name}`);
        const jobs = await this.boss.fetch<object>(name, { batchSize: 10 });
        for (const job of jobs) {
          found++;
          try {
            await definition.run(job.data);
            await this.boss.complete(name, job.id);
            ran++;
          } catch (error) {
            await this.boss.fail(name, job.id, { message: (error as Error).message });
          }
        }
      }
      if (found === 0) return ran;
    }
  }

  /** Jobs waiting in each queue (created or retrying), for /metrics. */
  async queueSizes(): Promise<Record<string, number>> {
    const sizes: Record<string, number> = {};
    for (const name of this.definitions.keys()) sizes[name] = await this.boss.getQueueSize(name);
    return sizes;
  }

  getJob(name: string, id: string) {
    return this.boss.getJobById(name, id);
  }

  async stop(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
  }
}

function transactionAdapter(trx: Transaction<DB>) {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as any[] };
    },
  };
}
