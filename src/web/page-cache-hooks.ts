import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/routes.tsx';

/**
 * Serves anonymous GETs of public pages, API answers and feeds from the page cache, and stores them
 * after rendering unless they opted out (`cache-control` with `private` or `no-store`: a form with a
 * CSRF token does that). Answers carry an ETag, so revalidating clients get a 304.
 */
const CACHEABLE_PATH = /^\/(?:[a-z]{2}\/(?!admin|sign-in)|api\/v1\/|calendar\.ics|sitemap\.xml)/;
const CACHEABLE_TYPE = /^(text\/html|application\/json|text\/calendar|text\/csv|application\/(atom\+)?xml|application\/geo\+json)/;

export function registerPageCache(app: FastifyInstance): void {
  const cache = app.ctx.pageCache;

  app.addHook('onRequest', async (request, reply) => {
    if (!isCacheable(request)) return;
    const page = cache.get(request.url);
    if (!page) return;
    reply.header('etag', page.etag).header('cache-control', page.cacheControl).header('x-page-cache', 'hit');
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
    return reply.type(page.contentType).send(page.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!isCacheable(request) || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (reply.getHeader('x-page-cache') || reply.getHeader('set-cookie') || /private|no-store/.test(cacheControl)) return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!CACHEABLE_TYPE.test(contentType)) return payload;
    const etag = `"${crypto.createHash('sha1').update(payload).digest('base64url')}"`;
    cache.set(request.url, { body: Buffer.from(payload), etag, contentType, cacheControl: cacheControl || 'no-cache' });
    reply.header('etag', etag).header('cache-control', cacheControl || 'no-cache');
    return payload;
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
