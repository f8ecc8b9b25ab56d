import type { FastifyInstance } from 'fastify';
import { ASSETS } from './assets.ts';
import { chooseEncoding, precompressSync } from './compression.ts';

/** The stylesheet, script and icon, under fingerprinted names, cacheable for a year, compressed once at start. */
export function registerAssets(app: FastifyInstance): void {
  for (const asset of Object.values(ASSETS)) {
    const bodies = precompressSync(asset.body);
    const has = { br: bodies.br !== null, gzip: bodies.gzip !== null };
    app.get(asset.url, { schema: { hide: true } }, async (request, reply) => {
      const encoding = chooseEncoding(request.headers['accept-encoding'], has);
      reply.header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'Accept-Encoding').type(asset.contentType);
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      return reply.send(bodies[encoding] ?? asset.body);
    });
  }
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => reply.redirect(ASSETS.favicon.url, 301));
}
