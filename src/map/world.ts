import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';

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
