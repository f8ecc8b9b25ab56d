import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { cluster, type MapItem } from './domain.ts';
import { project } from './world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const get = (url: string) => t.app.inject({ method: 'GET', url });

const item = (slug: string, longitude: number, latitude: number, city: string): MapItem =>
  ({ type: 'initiative', slug, name: slug, code: null, city, country: 'ES', latitude, longitude });

describe('clustering', () => {
  it('groups nearby points into one marker and keeps distant ones apart', () => {
    const clusters = cluster([item('a', -2.93, 43.26, 'Bilbao'), item('b', -2.92, 43.27, 'Bilbao'), item('c', -2.0, 43.3, 'Donostia'), item('d', 126.97, 37.56, 'Seoul')]);
    const sizes = clusters.map((c) => c.items.length).sort();
    expect(sizes[sizes.length - 1]).toBeGreaterThanOrEqual(2);
    expect(clusters.find((c) => c.items.some((i) => i.slug === 'd'))!.items).toHaveLength(1);
    expect(clusters.find((c) => c.items.some((i) => i.slug === 'a'))!.place).toBe('Bilbao');
  });

  it('projects west to the left of east and north above south', () => {
    const [bilbaoX, bilbaoY] = project(-2.93, 43.26);
    const [seoulX] = project(126.97, 37.56);
    const [, capeTownY] = project(18.42, -33.92);
    expect(bilbaoX).toBeLessThan(seoulX);
    expect(bilbaoY).toBeLessThan(capeTownY);
  });
});

describe('the map page', () => {
  it.each(['en', 'fr', 'es', 'ko'])('draws the world from shipped shapes, with markers and the same places as a list, in %s', async (lang) => {
    const response = await get(`/${lang}/map`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<svg viewBox="0 0 960 500" role="group"');
    expect(html).toContain('class="map-land" d="M');
    expect(html).not.toMatch(/https?:\/\/[^"]*(tile|openstreetmap)/);
    const markers = html.match(/<a href="#place-/g)?.length ?? 0;
    const listed = html.match(/<li id="place-/g)?.length ?? 0;
    expect(markers).toBeGreaterThan(20);
    expect(listed).toBe(markers);
    expect(html).toContain(`href="/${lang}/initiatives/`);
  });

  it('filters by what to show and by region; unknown values give an empty map, not an error', async () => {
    const all = (await get('/en/map')).body.match(/<li id="place-/g)!.length;
    const europe = (await get('/en/map?region=europe&show=initiatives')).body;
    expect(europe.match(/<li id="place-/g)!.length).toBeLessThan(all);
    expect(europe).toContain('Bilbao');
    expect(europe).not.toContain('Séoul');
    const nowhere = await get('/en/map?region=atlantis&show=nonsense');
    expect(nowhere.statusCode).toBe(200);
    expect(nowhere.body).toContain('0 places shown');
  });
});

describe('GeoJSON', () => {
  it('gives organisations and initiatives with coordinates as points, filterable', async () => {
    const response = await get('/api/v1/map.geojson');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const data = response.json();
    expect(data.type).toBe('FeatureCollection');
    const kinds = new Set(data.features.map((f: { properties: { kind: string } }) => f.properties.kind));
    expect([...kinds].sort()).toEqual(['initiative', 'organisation']);
    const initiatives = await t.database.db.selectFrom('initiatives').select((eb) => eb.fn.countAll<string>().as('n')).where('latitude', 'is not', null).executeTakeFirstOrThrow();
    expect(data.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'initiative')).toHaveLength(Number(initiatives.n));
    for (const feature of data.features) {
      const [lon, lat] = feature.geometry.coordinates;
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    }
    const korea = (await get('/api/v1/map.geojson?country=KR&show=initiatives')).json();
    expect(korea.features.length).toBeGreaterThan(0);
    expect(korea.features.every((f: { properties: { country: string } }) => f.properties.country === 'KR')).toBe(true);
    expect((await get('/api/v1/map.geojson?country=ZZ')).json()).toEqual({ type: 'FeatureCollection', features: [] });
    const bad = await get('/api/v1/map.geojson?show=everything');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('show');
  });
});
