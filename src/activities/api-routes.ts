import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse, listQuery, listResponse, langQuery } from '../api/conventions.ts';
import { toCsv } from '../api/csv.ts';
import type { Lang } from '../i18n/i18n.ts';
import { textOf } from '../i18n/translatable.ts';
import { REGIONS } from '../places/regions.ts';
import { notFound } from '../web/http-error.ts';
import { route } from '../web/routes.ts';
import { ACTIVITY_TYPES, activityDetail, activityJson, countActivitiesMatching, listActivitiesMatching, type ActivityFilter } from './domain.ts';

const item = z.object({
  slug: z.string(),
  type: z.string(),
  title: z.string(),
  summary: z.string(),
  start: z.string().describe('YYYY-MM-DD, YYYY-MM when only the month is known, YYYY when only the year is known'),
  end: z.string(),
  datePrecision: z.enum(['day', 'month', 'year']).describe('How much of the date is known: `day`, `month` (start and end as YYYY-MM) or `year` (as YYYY)'),
  tentative: z.boolean(),
  format: z.enum(['online', 'in-person', 'hybrid']),
  city: z.string().nullable(),
  country: z.string().nullable().describe('ISO 3166 alpha-2'),
  region: z.string().nullable(),
  venue: z.string().nullable(),
  participants: z.number().nullable(),
  countries: z.number().nullable(),
  themes: z.array(z.string()),
  series: z.string().nullable(),
  edition: z.number().nullable(),
  parent: z.string().nullable(),
  url: z.string(),
});

const organisationItem = z.object({ slug: z.string(), name: z.string(), role: z.enum(['organiser', 'partner']), city: z.string().nullable(), country: z.string().nullable() });

const detailItem = item.extend({
  speakers: z.array(z.string()),
  organisations: z.array(organisationItem),
  subEvents: z.array(item),
  resources: z.array(z.object({ kind: z.string(), title: z.string(), url: z.string().nullable() })),
  related: z.array(z.string()),
});

const filters = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional().describe('Events starting in this year'),
  type: z.enum(ACTIVITY_TYPES).optional(),
  region: z.enum(REGIONS).optional(),
  q: z.string().max(200).optional(),
});
const query = listQuery.extend(filters.shape);
type Query = z.output<typeof query>;

const filterOf = (q: Query, topLevel: boolean): ActivityFilter => ({
  topLevel,
  years: q.year ? [q.year] : [],
  types: q.type ? [q.type] : [],
  regions: q.region ? [q.region] : [],
  q: q.q?.trim() || undefined,
});

function list(topLevel: boolean) {
  return async (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) => {
    const { db } = request.server.ctx;
    const filter = filterOf(request.query, topLevel);
    const [total, rows] = await Promise.all([
      countActivitiesMatching(db, filter),
      listActivitiesMatching(db, filter, { limit: request.query.limit, offset: request.query.offset }),
    ]);
    reply.header('cache-control', 'public, max-age=60');
    return { total, items: rows.map((row) => activityJson(row, request.query.lang)) };
  };
}

async function one(request: FastifyRequest<{ Params: { slug: string }; Querystring: { lang: Lang } }>) {
  const detail = await activityDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  const { lang } = request.query;
  return {
    ...activityJson(detail.activity, lang),
    speakers: detail.activity.speakers,
    organisations: detail.organisations.map((o) => ({ slug: o.slug, name: textOf(o.name, lang), role: o.role, city: o.city, country: o.country })),
    subEvents: detail.children.map((child) => activityJson(child, lang)),
    resources: detail.resources.map((r) => ({ kind: r.kind, title: textOf(r.title, lang), url: r.url })),
    related: detail.related.map((r) => r.slug),
  };
}

const CSV_COLUMNS = ['slug', 'type', 'title', 'start', 'end', 'datePrecision', 'tentative', 'format', 'city', 'country', 'region', 'venue', 'participants', 'countries', 'themes', 'series', 'edition', 'parent', 'url'];

async function csv(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const rows = await listActivitiesMatching(request.server.ctx.db, filterOf(request.query, true), { limit: 100_000, offset: 0 });
  const items = rows.map((row) => activityJson(row, request.query.lang));
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="activities.csv"')
    .send(toCsv(CSV_COLUMNS, items));
}

const errors = { 400: errorResponse };
const csvQuery = langQuery.extend(filters.shape);

export const activityApiRoutes = [
  route('GET', '/api/v1/activities', 'public', list(true), {
    schema: { summary: 'Activities: forums, dialogues, trainings, sessions, webinars, research, youth, meetings', tags: ['activities'], querystring: query, response: { 200: listResponse(item), ...errors } },
  }),
  route('GET', '/api/v1/activities.csv', 'public', csv, {
    schema: { summary: 'Activities as CSV', tags: ['activities'], querystring: csvQuery },
  }),
  route('GET', '/api/v1/activities/:slug', 'public', one, {
    schema: { summary: 'One activity with its organisations, sub-events and resources', tags: ['activities'], params: z.object({ slug: z.string().max(200) }), querystring: langQuery, response: { 200: detailItem, 404: errorResponse, ...errors } },
  }),
  route('GET', '/api/v1/events', 'public', list(false), {
    schema: { summary: 'Dated events: every calendar entry, sub-events included', tags: ['activities'], querystring: query, response: { 200: listResponse(item), ...errors } },
  }),
];
