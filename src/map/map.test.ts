import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { textOf } from '../i18n/translatable.ts';
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
    expect(html).toContain('class="map-land" d="m');
    expect(html).not.toMatch(/https?:\/\/[^"]*(tile|openstreetmap)/);
    const markers = html.match(/<a href="#place-/g)?.length ?? 0;
    const listed = html.match(/<li id="place-/g)?.length ?? 0;
    // The world view groups places into markers a thumb can tap; regional views show them apart.
    expect(markers).toBeGreaterThan(8);
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

describe('regional views (issue 18)', () => {
  const markers = (html: string) => [...html.matchAll(/<a href="#place-[^"]+" aria-label="([^"]+)"><g class="map-marker" transform="translate\(([\d.]+) ([\d.]+)\)"><circle[^>]* r="([\d.]+)"/g)]
    .map((m) => ({ label: m[1]!, x: Number(m[2]), y: Number(m[3]), r: Number(m[4]) }));
  const viewBox = (html: string) => html.match(/<svg viewBox="([\d. ]+)"/)![1]!.split(' ').map(Number) as [number, number, number, number];

  it.each(['en', 'fr', 'es', 'ko'])('zooms to Europe on the server, its places apart and its markers 24 px or more on a 328 px map, in %s', async (lang) => {
    const world = (await get(`/${lang}/map`)).body;
    const europe = (await get(`/${lang}/map?zoom=europe`)).body;
    const [x, y, width, height] = viewBox(europe);
    expect(width).toBeLessThan(200);
    const inEurope = markers(europe);
    for (const marker of inEurope) {
      expect(marker.x).toBeGreaterThanOrEqual(x);
      expect(marker.x).toBeLessThanOrEqual(x + width);
      expect(marker.y).toBeGreaterThanOrEqual(y);
      expect(marker.y).toBeLessThanOrEqual(y + height);
      // A marker's diameter, in the CSS pixels of a phone's 328 px wide map.
      expect((2 * marker.r * 328) / width).toBeGreaterThanOrEqual(24);
    }
    const worldInEurope = markers(world).filter((m) => m.x >= x && m.x <= x + width && m.y >= y && m.y <= y + height);
    expect(inEurope.length).toBeGreaterThan(worldInEurope.length);
    // The list under the map holds the same places as the markers.
    expect(europe.match(/<li id="place-/g)).toHaveLength(inEurope.length);
    expect(europe).toContain(`href="/${lang}/map?zoom=africa"`);
    expect(europe).toMatch(/<a href="\/[a-z]{2}\/map\?zoom=europe" aria-current="true">/);
  });

  it('sizes world markers for a tap too, keeps the zoom when filtering, and shows the world for an unknown zoom', async () => {
    const world = (await get('/en/map')).body;
    for (const marker of markers(world)) expect((2 * marker.r * 328) / 960).toBeGreaterThanOrEqual(24);
    const filtered = (await get('/en/map?zoom=africa&show=initiatives')).body;
    expect(filtered).toContain('<input type="hidden" name="zoom" value="africa"/>');
    expect(filtered).toContain('href="/en/map?show=initiatives&amp;zoom=europe"');
    const unknown = await get('/en/map?zoom=atlantis');
    expect(unknown.statusCode).toBe(200);
    expect(viewBox(unknown.body)).toEqual([0, 0, 960, 500]);
  });
});

describe('map filters in the form', () => {
  const markerIds = (html: string) => [...html.matchAll(/<a href="#(place-[^"]+)"/g)].map((m) => m[1]).sort();
  const listIds = (html: string) => [...html.matchAll(/<li id="(place-[^"]+)"/g)].map((m) => m[1]).sort();
  const initiativeLinks = (html: string, lang: string) => [...html.matchAll(new RegExp(`href="/${lang}/initiatives/([a-z0-9-]+)"`, 'g'))].map((m) => m[1]).sort();

  it.each(['en', 'fr', 'es', 'ko'])('offers country, event and theme; markers and list agree on a filtered view, in %s', async (lang) => {
    const form = (await get(`/${lang}/map`)).body;
    expect(form).toContain('<select id="map-country" name="country">');
    expect(form).toContain('<option value="KR">');
    expect(form).toContain(`<option value="gsef2018-bilbao">${lang === 'ko' ? 'GSEF2018 빌바오' : 'GSEF2018 Bilbao'}</option>`);
    expect(form).toContain('name="theme" value="finance"');
    const db = t.database.db;
    const expected = (await db.selectFrom('initiatives').select('slug').where('country', '=', 'ES').where('event_slug', '=', 'gsef2018-bilbao')
      .where('latitude', 'is not', null).where(sql<boolean>`themes && array['finance']`).execute()).map((r) => r.slug).sort();
    expect(expected.length).toBeGreaterThan(0);
    const response = await get(`/${lang}/map?country=ES&event=gsef2018-bilbao&theme=finance`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<option value="ES" selected>');
    expect(html).toMatch(/name="theme" value="finance" checked/);
    expect(markerIds(html).length).toBeGreaterThan(0);
    expect(markerIds(html)).toEqual(listIds(html));
    expect(initiativeLinks(html.slice(html.indexOf('class="map-list"')), lang)).toEqual(expected);
    // Event and theme describe initiatives: no organisation is listed.
    expect(html.slice(html.indexOf('class="map-list"')).match(/<li>/g)).toHaveLength(expected.length);
    const geo = (await get(`/api/v1/map.geojson?lang=${lang}&country=ES&event=gsef2018-bilbao&theme=finance`)).json();
    expect(geo.features.map((f: { properties: { slug: string } }) => f.properties.slug).sort()).toEqual(expected);
  });

  it('answers unknown country, event and theme with an empty map, never an error', async () => {
    for (const query of ['country=ZZ', 'country=atlantis', 'country=12', 'event=nowhere-1999', 'theme=alchemy', 'event=a,b,,c']) {
      const response = await get(`/en/map?${query}`);
      expect(response.statusCode, query).toBe(200);
      expect(response.body, query).toContain('0 places shown');
      expect(markerIds(response.body)).toEqual([]);
    }
    // A NUL byte is refused like everywhere else (issue 17): a 400 page, not an empty map.
    expect((await get('/en/map?country=%00')).statusCode).toBe(400);
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
    const koreanSlugs = (await t.database.db.selectFrom('initiatives').select('slug').where('country', '=', 'KR').where('latitude', 'is not', null).execute()).map((r) => r.slug).sort();
    expect(korea.features.map((f: { properties: { slug: string } }) => f.properties.slug).sort()).toEqual(koreanSlugs);
    expect((await get('/api/v1/map.geojson?country=ZZ')).json()).toEqual({ type: 'FeatureCollection', features: [] });
    const badBox = await get('/api/v1/map.geojson?bbox=europe');
    expect(badBox.statusCode).toBe(400);
    expect(badBox.json().error.fields).toHaveProperty('bbox');
    const bad = await get('/api/v1/map.geojson?show=everything');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('show');
  });

  it('keeps only what a map client needs: kind, slug, title in the asked language, url; five decimals', async () => {
    const row = await t.database.db.selectFrom('initiatives').select(['slug', 'title', 'latitude', 'longitude']).where('country', '=', 'KR').where('latitude', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    for (const lang of ['en', 'fr'] as const) {
      const data = (await get(`/api/v1/map.geojson?show=initiatives&lang=${lang}&country=KR`)).json();
      const feature = data.features.find((f: { properties: { slug: string } }) => f.properties.slug === row.slug);
      expect(Object.keys(feature.properties).sort()).toEqual(['kind', 'slug', 'title', 'url']);
      expect(feature.properties).toEqual({ kind: 'initiative', slug: row.slug, title: textOf(row.title, lang), url: `http://passerelle.test/${lang}/initiatives/${row.slug}` });
      expect(feature.geometry.coordinates).toEqual([Math.round(row.longitude! * 1e5) / 1e5, Math.round(row.latitude! * 1e5) / 1e5]);
    }
  });

  it('narrows to a bounding box, including one that crosses the antimeridian', async () => {
    const all = (await get('/api/v1/map.geojson?show=initiatives')).json().features as { geometry: { coordinates: [number, number] }; properties: { slug: string } }[];
    const inside = (await get('/api/v1/map.geojson?show=initiatives&bbox=-10,35,5,45')).json().features as typeof all;
    const expected = all.filter((f) => f.geometry.coordinates[0] >= -10 && f.geometry.coordinates[0] <= 5 && f.geometry.coordinates[1] >= 35 && f.geometry.coordinates[1] <= 45);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(all.length);
    expect(inside.map((f) => f.properties.slug).sort()).toEqual(expected.map((f) => f.properties.slug).sort());
    const pacific = (await get('/api/v1/map.geojson?show=initiatives&bbox=100,-90,-100,90')).json().features as typeof all;
    expect(pacific.map((f) => f.properties.slug).sort()).toEqual(all.filter((f) => f.geometry.coordinates[0] >= 100 || f.geometry.coordinates[0] <= -100).map((f) => f.properties.slug).sort());
    expect(pacific.length).toBeGreaterThan(0);
  });
});
