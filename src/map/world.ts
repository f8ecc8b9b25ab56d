import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REGIONS, type Region } from '../places/regions.ts';

/**
 * The world map, drawn once at start from the country shapes shipped in the npm package
 * `world-atlas` (Natural Earth, 1:110m), projected with d3-geo: no tile server, no request
 * anywhere. The SVG paths are computed once and frozen; `project` places a point on them.
 */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

/**
 * Share of the shapes' points kept. Simplified on the topology (Visvalingam's effective area), so
 * a border shared by two countries is simplified once and the same way for both: no gaps or overlaps
 * appear between neighbours. At 960 pixels, a third of the points of the 1:110m shapes draw outlines
 * the eye tells from the full ones only side by side, at a third of the bytes.
 */
export const KEPT_POINTS = 0.3;

const require = createRequire(import.meta.url);
const shipped = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
const presimplified = presimplify(shipped);
const topology = simplify(presimplified, quantile(presimplified, KEPT_POINTS));
const countries = feature(topology, topology.objects.countries!) as unknown as FeatureCollection;
const projection = geoNaturalEarth1().fitExtent([[4, 4], [MAP_WIDTH - 4, MAP_HEIGHT - 4]], { type: 'Sphere' });

/**
 * A d3 path context writing relative SVG commands in whole pixels ("l3-2" rather than "L523,312"):
 * the map is 960 wide, and small relative steps take a third of the bytes of absolute coordinates,
 * before and after compression. Rounding is done on the absolute position, so errors never add up.
 */
class RelativePath {
  private text = '';
  private x = 0;
  private y = 0;
  /** Where the current ring began: after "z", SVG continues from there, not from the last point. */
  private startX = 0;
  private startY = 0;
  private inLine = false;

  moveTo(x: number, y: number): void {
    const [dx, dy] = this.step(x, y);
    this.text += `m${pair(dx, dy)}`;
    this.startX = this.x;
    this.startY = this.y;
    this.inLine = false;
  }

  lineTo(x: number, y: number): void {
    const [dx, dy] = this.step(x, y);
    if (dx === 0 && dy === 0) return;
    this.text += `${this.inLine ? (dx < 0 ? '' : ' ') : 'l'}${pair(dx, dy)}`;
    this.inLine = true;
  }

  closePath(): void {
    this.text += 'z';
    this.x = this.startX;
    this.y = this.startY;
    this.inLine = false;
  }

  beginPath(): void {
    // Nothing to do: every ring starts with a move.
  }

  arc(): void {
    // Not used by a projected polygon.
  }

  result(): string {
    const text = this.text;
    this.text = '';
    return text;
  }

  private step(x: number, y: number): [number, number] {
    const rx = Math.round(x);
    const ry = Math.round(y);
    const step: [number, number] = [rx - this.x, ry - this.y];
    this.x = rx;
    this.y = ry;
    return step;
  }
}

/** "3,4", "3-4": a minus sign separates two numbers by itself. */
const pair = (dx: number, dy: number) => `${dx}${dy < 0 ? '' : ','}${dy}`;

function relativePath(object: FeatureCollection | { type: 'Sphere' }): string {
  const context = new RelativePath();
  geoPath(projection, context)(object);
  return context.result();
}

export const SPHERE_PATH: string = relativePath({ type: 'Sphere' });
/** Every country in one path (each move is relative to the ring before, so it is one string). */
export const WORLD_PATH: string = relativePath(countries);

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
