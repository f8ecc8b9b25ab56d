import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse, langQuery, listQuery, listResponse } from '../api/conventions.ts';
import { toCsv } from '../api/csv.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { textOf } from '../i18n/translatable.ts';
import { notFound } from '../web/http-error.ts';
import { route } from '../web/routes.ts';
import { cleanFilters, publishedForApi, resourceDetail, resourceRows, seesMembersOnly } from './domain.ts';
import { RESOURCE_TYPES } from './forms.ts';
import type { ResourceRow } from './queries.ts';
import { fileUrl } from './views/resource.tsx';

const item = z.object({
  slug: z.string(),
  type: z.enum(RESOURCE_TYPES),
  title: z.string(),
  summary: z.string(),
  languages: z.array(z.string()).describe('Languages the resource exists in'),
  published: z.string().nullable().describe('YYYY-MM-DD, YYYY-MM or YYYY: as much of the date as is known'),
  authors: z.array(z.string()),
  themes: z.array(z.string()),
  visibility: z.enum(['public', 'members']).describe('`members`: only listed for signed-in members and staff'),
  externalUrl: z.string().nullable(),
  url: z.string(),
});

const fileItem = z.object({ name: z.string(), type: z.string(), size: z.number().int(), lang: z.string().nullable(), url: z.string() });
const detailItem = item.extend({
  publishers: z.array(z.string()),
  files: z.array(fileItem),
  activity: z.string().nullable(),
  member: z.string().nullable(),
  initiative: z.string().nullable(),
});

const filters = z.object({
  q: z.string().max(200).optional().describe('Words in the title, summary or authors (accent- and case-free)'),
  type: z.enum(RESOURCE_TYPES).optional(),
  language: z.enum(LANGS).optional().describe('Resources available in this language'),
  year: z.coerce.number().int().min(1900).max(2200).optional().describe('Year of publication'),
  theme: z.string().max(100).optional().describe('Theme slug'),
});
const query = listQuery.extend(filters.shape);
type Query = z.output<typeof query>;

const filterOf = (q: Omit<Query, 'limit' | 'offset'>) =>
  cleanFilters({ type: q.type ? [q.type] : [], language: q.language ? [q.language] : [], year: q.year ? [String(q.year)] : [], theme: q.theme ? [q.theme] : [], q: q.q });

function json(row: ResourceRow, lang: Lang, baseUrl: string) {
  return {
    slug: row.slug,
    type: row.type as (typeof RESOURCE_TYPES)[number],
    title: textOf(row.title, lang),
    summary: textOf(row.summary, lang),
    languages: row.languages,
    published: publishedForApi(row.published_on, row.date_precision),
    authors: row.authors,
    themes: row.themes,
    visibility: row.visibility,
    externalUrl: row.external_url,
    url: `${baseUrl}/${lang}/library/${row.slug}`,
  };
}

/** Answers that may hold members-only items are never shared by caches. */
function cacheFor(request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', request.user ? 'private, no-store' : 'public, max-age=60');
}

async function list(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const { db, config } = request.server.ctx;
  const [rows, total] = await resourceRows(db, filterOf(request.query), seesMembersOnly(request.user), { limit: request.query.limit, offset: request.query.offset });
  cacheFor(request, reply);
  return { total, items: rows.map((row) => json(row, request.query.lang, config.baseUrl)) };
}

async function one(request: FastifyRequest<{ Params: { slug: string }; Querystring: { lang: Lang } }>, reply: FastifyReply) {
  const { db, config } = request.server.ctx;
  const detail = await resourceDetail(db, request.params.slug, seesMembersOnly(request.user));
  if (!detail) throw notFound();
  const { lang } = request.query;
  cacheFor(request, reply);
  return {
    ...json(detail.resource, lang, config.baseUrl),
    publishers: detail.publishers.map((p) => textOf(p.name, lang)),
    files: detail.files.map((file) => ({ name: file.file_name, type: file.mime, size: file.size, lang: file.lang, url: `${config.baseUrl}${fileUrl(file)}` })),
    activity: detail.related.activity?.slug ?? null,
    member: detail.related.member?.slug ?? null,
    initiative: detail.related.initiative?.slug ?? null,
  };
}

const CSV_COLUMNS = ['slug', 'type', 'title', 'summary', 'languages', 'published', 'authors', 'themes', 'visibility', 'externalUrl', 'url'];
const csvQuery = langQuery.extend(filters.shape);

async function csv(request: FastifyRequest<{ Querystring: z.output<typeof csvQuery> }>, reply: FastifyReply) {
  const { db, config } = request.server.ctx;
  const [rows] = await resourceRows(db, filterOf(request.query), seesMembersOnly(request.user), { limit: 100_000, offset: 0 });
  cacheFor(request, reply);
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="resources.csv"')
    .send(toCsv(CSV_COLUMNS, rows.map((row) => json(row, request.query.lang, config.baseUrl))));
}

const errors = { 400: errorResponse };

export const libraryApiRoutes = [
  route('GET', '/api/v1/resources', 'public', list, {
    schema: { summary: 'Library resources: reports, papers, declarations, videos, galleries…', tags: ['library'], querystring: query, response: { 200: listResponse(item), ...errors } },
  }),
  route('GET', '/api/v1/resources.csv', 'public', csv, { schema: { summary: 'Library resources as CSV', tags: ['library'], querystring: csvQuery } }),
  route('GET', '/api/v1/resources/:slug', 'public', one, {
    schema: { summary: 'One resource with its publishers and files', tags: ['library'], params: z.object({ slug: z.string().max(200) }), querystring: langQuery, response: { 200: detailItem, 404: errorResponse, ...errors } },
  }),
];
