import type { FastifyInstance } from 'fastify';
import { ASSETS } from './assets.ts';

/** The stylesheet and icon, under fingerprinted names, cacheable for a year. */
export function registerAssets(app: FastifyInstance): void {
  for (const asset of Object.values(ASSETS)) {
    app.get(asset.url, { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.contentType).send(asset.body),
    );
  }
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => reply.redirect(ASSETS.favicon.url, 301));
}
