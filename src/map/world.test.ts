import { describe, expect, it } from 'vitest';
import { MAP_HEIGHT, MAP_WIDTH, project, WORLD_PATH } from './world.ts';

/** The rings of a path written in relative "m…l…z" commands, as absolute points. */
function rings(d: string): Array<Array<[number, number]>> {
  const all: Array<Array<[number, number]>> = [];
  let x = 0;
  let y = 0;
  let ring: Array<[number, number]> = [];
  for (const [, command, numbers] of d.matchAll(/([mlz])([^mlz]*)/g)) {
    if (command === 'z') {
      all.push(ring);
      [x, y] = ring[0]!;
      ring = [];
      continue;
    }
    const values = (numbers!.match(/-?\d+/g) ?? []).map(Number);
    for (let i = 0; i < values.length; i += 2) {
      x += values[i]!;
      y += values[i + 1]!;
      ring.push([x, y]);
    }
  }
  return all;
}

/** Even-odd rule over every ring, as the SVG fills them. */
function onLand(all: Array<Array<[number, number]>>, [px, py]: [number, number]): boolean {
  let inside = false;
  for (const ring of all) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

describe('the simplified world', () => {
  const world = rings(WORLD_PATH);

  it('is written in whole-pixel relative steps that stay inside the map', () => {
    expect(WORLD_PATH).toMatch(/^m[-\d, lmz]+$/);
    for (const ring of world) for (const [x, y] of ring) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(MAP_WIDTH);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(MAP_HEIGHT);
    }
    // Lighter than the full 1:110m shapes (81 kB of absolute coordinates), yet every island is kept.
    expect(WORLD_PATH.length).toBeLessThan(25_000);
    expect(world.length).toBeGreaterThan(250);
  });

  it('still puts cities on land and the open sea in water', () => {
    const cities: Array<[string, number, number]> = [['Madrid', -3.7, 40.42], ['Seoul', 126.98, 37.57], ['Dakar', -17.3, 14.75], ['Montréal', -73.57, 45.5],
      ['Mexico City', -99.13, 19.43], ['Kampala', 32.58, 0.35], ['Quito', -78.51, -0.22], ['Tokyo', 139.69, 35.68], ['Sydney', 151.0, -33.8], ['Nairobi', 36.82, -1.29]];
    for (const [name, longitude, latitude] of cities) expect(onLand(world, project(longitude, latitude)), name).toBe(true);
    const seas: Array<[string, number, number]> = [['mid-Atlantic', -35, 25], ['Indian Ocean', 75, -20], ['Pacific', -150, 0], ['Mediterranean', 18, 34]];
    for (const [name, longitude, latitude] of seas) expect(onLand(world, project(longitude, latitude)), name).toBe(false);
  });
});
