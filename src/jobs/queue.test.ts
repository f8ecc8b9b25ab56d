import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { JobQueue } from './queue.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

function queueWith(run: (data: { n: number }) => Promise<void>, retryDelay = 1) {
  const queue = new JobQueue(database.url);
  queue.define<{ n: number }>({ name: 'test.work', run, retryLimit: 3, retryDelay });
  return queue;
}

describe('job queue', () => {
  it('holds at most two database connections while twelve queues poll', async () => {
    const queue = new JobQueue(database.url);
    for (let i = 0; i < 12; i++) queue.define({ name: `test.poll-${i}`, run: async () => {} });
    await queue.start({ work: true });
    try {
      const name = new URL(database.url).pathname.slice(1);
      let most = 0;
      // Its pollers start together and poll every 2 s: watch over two rounds.
      for (let i = 0; i < 25; i++) {
        const { rows } = await database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'passerelle-jobs'", [name]);
        most = Math.max(most, rows[0]!.n);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(2);
    } finally {
      await queue.stop();
    }
  }, 30_000);

  it('keeps a job across a restart and runs it afterwards', async () => {
    const seen: number[] = [];
    const first = queueWith(async (data) => void seen.push(data.n));
    await first.start({ work: false });
    await first.send('test.work', { n: 1 });
    await first.stop();
    expect(seen).toEqual([]);

    const second = queueWith(async (data) => void seen.push(data.n));
    await second.start({ work: false });
    expect(await second.drain()).toBe(1);
    expect(seen).toEqual([1]);
    await second.stop();
  });

  it('retries a failed job later, with a growing delay, until it succeeds', async () => {
    let attempts = 0;
    const queue = queueWith(async () => {
      attempts++;
      if (attempts < 3) throw new Error(`failure ${attempts}`);
    });
    await queue.start({ work: false });
    const id = (await queue.send('test.work', { n: 2 }))!;
    await queue.drain();
    let job = await queue.getJob('test.work', id);
    expect(job?.state).toBe('retry');
    const firstDelay = job!.startAfter.getTime() - Date.now();
    expect(firstDelay).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, firstDelay + 100));
    await queue.drain();
    job = await queue.getJob('test.work', id);
    expect(job?.state).toBe('retry');
    const secondDelay = job!.startAfter.getTime() - Date.now();
    expect(secondDelay).toBeGreaterThan(firstDelay);

    await new Promise((resolve) => setTimeout(resolve, secondDelay + 100));
    await queue.drain();
    expect((await queue.getJob('test.work', id))?.state).toBe('completed');
    expect(attempts).toBe(3);
    await queue.stop();
  });

  it('hands a job to one worker only, even when two fetch at once', async () => {
    const runs: string[] = [];
    const slow = (worker: string) => async () => {
      runs.push(worker);
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    const a = queueWith(slow('a'));
    const b = queueWith(slow('b'));
    await Promise.all([a.start({ work: false }), b.start({ work: false })]);
    await a.send('test.work', { n: 3 });
    await Promise.all([a.drain(), b.drain()]);
    expect(runs).toHaveLength(1);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('refuses to enqueue a job nobody defined', async () => {
    const queue = queueWith(async () => {});
    await expect(queue.send('no.such.job', {})).rejects.toThrow('no job named no.such.job');
  });
});
