import crypto from 'node:crypto';
import http from 'node:http';
import type { FastifyInstance, FastifyRequest, FastifyServerFactory } from 'fastify';
import { SESSION_COOKIE } from '../auth/routes.tsx';
import { chooseEncoding, precompress } from './compression.ts';
import { preparePage, type PageCache } from './page-cache.ts';

/**
 * Serves anonymous GETs of public pages, API answers and feeds from the page cache, and stores them
 * after rendering unless they opted out (`cache-control` with `private` or `no-store`: a form with a
 * CSRF token does that). Each entry is kept as rendered, brotli and gzip, compressed once when
 * stored; answers carry an ETag per encoding and `Vary: Accept-Encoding`, so revalidating clients
 * get a 304.
 */
const CACHEABLE_PATH = /^\/(?:[a-z]{2}\/(?!admin|sign-in)|api\/v1\/|calendar\.ics|sitemap\.xml)/;
const CACHEABLE_TYPE = /^(text\/html|application\/json|text\/calendar|text\/csv|application\/(atom\+)?xml|application\/geo\+json)/;
const SESSION = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

/**
 * The hit path, a plain function over Node's request and response: no routing, no hooks, no header
 * building (every entry's headers were prepared when it was stored). Returns false when the request
 * is not a hit, for the caller to hand it on.
 */
export function serveFromCache(cache: PageCache, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (req.method !== 'GET') return false;
  const url = req.url!;
  if (!CACHEABLE_PATH.test(url)) return false;
  const cookie = req.headers.cookie;
  if (cookie !== undefined && SESSION.test(cookie)) return false;
  const page = cache.get(url);
  if (!page) return false;
  const answer = page.answers[chooseEncoding(req.headers['accept-encoding'], page.has)];
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined && (ifNoneMatch === '*' || ifNoneMatch.includes(page.tag))) {
    res.writeHead(304, answer.notModified).end();
  } else {
    res.writeHead(200, answer.headers).end(answer.body);
  }
  return true;
}

/**
 * Fastify's `serverFactory`: hits are answered in the server's own 'request' listener, in front of
 * Fastify; everything else goes on to it. The cache is looked up when a request comes, as it is built
 * after Fastify.
 */
export function cacheInFront(cache: () => PageCache): FastifyServerFactory {
  return (handler) =>
    http.createServer((req, res) => {
      if (!serveFromCache(cache(), req, res)) handler(req, res);
    });
}

export function registerPageCache(app: FastifyInstance): void {
  const cache = app.ctx.pageCache;
  app.decorateRequest('pageCacheGeneration', 0);

  // The same hit path inside Fastify: for `inject` (tests) and any server built without cacheInFront.
  app.addHook('onRequest', async (request, reply) => {
    request.pageCacheGeneration = cache.generation;
    if (!isCacheable(request)) return;
    if (serveFromCache(cache, request.raw, reply.raw)) reply.hijack();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!isCacheable(request) || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (reply.getHeader('set-cookie') || /private|no-store/.test(cacheControl)) return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!CACHEABLE_TYPE.test(contentType)) return payload;
    const body = Buffer.from(payload);
    const tag = crypto.createHash('sha1').update(body).digest('base64url');
    if (!cacheControl) reply.header('cache-control', 'no-cache');
    const page = preparePage(reply.getHeaders(), await precompress(body), tag);
    cache.set(request.url, page, request.pageCacheGeneration);
    // This first answer is sent like every later one: in the client's encoding, with the validators.
    const answer = page.answers[chooseEncoding(request.headers['accept-encoding'], page.has)];
    const headers = answer.headers;
    for (let i = 0; i < headers.length; i += 2) {
      const name = headers[i]!;
      if (name !== 'x-page-cache' && name !== 'content-length') reply.header(name, headers[i + 1]!);
    }
    return answer.body;
  });
}

function isCacheable(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    request.user === null &&
    !request.cookies[SESSION_COOKIE] &&
    CACHEABLE_PATH.test(request.url)
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The page cache's generation when the request came: see PageCache.set. */
    pageCacheGeneration: number;
  }
}
