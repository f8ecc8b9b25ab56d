import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { Gazetteer, namesOf } from './gazetteer.ts';

let t: TestApp;
let editor: Visitor;
let washington: { id: number; slug: string };
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'places@example.org', ['editor']);
  await createUser(t.app, 'contact@example.org', ['member_contact']);
  editor = await signIn(t.app, 'places@example.org');
  washington = await t.app.ctx.db.selectFrom('initiatives').select(['id', 'slug']).where('code', '=', '1.1.1').where('event_slug', '=', 'gsef2018-bilbao').executeTakeFirstOrThrow();
});
afterAll(() => t?.close());

const LANGS = ['en', 'fr', 'es', 'ko'] as const;
type Feature = { geometry: { coordinates: [number, number] }; properties: { kind: string; slug: string } };
const feature = async (kind: string, slug: string) =>
  ((await t.app.inject('/api/v1/map.geojson?lang=en')).json().features as Feature[]).find((f) => f.properties.kind === kind && f.properties.slug === slug);

describe('geocoding by population and country', () => {
  const gazetteer = new Gazetteer();
  it('places Washington, United States in the District of Columbia, not Washington, Utah', () => {
    const place = gazetteer.find('Washington', 'US')!;
    expect(place.name).toBe('Washington, D.C.');
    expect(place.latitude).toBeCloseTo(38.895, 2);
    expect(place.longitude).toBeCloseTo(-77.036, 2);
    expect(place.population).toBeGreaterThan(600_000);
  });

  it('finds a double or qualified name by each part, and still never leaves the country', () => {
    expect(namesOf({ name: 'Washington, D.C.', altName: '' })).toEqual(['Washington, D.C.', 'Washington']);
    expect(namesOf({ name: 'Donostia / San Sebastián', altName: '' })).toEqual(['Donostia / San Sebastián', 'Donostia', 'San Sebastián']);
    expect(gazetteer.find('San Sebastián', 'ES')?.name).toBe('Donostia / San Sebastián');
    expect(gazetteer.find('Washington', 'GB')?.country).toBe('GB');
    expect(gazetteer.find('Washington', 'FR')).toBeNull();
  });

  it('the seeded booklet entry 1.1.1 is on the map in Washington, D.C.', async () => {
    expect((await feature('initiative', washington.slug))!.geometry.coordinates).toEqual([-77.03637, 38.89511]);
  });
});

describe('staff correct a place', () => {
  const url = () => `/en/admin/places/initiative/${washington.slug}`;

  it('the form is for the secretariat only, in four languages', async () => {
    expect((await new Visitor(t.app).get(url())).statusCode).toBeGreaterThanOrEqual(300);
    const contact = await signIn(t.app, 'contact@example.org');
    expect((await contact.get(url())).statusCode).toBe(403);
    const labels = { en: 'Correct the place', fr: 'Corriger le lieu', es: 'Corregir el lugar', ko: '위치 수정' };
    for (const lang of LANGS) {
      const page = await editor.get(`/${lang}/admin/places/initiative/${washington.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(labels[lang]);
      expect(page.body).toContain('name="latitude"');
      expect(page.body).toContain('value="US" selected');
    }
    expect((await editor.get('/en/admin/places/initiative/no-such-initiative')).statusCode).toBe(404);
    expect((await editor.get('/en/admin/places/planet/x')).statusCode).toBe(400);
  });

  it('sets coordinates by hand: stored, audited, on the map and in the GeoJSON at once', async () => {
    await t.app.inject('/en/map'); // cached before the change, so the page cache must be dropped
    const saved = await editor.post(url(), { city: 'Washington', country: 'US', latitude: '38.9072', longitude: '-77.0369' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/en/admin/places/initiative/${washington.slug}?saved=1`);
    expect((await editor.get(saved.headers.location!)).body).toContain('The place is saved');
    expect((await feature('initiative', washington.slug))!.geometry.coordinates).toEqual([-77.0369, 38.9072]);
    const audit = await t.app.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'initiative.place.correct').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ before: { latitude: 38.89511, longitude: -77.03637 }, after: { latitude: 38.9072, longitude: -77.0369, region: 'north-america', geocoded: false } });
  });

  it('places a city from the gazetteer when coordinates are left empty, for a member too', async () => {
    const member = await t.app.ctx.db.selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id')
      .select(['members.slug', 'o.slug as organisation']).where('members.slug', '=', 'bilbao').executeTakeFirstOrThrow();
    const memberUrl = `/fr/admin/places/member/${member.slug}`;
    expect((await editor.get(`/fr/admin/members/${member.slug}`)).body).toContain(`href="${memberUrl}"`);
    expect((await editor.post(memberUrl, { city: 'Donostia', country: 'ES', latitude: '', longitude: '' })).statusCode).toBe(303);
    const [lng, lat] = (await feature('organisation', member.organisation))!.geometry.coordinates;
    expect(lat).toBeCloseTo(43.31, 1);
    expect(lng).toBeCloseTo(-1.97, 1);
    expect((await t.app.inject(`/en/members/${member.slug}`)).body).toContain('Donostia');
    // Back to Bilbao, so the other tests' member stays where it was.
    expect((await editor.post(memberUrl, { city: 'Bilbao', country: 'ES', latitude: '', longitude: '' })).statusCode).toBe(303);
  });

  it('bad input is a 400 naming the problem in the reader’s language, nothing written; never a 500', async () => {
    const before = await t.app.ctx.db.selectFrom('initiatives').select(['city', 'latitude', 'longitude']).where('id', '=', washington.id).executeTakeFirstOrThrow();
    const unknown = await editor.post(`/es/admin/places/initiative/${washington.slug}`, { city: 'Nowhere-sur-Mer', country: 'FR', latitude: '', longitude: '' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Esta ciudad no figura en el nomenclátor para ese país');
    const cases: [Record<string, string>, string][] = [
      [{ city: 'Washington', country: 'US', latitude: '91', longitude: '0' }, 'Saisissez des degrés décimaux'],
      [{ city: 'Washington', country: 'US', latitude: 'abc', longitude: '0' }, 'Saisissez des degrés décimaux'],
      [{ city: 'Washington', country: 'US', latitude: '38.9', longitude: '' }, 'Indiquez la latitude et la longitude, ou aucune des deux.'],
      // NUL is refused for the whole app before any handler, with its own localized page.
      [{ city: 'Wash\u0000ington', country: 'US', latitude: '', longitude: '' }, 'un caractère nul'],
      [{ city: 'x'.repeat(10_240), country: 'US', latitude: '', longitude: '' }, 'id="city-error"'],
      [{ city: 'Washington', country: 'ZZ', latitude: '', longitude: '' }, 'id="country-error"'],
      [{ city: 'Washington', country: '', latitude: '', longitude: '' }, 'id="country-error"'],
    ];
    for (const [fields, message] of cases) {
      const response = await editor.post(`/fr/admin/places/initiative/${washington.slug}`, fields, { from: url() });
      expect(response.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(response.body, response.body.match(/<main.*<\/main>/s)?.[0].slice(0, 600)).toContain(message);
    }
    const forged = await editor.post(url(), { city: 'Paris', country: 'FR', latitude: '', longitude: '' }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(await t.app.ctx.db.selectFrom('initiatives').select(['city', 'latitude', 'longitude']).where('id', '=', washington.id).executeTakeFirstOrThrow()).toEqual(before);
  });
});
