import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import { precompress } from './compression.ts';
import { PAGE_CACHE_BYTES, PageCache, preparePage, type CachedPage } from './page-cache.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
});

afterAll(async () => {
  await pool?.end();
  await database?.close();
});

/** A small page, distinct per number, as a crawler's one-off URLs make them. */
function smallPage(n: number): Buffer {
  const items = Array.from({ length: 40 }, (_, i) => `<li><a href="/en/initiatives/item-${(n * 41 + i) % 9973}">initiative ${n}-${i}</a></li>`);
  return Buffer.from(`<!doctype html><html lang="en"><title>Page ${n}</title><ul>${items.join('')}</ul></html>`);
}

async function entry(n: number): Promise<CachedPage> {
  const body = smallPage(n);
  return preparePage({ 'content-type': 'text/html; charset=utf-8' }, await precompress(body), crypto.createHash('sha1').update(body).digest('base64url'));
}

/** The bytes an entry really holds: each distinct body's whole backing memory. */
const heldBytes = (page: CachedPage) => [...new Set(page.kept.map((body) => body.buffer))].reduce((sum, buffer) => sum + buffer.byteLength, 0);

describe('the page cache budget', () => {
  it("counts each entry's bodies by the memory they hold, not by their length", async () => {
    const page = await entry(1);
    expect(page.has.br && page.has.gzip).toBe(true);
    // zlib's results were views of larger chunks: an entry keeps copies of its own.
    for (const body of page.kept) expect(body.buffer.byteLength).toBe(body.length);
    expect(page.size).toBeGreaterThanOrEqual(heldBytes(page));
  });

  it('keeps a page as brotli and gzip only, and inflates it for a client taking neither', async () => {
    const page = await entry(2);
    expect(page.kept).toEqual([page.answers.br.body, page.answers.gzip.body]);
    expect(page.answers.identity.body.equals(smallPage(2))).toBe(true);
    const length = page.answers.identity.headers[page.answers.identity.headers.indexOf('content-length') + 1];
    expect(Number(length)).toBe(smallPage(2).length);
  });

  it('stays within its byte budget when one-off URLs fill it', async () => {
    const cache = new PageCache(pool);
    await cache.listen();
    try {
      const urls: string[] = [];
      const page = await entry(0);
      // More pages than the budget holds, each URL unique.
      const count = Math.ceil((PAGE_CACHE_BYTES / page.size) * 1.5);
      for (let n = 0; n < count; n++) {
        const url = `/en/initiatives?q=word&r=${n}`;
        urls.push(url);
        cache.set(url, await entry(n));
      }
      const held = urls.map((url) => cache.get(url)).filter((kept): kept is CachedPage => kept !== undefined);
      expect(held.length).toBeGreaterThan(0);
      expect(held.length).toBeLessThan(count);
      expect(cache.bytes).toBeLessThanOrEqual(PAGE_CACHE_BYTES);
      expect(held.reduce((sum, kept) => sum + heldBytes(kept), 0)).toBeLessThanOrEqual(PAGE_CACHE_BYTES);
      // The most recent pages are the ones kept.
      expect(cache.get(urls.at(-1)!)).toBeDefined();
      expect(cache.get(urls[0]!)).toBeUndefined();
    } finally {
      cache.close();
    }
  }, 60_000);
});
