import fs from 'node:fs/promises';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { collectGarbageWhenIdle, fullCollection, releaseFreeMemory } from './idle-gc.ts';

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

  // The addon is built by `npm install` on Linux (glibc and a compiler): .ci/run's clean install must have it.
  it.runIf(process.platform === 'linux')("hands malloc's free pages back to the system", async () => {
    const resident = async () => Number(/^Rss:\s+(\d+) kB/m.exec(await fs.readFile('/proc/self/smaps_rollup', 'utf8'))![1]) * 1024;
    // Many small native buffers (malloc's heap, under its mmap threshold), one in eight kept: the
    // freed ones leave holes that free() alone does not return.
    let buffers: Buffer[] = Array.from({ length: 40_000 }, () => Buffer.alloc(2048, 1));
    const kept = buffers.filter((_, i) => i % 8 === 0);
    buffers = [];
    // Really freed before memory is read.
    fullCollection()();
    const before = await resident();
    expect(releaseFreeMemory()).toBe(true);
    expect(await resident()).toBeLessThan(before - 20 * 1024 * 1024);
    expect(kept.length).toBe(5000);
  });
});
