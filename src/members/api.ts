import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse, listQuery, listResponse, langQuery, MAX_LIMIT } from '../api/conventions.ts';
import { toCsv } from '../api/csv.ts';
import type { Lang } from '../i18n/langs.ts';
import { pick } from '../i18n/translatable.ts';
import { notFound } from '../web/http-error.ts';
import { route } from '../web/routes.ts';
import { memberExport, memberItem, memberList, memberProfile } from './domain.ts';
import { directoryInput } from './routes.tsx';

const filterParam = (description: string) =>
  z.union([z.string(), z.array(z.string())]).optional().describe(`${description}; repeat or separate with commas for several (unknown values are ignored)`);

const filterQuery = z.object({
  q: z.string().max(100).optional().describe('Words of the name (in any language) or the city'),
  region: filterParam('Region: africa, asia-pacific, europe, latin-america-caribbean, north-america'),
  country: filterParam('Country, ISO 3166 alpha-2 (e.g. KR)'),
  kind: filterParam('Kind: local_government, sse_network, other_organisation, honorary, partner'),
  status: filterParam('Status: applicant, active, suspended, withdrawn, disqualified'),
  sort: z.enum(['name', 'country', 'joined']).optional().describe('Order: name (in the chosen language), country, joined'),
});
const membersQuery = listQuery.extend(filterQuery.shape);
const csvQuery = langQuery.extend(filterQuery.shape);

const memberItemSchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  category: z.string(),
  status: z.string(),
  region: z.string().nullable(),
  country: z.string().nullable().describe('ISO 3166 alpha-2'),
  city: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  website: z.string().nullable(),
  joinedOn: z.string().nullable(),
  url: z.string(),
});

const memberDetail = memberItemSchema.extend({
  description: z.object({ text: z.string(), lang: z.string(), status: z.string() }).nullable(),
  roles: z.array(z.object({ body: z.string(), role: z.string(), region: z.string().nullable(), startsOn: z.string().nullable(), endsOn: z.string().nullable() })),
});

type FilterQuery = Record<string, string | string[] | undefined>;
const split = (query: FilterQuery) =>
  Object.fromEntries(
    (['region', 'country', 'kind', 'status'] as const).map((key) => [key, [query[key] ?? []].flat().flatMap((v) => String(v).split(','))]),
  );

async function list(request: FastifyRequest<{ Querystring: FilterQuery & { lang: Lang; limit: number; offset: number } }>, reply: FastifyReply) {
  const { lang, limit, offset, sort } = request.query;
  const { filters } = directoryInput({ ...split(request.query as FilterQuery), q: request.query.q });
  const { sort: order } = directoryInput({ sort });
  const { rows, total } = await memberList(request.server.ctx.db, { filters, sort: order, lang, limit, offset });
  reply.header('cache-control', 'public, max-age=60');
  return { total, items: rows.map((row) => memberItem(row, lang, request.server.ctx.config.baseUrl)) };
}

const CSV_COLUMNS = ['slug', 'name', 'kind', 'category', 'status', 'region', 'country', 'city', 'latitude', 'longitude', 'website', 'joinedOn', 'url'];

async function csv(request: FastifyRequest<{ Querystring: FilterQuery & { lang: Lang } }>, reply: FastifyReply) {
  const { lang, sort } = request.query;
  const { filters } = directoryInput({ ...split(request.query as FilterQuery), q: request.query.q });
  const { sort: order } = directoryInput({ sort });
  // Every member, in the same order as the directory and the JSON list.
  const rows = (await memberExport(request.server.ctx.db, { filters, sort: order, lang })).map((row) => memberItem(row, lang, request.server.ctx.config.baseUrl));
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="members.csv"')
    .send(toCsv(CSV_COLUMNS, rows));
}

async function one(request: FastifyRequest<{ Params: { slug: string }; Querystring: { lang: Lang } }>) {
  const { lang } = request.query;
  const profile = await memberProfile(request.server.ctx.db, request.params.slug, false);
  if (!profile) throw notFound();
  const { member, mandates } = profile;
  return {
    ...memberItem(member, lang, request.server.ctx.config.baseUrl),
    description: pick(member.description, lang),
    roles: mandates.map((mandate) => ({
      body: mandate.body_slug,
      role: mandate.role,
      region: mandate.region,
      startsOn: mandate.starts_on,
      endsOn: mandate.ends_on,
    })),
  };
}

const errors = { 400: errorResponse };

export const memberApiRoutes = [
  route('GET', '/api/v1/members', 'public', list, {
    schema: { summary: 'Members of the network', tags: ['members'], querystring: membersQuery, response: { 200: listResponse(memberItemSchema), ...errors } },
  }),
  route('GET', '/api/v1/members.csv', 'public', csv, {
    schema: { summary: `Members of the network as CSV (all rows; the JSON list pages by ${MAX_LIMIT} at most)`, tags: ['members'], querystring: csvQuery },
  }),
  route('GET', '/api/v1/members/:slug', 'public', one, {
    schema: {
      summary: 'One member, with its governance roles',
      tags: ['members'],
      params: z.object({ slug: z.string().max(200) }),
      querystring: langQuery,
      response: { 200: memberDetail, 404: errorResponse, ...errors },
    },
  }),
];
