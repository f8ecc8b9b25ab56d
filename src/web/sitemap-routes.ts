import type { FastifyReply, FastifyRequest } from 'fastify';
import { LANGS } from '../i18n/langs.ts';
import { HttpError } from './http-error.ts';
import { route } from './routes.ts';
import { indexXml, PATHS_PER_FILE, sitemapEntries, urlsetXml } from './sitemap.ts';

/**
 * `/sitemap.xml` (one file, or an index of `?page=n` files past 50,000 URLs) and `/robots.txt`
 * pointing at it. Both use BASE_URL, the public address. The sitemap is page-cached like the
 * feeds (see page-cache-hooks.ts) and so cleared by every content write.
 */
async function sitemap(request: FastifyRequest<{ Querystring: Record<string, unknown> }>, reply: FastifyReply) {
  const { db, config } = request.server.ctx;
  const pageText = request.query.page;
  if (pageText !== undefined && !/^[1-9]\d{0,4}$/.test(String(pageText))) throw new HttpError(400, 'error.bad_request');
  const entries = await sitemapEntries(db);
  const files = Math.max(1, Math.ceil(entries.length / PATHS_PER_FILE));
  let body: string;
  if (pageText === undefined) {
    body = files === 1 ? urlsetXml(config.baseUrl, entries) : indexXml(config.baseUrl, files);
  } else {
    const page = Number(pageText);
    if (page > files) throw new HttpError(404, 'error.not_found');
    body = urlsetXml(config.baseUrl, entries.slice((page - 1) * PATHS_PER_FILE, page * PATHS_PER_FILE));
  }
  return reply.header('content-type', 'application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
}

/** Crawlers may read every public page; the back-office, sign-in and search results are not for them. */
async function robots(request: FastifyRequest, reply: FastifyReply) {
  const lines = ['User-agent: *'];
  for (const lang of LANGS) lines.push(`Disallow: /${lang}/admin`, `Disallow: /${lang}/sign-in`, `Disallow: /${lang}/search`);
  lines.push('', `Sitemap: ${request.server.ctx.config.baseUrl}/sitemap.xml`);
  return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(`${lines.join('\n')}\n`);
}

export const sitemapRoutes = [route('GET', '/sitemap.xml', 'public', sitemap), route('GET', '/robots.txt', 'public', robots)];
