import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse } from '../api/conventions.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { listParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { cluster, mapChoices, mapFilters, mapItems, mapView, mergeClose } from './domain.ts';
import { inView } from './world.ts';
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
  const [items, choices] = await Promise.all([mapItems(request.server.ctx.db, filters, request.lang), mapChoices(request.server.ctx.db)]);
  const view = mapView(request.query.zoom, filters.region);
  const clusters = mergeClose(cluster(items, view.cell), view.cell * 1.1).filter((c) => inView(view.box, c.x, c.y));
  const query = new URLSearchParams();
  if (filters.show !== 'all') query.set('show', filters.show);
  for (const key of ['region', 'country', 'event', 'theme'] as const) for (const value of filters[key]) query.append(key, value);
  return sendPage(request, reply, {
    title: request.t('map.title'),
    description: request.t('map.intro'),
    body: (ctx) => <MapPage ctx={ctx} clusters={clusters} filters={filters} choices={choices} query={query.toString()} view={view} />,
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
  bbox: z.string().regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/).optional()
    .describe('Only points inside this box: minLongitude,minLatitude,maxLongitude,maxLatitude (WGS 84, e.g. -10,35,5,45). '
      + 'With no bbox and no filter the answer holds every point (several MB at tens of thousands of initiatives): '
      + 'clients should narrow it with bbox, region, country, event or theme.'),
});

/** [minLon, minLat, maxLon, maxLat], or null when absent; a box crossing the antimeridian has minLon > maxLon. */
export function parseBbox(value: string | undefined): [number, number, number, number] | null {
  if (!value) return null;
  const [a, b, c, d] = value.split(',').map(Number) as [number, number, number, number];
  return [a, b, c, d];
}

function inBox(box: [number, number, number, number], longitude: number, latitude: number): boolean {
  const [minLon, minLat, maxLon, maxLat] = box;
  if (latitude < minLat || latitude > maxLat) return false;
  return minLon <= maxLon ? longitude >= minLon && longitude <= maxLon : longitude >= minLon || longitude <= maxLon;
}

async function geojson(request: FastifyRequest<{ Querystring: Query & { lang: Lang; bbox?: string } }>, reply: FastifyReply) {
  const { lang } = request.query;
  const box = parseBbox(request.query.bbox);
  const items = await mapItems(request.server.ctx.db, filtersFrom(request.query), lang);
  const base = request.server.ctx.config.baseUrl;
  // Five decimals: about a metre, more than any city-level place needs.
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  // Only what a map client draws and links: kind, slug, title (in ?lang=), url. Written by hand:
  // at tens of thousands of points, one string per feature is far lighter than nested objects.
  const parts: string[] = [];
  for (const item of items) {
    if (box && !inBox(box, item.longitude, item.latitude)) continue;
    const url = item.type === 'initiative' ? `${base}/${lang}/initiatives/${item.slug}` : null;
    parts.push(`{"type":"Feature","geometry":{"type":"Point","coordinates":[${round(item.longitude)},${round(item.latitude)}]},`
      + `"properties":{"kind":"${item.type}","slug":${JSON.stringify(item.slug)},"title":${JSON.stringify(item.name)},"url":${JSON.stringify(url)}}}`);
  }
  return reply
    .type('application/geo+json; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .send(`{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
}

export const mapRoutes = [
  route('GET', '/:lang/map', 'public', mapPage),
  route('GET', '/api/v1/map.geojson', 'public', geojson, {
    schema: { summary: 'Organisations and initiatives with coordinates, as GeoJSON points (properties: kind, slug, title in ?lang=, url; coordinates to 5 decimals)', tags: ['map'], querystring: geojsonQuery, response: { 400: errorResponse } },
  }),
];
