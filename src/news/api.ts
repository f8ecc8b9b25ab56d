import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse, langQuery, listQuery, listResponse } from '../api/conventions.ts';
import { toCsv } from '../api/csv.ts';
import type { Lang } from '../i18n/langs.ts';
import { pick, type Translatable } from '../i18n/translatable.ts';
import { notFound } from '../web/http-error.ts';
import { route } from '../web/routes.ts';
import { newsImageUrl, type PublishedNews } from './domain.ts';
import { publishedBySlug, publishedMatching } from './queries.ts';

const textItem = z.object({ text: z.string(), lang: z.string(), status: z.string(), fallback: z.boolean() });

const item = z.object({
  slug: z.string(),
  kind: z.enum(['news', 'announcement']),
  title: z.string(),
  summary: z.string(),
  lang: z.string().describe('Language of the title shown (the asked one, else the original)'),
  sourceLang: z.string().describe('Language the item was written in'),
  publishedAt: z.string().describe('ISO 8601'),
  updatedAt: z.string(),
  link: z.string().nullable(),
  image: z.string().nullable().describe('URL of the image, if any'),
  imageAlt: z.string().nullable(),
  url: z.string(),
});
const detail = item.extend({ body: z.string(), texts: z.object({ title: textItem.nullable(), summary: textItem.nullable(), body: textItem.nullable() }) });

const filters = z.object({
  kind: z.enum(['news', 'announcement']).optional().describe('news (from members) or announcement (from the secretariat)'),
  q: z.string().max(200).optional().describe('Words in the title, summary or text, in any language'),
});
const query = listQuery.extend(filters.shape);
type Query = z.output<typeof query>;

const picked = (field: Translatable, lang: Lang) => {
  const p = pick(field, lang);
  return p ? { text: p.text, lang: p.lang, status: p.status, fallback: p.isFallback } : null;
};

export function newsJson(row: PublishedNews, lang: Lang, baseUrl: string) {
  const title = pick(row.title, lang);
  const base = baseUrl.replace(/\/+$/, '');
  return {
    slug: row.slug,
    kind: row.kind,
    title: title?.text ?? row.slug,
    summary: pick(row.summary, lang)?.text ?? '',
    lang: title?.lang ?? row.source_lang,
    sourceLang: row.source_lang,
    publishedAt: row.published_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    link: row.link,
    image: row.image_key ? `${base}${newsImageUrl(row.slug)}` : null,
    imageAlt: row.image_key ? (pick(row.image_alt, lang)?.text ?? '') : null,
    url: `${base}/${lang}/news/${row.slug}`,
  };
}

async function list(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const { kind, q, limit, offset, lang } = request.query;
  const { rows, total } = await publishedMatching(request.server.ctx.db, { kind, q: q?.trim() || undefined, limit, offset });
  reply.header('cache-control', 'public, max-age=60');
  return { total, items: rows.map((row) => newsJson(row as PublishedNews, lang, request.server.ctx.config.baseUrl)) };
}

async function one(request: FastifyRequest<{ Params: { slug: string }; Querystring: { lang: Lang } }>) {
  const row = (await publishedBySlug(request.server.ctx.db, request.params.slug)) as PublishedNews | undefined;
  if (!row) throw notFound();
  const { lang } = request.query;
  const texts = { title: picked(row.title, lang), summary: picked(row.summary, lang), body: picked(row.body, lang) };
  return { ...newsJson(row, lang, request.server.ctx.config.baseUrl), body: texts.body?.text ?? '', texts };
}

const CSV_COLUMNS = ['slug', 'kind', 'title', 'summary', 'lang', 'sourceLang', 'publishedAt', 'updatedAt', 'link', 'image', 'url'];

async function csv(request: FastifyRequest<{ Querystring: z.output<typeof csvQuery> }>, reply: FastifyReply) {
  const { kind, q, lang } = request.query;
  const { rows } = await publishedMatching(request.server.ctx.db, { kind, q: q?.trim() || undefined, limit: 100_000, offset: 0 });
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="news.csv"')
    .send(toCsv(CSV_COLUMNS, rows.map((row) => newsJson(row as PublishedNews, lang, request.server.ctx.config.baseUrl))));
}

const errors = { 400: errorResponse };
const csvQuery = langQuery.extend(filters.shape);

export const newsApiRoutes = [
  route('GET', '/api/v1/news', 'public', list, {
    schema: { summary: 'Published news and announcements, newest first', tags: ['news'], querystring: query, response: { 200: listResponse(item), ...errors } },
  }),
  route('GET', '/api/v1/news.csv', 'public', csv, { schema: { summary: 'News as CSV', tags: ['news'], querystring: csvQuery } }),
  route('GET', '/api/v1/news/:slug', 'public', one, {
    schema: { summary: 'One news item with its full text', tags: ['news'], params: z.object({ slug: z.string().max(200) }), querystring: langQuery, response: { 200: detail, 404: errorResponse, ...errors } },
  }),
];
