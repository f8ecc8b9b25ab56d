import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse, langQuery, listQuery, listResponse, MAX_LIMIT } from '../api/conventions.ts';
import { toCsv } from '../api/csv.ts';
import type { Lang } from '../i18n/langs.ts';
import { pick, textOf } from '../i18n/translatable.ts';
import { notFound } from '../web/http-error.ts';
import { route } from '../web/routes.ts';
import { FACETS, initiativeArchive, initiativeDetail, initiativeRows } from './domain.ts';
import { filtersFrom } from './routes.tsx';

const filterParam = (description: string) =>
  z.union([z.string(), z.array(z.string())]).optional().describe(`${description}; repeat or separate with commas for several (a value nothing has gives an empty list)`);

export const initiativeFilterQuery = z.object({
  event: filterParam('Event slug (e.g. gsef2018-bilbao)'),
  session: filterParam('Session number in the event programme'),
  workshop: filterParam('Workshop code (e.g. 4.1)'),
  country: filterParam('Country, ISO 3166 alpha-2 (e.g. KR)'),
  region: filterParam('Region: africa, asia-pacific, europe, latin-america-caribbean, north-america'),
  theme: filterParam('Theme slug (e.g. finance)'),
  kind: filterParam('Kind of organisation (e.g. local_government)'),
  q: z.string().max(200).optional().describe('Words to find in titles, summaries, organisations, places and presenters'),
});
const listQueryShape = listQuery.extend(initiativeFilterQuery.shape);
const csvQuery = langQuery.extend(initiativeFilterQuery.shape);

const item = z.object({
  slug: z.string(),
  code: z.string(),
  kind: z.string(),
  title: z.string(),
  organisation: z.string().nullable(),
  organisationKind: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable().describe('ISO 3166 alpha-2'),
  region: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  event: z.string(),
  session: z.string().nullable(),
  workshop: z.string().nullable(),
  workshopTitle: z.string().nullable(),
  themes: z.array(z.string()),
  sdgs: z.array(z.number()),
  url: z.string(),
});
const detail = item.extend({
  summary: z.object({ text: z.string(), lang: z.string(), status: z.string() }).nullable(),
  presenters: z.array(z.object({ name: z.string(), role: z.string().nullable(), organisation: z.string().nullable(), url: z.string().nullable() })),
  links: z.array(z.string()),
});

type FilterQuery = Record<string, string | string[] | undefined>;
const split = (query: FilterQuery): FilterQuery => ({
  ...Object.fromEntries(FACETS.map((facet) => [facet, query[facet] === undefined ? undefined : [query[facet]].flat().flatMap((v) => String(v).split(','))])),
  q: typeof query.q === 'string' ? query.q : undefined,
});

type Row = Awaited<ReturnType<typeof initiativeArchive>>['rows'][number];
function toItem(row: Row, lang: Lang, baseUrl: string): z.infer<typeof item> {
  return {
    slug: row.slug,
    code: row.code,
    kind: row.kind,
    title: textOf(row.title, lang),
    organisation: row.organisation_name ? textOf(row.organisation_name, lang) : null,
    organisationKind: row.organisation_kind ?? null,
    city: row.city,
    country: row.country,
    region: row.region,
    latitude: row.latitude,
    longitude: row.longitude,
    event: row.event_slug,
    session: row.session_code ?? null,
    workshop: row.workshop_code ?? null,
    workshopTitle: row.workshop_title ? textOf(row.workshop_title, lang) : null,
    themes: row.themes,
    sdgs: row.sdgs,
    url: `${baseUrl}/${lang}/initiatives/${row.slug}`,
  };
}

async function list(request: FastifyRequest<{ Querystring: FilterQuery & { lang: Lang; limit: number; offset: number } }>, reply: FastifyReply) {
  const { lang, limit, offset } = request.query;
  const filters = filtersFrom(split(request.query as FilterQuery));
  const { rows, total } = await initiativeArchive(request.server.ctx.db, filters, { limit, offset });
  reply.header('cache-control', 'public, max-age=60');
  return { total, items: rows.map((row) => toItem(row, lang, request.server.ctx.config.baseUrl)) };
}

async function one(request: FastifyRequest<{ Params: { slug: string }; Querystring: { lang: Lang } }>, reply: FastifyReply) {
  const found = await initiativeDetail(request.server.ctx.db, request.params.slug);
  if (!found) throw notFound();
  const { initiative } = found;
  const { lang } = request.query;
  reply.header('cache-control', 'public, max-age=60');
  return {
    ...toItem({ ...initiative, organisation_name: initiative.organisation_name, organisation_slug: initiative.organisation_slug } as unknown as Row, lang, request.server.ctx.config.baseUrl),
    summary: pick(initiative.summary, lang),
    presenters: initiative.presenters,
    links: initiative.links,
  };
}

const CSV_COLUMNS = ['slug', 'code', 'kind', 'title', 'organisation', 'organisationKind', 'city', 'country', 'region', 'latitude', 'longitude', 'event', 'session', 'workshop', 'workshopTitle', 'themes', 'sdgs', 'url'];

async function csv(request: FastifyRequest<{ Querystring: FilterQuery & { lang: Lang } }>, reply: FastifyReply) {
  const { lang } = request.query;
  const filters = filtersFrom(split(request.query as FilterQuery));
  const items: z.infer<typeof item>[] = [];
  // The whole filtered archive, a page at a time (no unbounded single query in memory twice).
  for (let offset = 0; ; offset += 1000) {
    const { rows, total } = await initiativeArchiveRows(request, filters, offset);
    items.push(...rows.map((row) => toItem(row, lang, request.server.ctx.config.baseUrl)));
    if (offset + 1000 >= total) break;
  }
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="initiatives.csv"')
    .header('cache-control', 'public, max-age=60')
    .send(toCsv(CSV_COLUMNS, items));
}

function initiativeArchiveRows(request: FastifyRequest, filters: ReturnType<typeof filtersFrom>, offset: number) {
  return initiativeRows(request.server.ctx.db, filters, { limit: 1000, offset });
}

const errors = { 400: errorResponse };

export const initiativeApiRoutes = [
  route('GET', '/api/v1/initiatives', 'public', list, {
    schema: { summary: `Initiatives presented at GSEF forums (${FACETS.join(', ')} filters; up to ${MAX_LIMIT} a page)`, tags: ['initiatives'], querystring: listQueryShape, response: { 200: listResponse(item), ...errors } },
  }),
  route('GET', '/api/v1/initiatives.csv', 'public', csv, {
    schema: { summary: 'All initiatives matching the filters, as CSV', tags: ['initiatives'], querystring: csvQuery },
  }),
  route('GET', '/api/v1/initiatives/:slug', 'public', one, {
    schema: { summary: 'One initiative', tags: ['initiatives'], params: z.object({ slug: z.string().max(200) }), querystring: langQuery, response: { 200: detail, 404: errorResponse } },
  }),
];
