import { describe, expect, it } from 'vitest';
import { ContentMemo } from './content-memo.ts';

describe('ContentMemo', () => {
  const counting = () => {
    let reads = 0;
    return { load: async () => ({ read: ++reads }), reads: () => reads };
  };

  it('reads once for every caller waiting at once, and keeps the value until the generation moves', async () => {
    let generation = 1;
    const source = counting();
    const memo = new ContentMemo(() => generation, source.load, 60_000);
    const answers = await Promise.all(Array.from({ length: 50 }, () => memo.get()));
    expect(source.reads()).toBe(1);
    expect(new Set(answers).size).toBe(1);
    expect(await memo.get()).toBe(answers[0]);
    generation = 2;
    expect(await memo.get()).toEqual({ read: 2 });
  });

  it('keeps nothing while changes cannot be seen (null generation)', async () => {
    const source = counting();
    const memo = new ContentMemo(() => null, source.load, 60_000);
    await memo.get();
    await memo.get();
    expect(source.reads()).toBe(2);
  });

  it('reads again once the TTL has passed', async () => {
    const source = counting();
    const memo = new ContentMemo(() => 1, source.load, 0);
    await memo.get();
    await new Promise((resolve) => setTimeout(resolve, 2));
    await memo.get();
    expect(source.reads()).toBe(2);
  });

  it('does not keep a failed read, and remembers the last good value', async () => {
    let fail = false;
    const memo = new ContentMemo(() => (fail ? 2 : 1), async () => {
      if (fail) throw new Error('database away');
      return 'known';
    }, 60_000);
    expect(await memo.get()).toBe('known');
    fail = true;
    await expect(memo.get()).rejects.toThrow('database away');
    expect(memo.last).toBe('known');
  });
});
