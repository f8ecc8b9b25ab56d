import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import { REGIONS, type Region } from '../places/regions.ts';

/**
 * The world map, drawn once at start from the country shapes shipped in the npm package
 * `world-atlas` (Natural Earth, 1:110m), projected with d3-geo: no tile server, no request
 * anywhere. The SVG paths are computed once and frozen; `project` places a point on them.
 */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

const require = createRequire(import.meta.url);
type Topology = Parameters<typeof feature>[0];
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology;
const countries = feature(topology, topology.objects.countries!) as unknown as FeatureCollection;
const projection = geoNaturalEarth1().fitExtent([[4, 4], [MAP_WIDTH - 4, MAP_HEIGHT - 4]], { type: 'Sphere' });
// Whole pixels: the map is 960 wide, and every decimal costs bytes on slow connections.
const path = geoPath(projection).digits(0);

export const SPHERE_PATH: string = path({ type: 'Sphere' }) ?? '';
export const COUNTRY_PATHS: readonly string[] = Object.freeze(
  countries.features.map((country) => path(country) ?? '').filter((d) => d !== ''),
);

/** Map coordinates (pixels of the SVG) of a longitude and latitude, rounded to a tenth. */
export function project(longitude: number, latitude: number): [number, number] {
  const [x, y] = projection([longitude, latitude]) ?? [0, 0];
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

export interface View {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WORLD_VIEW: View = Object.freeze({ x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT });

/**
 * What each regional view frames, as longitude and latitude ranges: wide enough to hold the
 * region's members, tight enough that Europe's cities are apart on a phone.
 */
const REGION_BOXES: Record<Region, [number, number, number, number]> = {
  africa: [-20, -36, 55, 38],
  'asia-pacific': [60, -48, 180, 56],
  europe: [-12, 35, 42, 62],
  'latin-america-caribbean': [-118, -56, -33, 33],
  'north-america': [-170, 14, -50, 72],
};

/** The projected rectangle around a region's box (its edges sampled: the projection bends them). */
function viewOf([minLon, minLat, maxLon, maxLat]: [number, number, number, number]): View {
  const points: [number, number][] = [];
  for (let step = 0; step <= 20; step++) {
    const lon = minLon + ((maxLon - minLon) * step) / 20;
    const lat = minLat + ((maxLat - minLat) * step) / 20;
    points.push(project(lon, minLat), project(lon, maxLat), project(minLon, lat), project(maxLon, lat));
  }
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const x = Math.floor(Math.min(...xs));
  const y = Math.floor(Math.min(...ys));
  return { x, y, width: Math.ceil(Math.max(...xs)) - x, height: Math.ceil(Math.max(...ys)) - y };
}

export const REGION_VIEWS: Readonly<Record<Region, View>> = Object.freeze(
  Object.fromEntries(REGIONS.map((region) => [region, viewOf(REGION_BOXES[region])])) as Record<Region, View>,
);

export function inView(view: View, x: number, y: number): boolean {
  return x >= view.x && x <= view.x + view.width && y >= view.y && y <= view.y + view.height;
}
