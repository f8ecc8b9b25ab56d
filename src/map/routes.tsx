import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse } from '../api/conventions.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { listParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { cluster, mapFilters, mapItems } from './domain.ts';
import { MapPage } from './views/map.tsx';

type Query = Record<string, string | string[] | undefined>;
const filtersFrom = (query: Query) => mapFilters({
  show: query.show,
  region: listParam(query.region).flatMap((v) => v.split(',')),
  country: listParam(query.country).flatMap((v) => v.split(',')),
  event: listParam(query.event).flatMap((v) => v.split(',')),
  theme: listParam(query.theme).flatMap((v) => v.split(',')),
});

async function mapPage(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const filters = filtersFrom(request.query);
  const clusters = cluster(await mapItems(request.server.ctx.db, filters, request.lang));
  const query = new URLSearchParams();
  if (filters.show !== 'all') query.set('show', filters.show);
  for (const key of ['region', 'country', 'event', 'theme'] as const) for (const value of filters[key]) query.append(key, value);
  return sendPage(request, reply, {
    title: request.t('map.title'),
    description: request.t('map.intro'),
    body: (ctx) => <MapPage ctx={ctx} clusters={clusters} filters={filters} query={query.toString()} />,
  });
}

const param = z.union([z.string(), z.array(z.string())]).optional();
const geojsonQuery = z.object({
  lang: z.enum(LANGS).default('en').describe('Language of names and titles'),
  show: z.enum(['all', 'organisations', 'initiatives']).default('all').describe('What to include'),
  region: param.describe('Region (africa, asia-pacific, europe, latin-america-caribbean, north-america)'),
  country: param.describe('Country, ISO 3166 alpha-2'),
  event: param.describe('Event slug (initiatives only)'),
  theme: param.describe('Theme slug (initiatives only)'),
});

async function geojson(request: FastifyRequest<{ Querystring: Query & { lang: Lang } }>, reply: FastifyReply) {
  const items = await mapItems(request.server.ctx.db, filtersFrom(request.query), request.query.lang);
  const base = request.server.ctx.config.baseUrl;
  const round = (n: number) => Math.round(n * 1e4) / 1e4;
  const features = items.map((item) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round(item.longitude), round(item.latitude)] },
    properties: {
      kind: item.type,
      slug: item.slug,
      name: item.name,
      code: item.code,
      city: item.city,
      country: item.country,
      url: item.type === 'initiative' ? `${base}/${request.query.lang}/initiatives/${item.slug}` : null,
    },
  }));
  return reply
    .type('application/geo+json; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .send(JSON.stringify({ type: 'FeatureCollection', features }));
}

export const mapRoutes = [
  route('GET', '/:lang/map', 'public', mapPage),
  route('GET', '/api/v1/map.geojson', 'public', geojson, {
    schema: { summary: 'Organisations and initiatives with coordinates, as GeoJSON points', tags: ['map'], querystring: geojsonQuery, response: { 400: errorResponse } },
  }),
];
