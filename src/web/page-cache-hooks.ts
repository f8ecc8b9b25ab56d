import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/routes.tsx';

/**
 * Serves anonymous GETs of public pages from the page cache, and stores such pages after rendering
 * unless they opted out (a form with a CSRF token sets `cache-control: private, no-store`).
 * Pages are sent with an ETag, so revalidating browsers get a 304.
 */
export function registerPageCache(app: FastifyInstance): void {
  const cache = app.ctx.pageCache;

  app.addHook('onRequest', async (request, reply) => {
    if (!isCacheable(request)) return;
    const page = cache.get(request.url);
    if (!page) return;
    reply.header('etag', page.etag).header('cache-control', 'no-cache').header('x-page-cache', 'hit');
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
    return reply.type(page.contentType).send(page.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!isCacheable(request) || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (reply.getHeader('x-page-cache') || reply.getHeader('set-cookie') || reply.getHeader('cache-control')) return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!contentType.startsWith('text/html')) return payload;
    const etag = `"${crypto.createHash('sha1').update(payload).digest('base64url')}"`;
    cache.set(request.url, { body: Buffer.from(payload), etag, contentType });
    reply.header('etag', etag).header('cache-control', 'no-cache');
    return payload;
  });
}

function isCacheable(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    request.user === null &&
    !request.cookies[SESSION_COOKIE] &&
    /^\/[a-z]{2}\//.test(request.url) &&
    !/^\/[a-z]{2}\/(admin|sign-in)/.test(request.url)
  );
}
