import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadImages } from '../images/domain.ts';
import { textOf } from '../i18n/translatable.ts';
import { notFound } from '../web/http-error.ts';
import { PAGE_SIZE, pageParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import type { PublishedNews } from './domain.ts';
import { atomFeed, feedEntries } from './feed.ts';
import { publishedBySlug, publishedPage } from './queries.ts';
import { NewsItemPage, NewsListPage } from './views/public.tsx';

type Query = Record<string, unknown>;

async function list(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const page = pageParam.parse(request.query.page);
  const { rows, total } = await publishedPage(request.server.ctx.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return sendPage(request, reply, {
    title: request.t('news.title'),
    description: request.t('news.intro'),
    body: (ctx) => <NewsListPage ctx={ctx} rows={rows} total={total} page={page} pageSize={PAGE_SIZE} />,
  });
}

async function item(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const found = await publishedBySlug(request.server.ctx.db, request.params.slug);
  if (!found) throw notFound();
  const news = found as PublishedNews;
  const picture = news.image_id ? (await loadImages(request.server.ctx.db, [news.image_id])).get(news.image_id) ?? null : null;
  return sendPage(request, reply, {
    title: textOf(news.title, request.lang),
    description: textOf(news.summary, request.lang).slice(0, 300),
    body: (ctx) => <NewsItemPage ctx={ctx} item={news} picture={picture} />,
  });
}

/** A published item's image, served with the type detected at upload and no way to run as a page. */
async function image(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const found = await publishedBySlug(request.server.ctx.db, request.params.slug);
  if (!found?.image_key || !found.image_mime) throw notFound();
  const content = await request.server.ctx.files.get(found.image_key);
  if (!content) throw notFound();
  return reply.type(found.image_mime).header('cache-control', 'public, max-age=3600').header('content-security-policy', "default-src 'none'").header('x-content-type-options', 'nosniff').send(content);
}

async function feed(request: FastifyRequest, reply: FastifyReply) {
  const { db, config } = request.server.ctx;
  const entries = await feedEntries(db, request.lang, config.baseUrl);
  return reply.type('application/atom+xml; charset=utf-8').send(atomFeed({ lang: request.lang, baseUrl: config.baseUrl, entries }));
}

export const newsRoutes = [
  route('GET', '/:lang/news', 'public', list),
  route('GET', '/:lang/news/:slug', 'public', item),
  route('GET', '/media/news/:slug/image', 'public', image),
  route('GET', '/:lang/feed.xml', 'public', feed),
];
