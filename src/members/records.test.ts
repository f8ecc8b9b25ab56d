import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp, type Visitor } from '../../test/helpers.ts';
import { findOrCreateOrganisation } from '../organisations/domain.ts';
import { ORGANISATION_REFERENCES } from '../organisations/merge.ts';

let t: TestApp;
let editor: Visitor;
let reviewer: Visitor;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'records@example.org', ['editor']);
  await createUser(t.app, 'records-reviewer@example.org', ['reviewer']);
  editor = await signIn(t.app, 'records@example.org');
  reviewer = await signIn(t.app, 'records-reviewer@example.org');
});
afterAll(() => t?.close());

const db = () => t.app.ctx.db;
const NEW = {
  name: 'Ville de Grenoble', name_lang: 'fr', kind: 'local_government', category: 'city', city: 'Grenoble', country: 'FR',
  website: 'https://www.grenoble.fr', latitude: '', longitude: '', joined_on: '2016-09-07',
  history: '2018-01-15 suspended Cotisation impayée\n2018-06-30 active Cotisation réglée',
};

describe('adding an existing member directly', () => {
  it('records it with its joining date and status history, placed by the gazetteer, without an application', async () => {
    const response = await editor.post('/fr/admin/members/new', NEW, { from: '/fr/admin/members/new' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/fr/admin/members/ville-de-grenoble');
    const member = await db().selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id')
      .select(['members.status', 'members.joined_on', 'members.kind', 'o.city', 'o.country', 'o.region', 'o.latitude', 'o.website']).where('members.slug', '=', 'ville-de-grenoble').executeTakeFirstOrThrow();
    expect(member).toMatchObject({ status: 'active', joined_on: '2016-09-07', kind: 'local_government', city: 'Grenoble', country: 'FR', region: 'europe', website: 'https://www.grenoble.fr' });
    expect(member.latitude).toBeCloseTo(45.17, 1);
    const page = await editor.get('/en/admin/members/ville-de-grenoble');
    const steps = [...page.body.matchAll(/<li><strong>([^<]+)<\/strong>([^<]*)/g)].map((m) => `${m[1]}${m[2]}`);
    expect(steps).toEqual(['Joined the network → Active (Sep 7, 2016)', 'Status recorded from the archives → Suspended (Jan 15, 2018)', 'Status recorded from the archives → Active (Jun 30, 2018)']);
    expect(page.body).toContain('Cotisation impayée');
    expect(await db().selectFrom('membership_applications').select('id').execute()).toEqual([]);
    const audit = await db().selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'member.add').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ slug: 'ville-de-grenoble', source: 'form' });
    // The figures over time count it from its joining year.
    const figures = await editor.get('/en/admin/membership');
    expect(figures.body).toMatch(/<th scope="row">2016<\/th><td>1<\/td>/);
  });

  it('refuses bad input next to each field, in the reader’s language, and stores nothing', async () => {
    const before = (await db().selectFrom('members').select('id').execute()).length;
    const bad = await editor.post('/es/admin/members/new', { ...NEW, name: '', country: 'Atlantis', joined_on: '07/09/2016', latitude: '95', longitude: '', history: 'yesterday suspended' }, { from: '/es/admin/members/new' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<p class="field-error" id="name-error">Este campo es obligatorio.</p>');
    expect(bad.body).toMatch(/<p class="field-error" id="country-error">[^<]+<\/p>/);
    expect(bad.body).toMatch(/<p class="field-error" id="joined_on-error">[^<]+<\/p>/);
    expect(bad.body).toContain('id="latitude-error">Introduzca un número en grados decimales');
    const history = await editor.post('/ko/admin/members/new', { ...NEW, name: 'Ville de Lille', city: 'Lille', history: '2015-01-01 suspended Trop tôt' }, { from: '/ko/admin/members/new' });
    expect(history.statusCode).toBe(400);
    expect(history.body).toContain('id="history-error">각 줄에는');
    expect((await db().selectFrom('members').select('id').execute()).length).toBe(before);
  });

  it('refuses an organisation that is already a member (409), and the form to a reviewer (403)', async () => {
    const again = await editor.post('/en/admin/members/new', NEW, { from: '/en/admin/members/new' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This organisation is already a member.');
    expect((await reviewer.post('/en/admin/members/new', { ...NEW, name: 'Ville de Nantes' }, { from: '/en/admin/applications' })).statusCode).toBe(403);
  });
});

describe('editing every field of a member and its organisation', () => {
  it('saves names and descriptions in four languages, kind, place, website, coordinates and contacts', async () => {
    const form = await editor.get('/en/admin/members/bamako/record');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Ville de Bamako"');
    const response = await editor.post('/en/admin/members/bamako/record', {
      name_en: 'City of Bamako', name_fr: 'Ville de Bamako', name_es: 'Ciudad de Bamako', name_ko: '바마코시',
      description_en: 'Capital of Mali, vice-chair for Africa.', description_fr: 'Capitale du Mali, vice-présidente pour l’Afrique.', description_es: 'Capital de Malí.', description_ko: '말리의 수도.',
      kind: 'local_government', category: 'city', city: 'Bamako', country: 'ML', website: 'https://bamako.example.ml', latitude: '12,6392', longitude: '-8.0029',
      focal_name: 'Aminata Traoré', focal_email: 'Focal@Bamako.example.ml', focal_phone: '+223 20 22 00 00', head_name: 'Maire', head_title: 'Maire du district', general_email: 'contact@bamako.example.ml',
    }, { from: '/en/admin/members/bamako/record' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/admin/members/bamako/record?saved=1');
    const row = await db().selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id')
      .select(['members.description', 'members.contacts', 'o.name', 'o.website', 'o.latitude', 'o.longitude']).where('members.slug', '=', 'bamako').executeTakeFirstOrThrow();
    expect(row.website).toBe('https://bamako.example.ml');
    expect([row.latitude, row.longitude]).toEqual([12.6392, -8.0029]);
    expect(Object.keys(row.description!).sort()).toEqual(['en', 'es', 'fr', 'ko']);
    expect(row.contacts).toMatchObject({ focal: { name: 'Aminata Traoré', email: 'focal@bamako.example.ml' } });
    expect((await t.app.inject('/es/members/bamako')).body).toContain('Capital de Malí.');
    expect((await t.app.inject('/ko/members/bamako')).body).toContain('말리의 수도.');
    const geojson = (await t.app.inject('/api/v1/map.geojson?show=organisations&country=ML')).json();
    expect(geojson.features.map((f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates)).toContainEqual([-8.0029, 12.6392]);
    const csv = (await t.app.inject('/api/v1/members.csv?country=ML')).body;
    expect(csv).toContain(',12.6392,-8.0029,https://bamako.example.ml,');
  });

  it('marks translations outdated when only the original changes', async () => {
    const current = await db().selectFrom('members').select('description').where('slug', '=', 'bamako').executeTakeFirstOrThrow();
    const source = Object.entries(current.description!).find(([, v]) => v?.status === 'original')![0];
    const form = await editor.get('/en/admin/members/bamako/record');
    const values = Object.fromEntries([...form.body.matchAll(/<input[^>]* name="([a-z_]+)"[^>]* value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
    const descriptions = Object.fromEntries(['en', 'fr', 'es', 'ko'].map((l) => [`description_${l}`, current.description![l as 'en']!.text]));
    const response = await editor.post('/en/admin/members/bamako/record', { ...values, ...descriptions, [`description_${source}`]: 'A new original text.', kind: 'local_government', category: 'city', country: 'ML' }, { from: '/en/admin/members/bamako/record' });
    expect(response.statusCode).toBe(303);
    const after = await db().selectFrom('members').select('description').where('slug', '=', 'bamako').executeTakeFirstOrThrow();
    for (const [lang, entry] of Object.entries(after.description!)) expect(entry!.status, lang).toBe(lang === source ? 'original' : 'outdated');
  });

  it('refuses half coordinates, a bad e-mail and a place already another organisation’s, naming each', async () => {
    const base = { name_en: 'City of Bamako', name_fr: 'Ville de Bamako', kind: 'local_government', category: 'city', city: 'Bamako', country: 'ML' };
    const half = await editor.post('/fr/admin/members/bamako/record', { ...base, latitude: '12.6', longitude: '', focal_email: 'nope' }, { from: '/fr/admin/members/bamako/record' });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain('id="latitude-error">Saisissez la latitude et la longitude, ou aucune des deux.</p>');
    expect(half.body).toMatch(/id="focal_email-error">[^<]+<\/p>/);
    const clash = await editor.post('/en/admin/members/bamako/record', { ...base, name_en: 'City of Seoul', name_fr: 'Ville de Séoul', city: 'Seoul', country: 'KR' }, { from: '/en/admin/members/bamako/record' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('merge the two instead');
    expect((await db().selectFrom('organisations').select('city').innerJoin('members', 'members.organisation_id', 'organisations.id').where('members.slug', '=', 'bamako').executeTakeFirstOrThrow()).city).toBe('Bamako');
    expect((await editor.get('/en/admin/members/nobody/record')).statusCode).toBe(404);
  });
});

describe('merging duplicate organisations', () => {
  it('knows every column that points at an organisation', async () => {
    const { rows } = await sql<{ table: string; column: string }>`
      SELECT c.conrelid::regclass::text AS table, a.attname AS column FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'organisations'::regclass ORDER BY 1, 2`.execute(db());
    expect(rows).toEqual(ORGANISATION_REFERENCES.map(({ table, column }) => ({ table, column })));
  });

  it('moves every reference to the kept record, fills its gaps, deletes the duplicate and audits it, in one step', async () => {
    const seoul = await db().selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id').select(['o.id', 'o.slug']).where('members.slug', '=', 'seoul').executeTakeFirstOrThrow();
    const duplicate = await findOrCreateOrganisation(db(), { name: 'Seoul City Hall (duplicate record)', lang: 'en', city: 'Seoul', country: 'KR', website: 'https://english.seoul.go.kr' });
    const activity = await db().selectFrom('activities').select('id').orderBy('id').executeTakeFirstOrThrow();
    await db().insertInto('activity_organisations').values([{ activity_id: activity.id, organisation_id: duplicate.id, role: 'partner' }]).execute();
    const page = await editor.get('/ko/admin/organisations/merge');
    expect(page.statusCode).toBe(200);
    const response = await editor.post('/en/admin/organisations/merge', { kept: seoul.slug, duplicate: duplicate.slug }, { from: '/en/admin/organisations/merge' });
    expect(response.statusCode).toBe(303);
    expect(await db().selectFrom('organisations').select('id').where('id', '=', duplicate.id).executeTakeFirst()).toBeUndefined();
    const links = await db().selectFrom('activity_organisations').select(['organisation_id', 'role']).where('activity_id', '=', activity.id).where('organisation_id', '=', seoul.id).execute();
    expect(links).toContainEqual({ organisation_id: seoul.id, role: 'partner' });
    const kept = await db().selectFrom('organisations').select(['website']).where('id', '=', seoul.id).executeTakeFirstOrThrow();
    expect(kept.website).toBe('https://english.seoul.go.kr');
    const audit = await db().selectFrom('audit_log').select(['details']).where('action', '=', 'organisation.merge').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ kept: seoul.slug, removed: duplicate.slug, moved: { activity_organisations: 1, members: 0 } });
  });

  it('refuses to merge two members, or an organisation with itself, and changes nothing', async () => {
    const slugs = await db().selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id').select('o.slug').where('members.slug', 'in', ['seoul', 'bilbao']).orderBy('members.slug', 'desc').execute();
    const count = async () => (await db().selectFrom('organisations').select('id').execute()).length;
    const before = await count();
    const two = await editor.post('/fr/admin/organisations/merge', { kept: slugs[0]!.slug, duplicate: slugs[1]!.slug }, { from: '/fr/admin/organisations/merge' });
    expect(two.statusCode).toBe(409);
    expect(two.body).toContain('Les deux organisations sont membres');
    const same = await editor.post('/es/admin/organisations/merge', { kept: slugs[0]!.slug, duplicate: slugs[0]!.slug }, { from: '/es/admin/organisations/merge' });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Elija dos organizaciones distintas.');
    expect(await count()).toBe(before);
  });
});
