import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { chooseEncoding } from './compression.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

/** Empties the cache and waits for our own NOTIFY to come back, so it does not clear a later render. */
async function clearCache(): Promise<void> {
  const cache = t.app.ctx.pageCache;
  const before = cache.generation;
  await cache.invalidate();
  for (let i = 0; i < 100 && cache.generation < before + 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

function decode(encoding: string | undefined, body: Buffer): string {
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString();
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString();
  return body.toString();
}

describe('compression of cached answers', () => {
  it.each(['/en/', '/en/initiatives', '/api/v1/events?limit=100', '/calendar.ics', '/api/v1/map.geojson'])(
    '%s: brotli and gzip, on the first render and from the cache, decompress to the same bytes',
    async (url) => {
      await clearCache();
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      for (const [accept, expected] of [['br, gzip', 'br'], ['gzip, deflate', 'gzip'], ['br;q=0, gzip', 'gzip'], ['identity', undefined]] as const) {
        await clearCache();
        const rendered = await get(url, { 'accept-encoding': accept });
        const hit = await get(url, { 'accept-encoding': accept });
        expect(rendered.headers['x-page-cache']).toBeUndefined();
        expect(hit.headers['x-page-cache']).toBe('hit');
        for (const answer of [rendered, hit]) {
          if (plain.rawPayload.length > 1024) expect(answer.headers['content-encoding']).toBe(expected);
          expect(answer.headers.vary).toMatch(/accept-encoding/i);
          expect(answer.headers['content-type']).toBe(plain.headers['content-type']);
          expect(Number(answer.headers['content-length'])).toBe(answer.rawPayload.length);
          expect(decode(answer.headers['content-encoding'] as string | undefined, answer.rawPayload)).toBe(plain.body);
        }
        if (expected) expect(hit.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      }
    },
  );

  it('keeps the security headers on a cache hit', async () => {
    const rendered = await get('/fr/');
    const hit = await get('/fr/');
    expect(hit.headers['x-page-cache']).toBe('hit');
    for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'cache-control']) {
      expect(hit.headers[name]).toBe(rendered.headers[name]);
    }
    expect(hit.headers['set-cookie']).toBeUndefined();
  });

  it('answers 304 to a matching ETag, per encoding, and 200 to a stale one', async () => {
    const br = await get('/es/', { 'accept-encoding': 'br' });
    const plain = await get('/es/');
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    for (const [etag, accept] of [[br.headers.etag, 'br'], [plain.headers.etag, '']] as const) {
      const revalidated = await get('/es/', { 'if-none-match': String(etag), 'accept-encoding': accept });
      expect(revalidated.statusCode).toBe(304);
      expect(revalidated.rawPayload.length).toBe(0);
      expect(revalidated.headers.etag).toBe(etag);
      expect(revalidated.headers.vary).toMatch(/accept-encoding/i);
    }
    expect((await get('/es/', { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
    const feed = await get('/calendar.ics');
    expect((await get('/calendar.ics', { 'if-none-match': String(feed.headers.etag) })).statusCode).toBe(304);
  });

  it('sends the stylesheet and script compressed, and the small icon as is', async () => {
    const html = (await get('/en/')).body;
    for (const asset of [/href="(\/assets\/site\.[0-9a-f]{10}\.css)"/, /src="(\/assets\/search\.[0-9a-f]{10}\.js)"/]) {
      const url = asset.exec(html)![1]!;
      const plain = await get(url);
      const br = await get(url, { 'accept-encoding': 'gzip, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(decode('br', br.rawPayload)).toBe(plain.body);
    }
  });

  it('serves hits in front of Fastify on a real server, the same bytes and headers', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const fetchRaw = (path: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http.get({ port, host: '127.0.0.1', path, headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) })).on('error', reject);
        }).on('error', reject);
      });
    await clearCache();
    const first = await fetchRaw('/ko/');
    const second = await fetchRaw('/ko/');
    expect(first.headers['x-page-cache']).toBeUndefined();
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(second.body).toString()).toBe(zlib.gunzipSync(first.body).toString());
    expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
  });
});

describe('chooseEncoding', () => {
  const both = { br: true, gzip: true };
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['deflate', 'identity'],
  ])('Accept-Encoding %j gives %s', (header, expected) => {
    expect(chooseEncoding(header, both)).toBe(expected);
  });
  it('sends what it holds', () => {
    expect(chooseEncoding('br, gzip', { br: false, gzip: true })).toBe('gzip');
    expect(chooseEncoding('br, gzip', { br: false, gzip: false })).toBe('identity');
  });
});
