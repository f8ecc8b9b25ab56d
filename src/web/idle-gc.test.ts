import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { collectGarbageWhenIdle } from './idle-gc.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('collecting garbage when the site is quiet', () => {
  it('collects once after a quiet spell, never while requests keep coming, again after the next burst', async () => {
    const app = Fastify();
    let collections = 0;
    collectGarbageWhenIdle(app, 150, () => collections++);
    app.get('/', async () => 'ok');
    await app.ready();
    for (let i = 0; i < 6; i++) {
      await app.inject('/');
      await pause(50);
    }
    expect(collections).toBe(0);
    await pause(250);
    expect(collections).toBe(1);
    await pause(250);
    expect(collections).toBe(1);
    await app.inject('/');
    await pause(250);
    expect(collections).toBe(2);
    await app.close();
  });

  it('really frees memory with V8\'s own collector', async () => {
    const app = Fastify();
    collectGarbageWhenIdle(app, 50);
    let held: unknown[] | null = null;
    app.get('/', async () => {
      held = Array.from({ length: 300_000 }, (_, i) => ({ i, text: `item ${i}` }));
      return 'ok';
    });
    await app.inject('/');
    held = null;
    // Nothing allocates from here on, so only the idle collection can free what `held` kept.
    const before = process.memoryUsage().heapUsed;
    await pause(200);
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 10 * 1024 * 1024);
    expect(held).toBeNull();
    await app.close();
  });
});
