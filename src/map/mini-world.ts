import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoNaturalEarth1 } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * A small world for the home page: land only (no borders), 360 px wide, its outline simplified to
 * whole pixels (Ramer–Douglas–Peucker, under a pixel) and islands smaller than a few pixels left
 * out, so the whole map weighs a few kilobytes. Drawn once at start and frozen.
 */
export const MINI_WIDTH = 360;
export const MINI_HEIGHT = 160;
const TOLERANCE_PX = 0.8;
const MIN_AREA_PX = 6;

const require = createRequire(import.meta.url);
type Topology = Parameters<typeof feature>[0];
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8')) as Topology;
const land = feature(topology, topology.objects.land!) as unknown as FeatureCollection<Polygon | MultiPolygon>;
const projection = geoNaturalEarth1().fitExtent([[2, 2], [MINI_WIDTH - 2, MINI_HEIGHT - 2]], { type: 'Sphere' });

type Point = [number, number];

function simplify(points: Point[]): Point[] {
  if (points.length < 3) return points;
  const a = points[0]!;
  const b = points[points.length - 1]!;
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  let farthest = 0;
  let index = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const distance = Math.abs((b[1] - a[1]) * p[0] - (b[0] - a[0]) * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
    if (distance > farthest) [farthest, index] = [distance, i];
  }
  if (farthest <= TOLERANCE_PX) return [a, b];
  return [...simplify(points.slice(0, index + 1)).slice(0, -1), ...simplify(points.slice(index))];
}

function ringPath(ring: number[][]): string {
  const projected = ring.map((position) => projection([position[0]!, position[1]!]) ?? [0, 0]).map((xy) => [Math.round(xy[0] ?? 0), Math.round(xy[1] ?? 0)] as Point);
  // A closed ring's ends meet: simplified in two halves, or its farthest point would be measured from nothing.
  const middle = Math.floor(projected.length / 2);
  const points = [...simplify(projected.slice(0, middle + 1)).slice(0, -1), ...simplify(projected.slice(middle))];
  let area = 0;
  for (let i = 0; i < points.length - 1; i++) area += points[i]![0] * points[i + 1]![1] - points[i + 1]![0] * points[i]![1];
  if (points.length < 4 || Math.abs(area) / 2 < MIN_AREA_PX) return '';
  return `M${points.slice(0, -1).map(([x, y]) => `${x} ${y}`).join('L')}Z`;
}

// Antarctica is left out: it has no members, and its ring, cut at the map's edge, draws a line across the map.
const ANTARCTIC = -60;

export const MINI_LAND_PATH: string = land.features
  .flatMap((country) => (country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates))
  .filter((polygon) => polygon[0]!.some((position) => position[1]! > ANTARCTIC))
  .flatMap((polygon) => polygon.map(ringPath))
  .join('');

/** Where a longitude and latitude fall on the small map, in whole pixels. */
export function miniProject(longitude: number, latitude: number): Point {
  const [x, y] = projection([longitude, latitude]) ?? [0, 0];
  return [Math.round(x), Math.round(y)];
}
