import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { importBooklet } from './import.ts';

const BOOKLET = `Livret test, novembre 2019

ATELIERS SESSION 4

4.1. Premier atelier

4.1.1 Une cantine coopérative

Cantine Solidaire. Dakar, Sénégal

Une cantine gérée par ses usagers.

Awa Ndiaye. Présidente. <https://cantine.example.sn/>

4.2. Second atelier

4.2.1 Un fonds local

Fonds Local. Washington, États-Unis

Un fonds pour les coopératives.

Kim Minji. Directrice. <https://fonds.example.kr/>
`;

/** A complete, valid form for a new initiative. */
const NEW: Record<string, string | string[]> = {
  event: 'livret-2019',
  slug: '',
  code: '4.2.2',
  kind: 'initiative',
  original_lang: 'es',
  title_es: 'Una red de huertos urbanos',
  summary_es: 'Los vecinos cultivan juntos los solares vacíos del barrio.',
  title_en: 'A network of urban gardens',
  organisation: 'Red de Huertos',
  city: 'Montevideo',
  subregion: '',
  country: 'uy',
  latitude: '-34.9',
  longitude: '-56.16',
  themes: ['local-development'],
  links: 'https://huertos.example.uy/\nhttps://huertos.example.uy/mapa',
  presenter_name_0: 'Ana García',
  presenter_role_0: 'Coordinadora',
  presenter_organisation_0: '',
  presenter_url_0: '',
  presenter_name_1: 'Luis Paz',
  presenter_role_1: '',
  presenter_organisation_1: 'Huertos del Sur',
  presenter_url_1: 'https://sur.example.uy/',
  presenter_name_2: '',
  presenter_role_2: '',
  presenter_organisation_2: '',
  presenter_url_2: '',
};

let t: TestApp;
let editor: Visitor;
const db = () => t.app.ctx.db;
let workshopId: string;

beforeAll(async () => {
  t = await createTestApp();
  const outcome = await importBooklet(db(), { bytes: new TextEncoder().encode(BOOKLET), eventSlug: 'livret-2019', gazetteer: new Gazetteer() });
  expect(outcome.ok).toBe(true);
  await createUser(t.app, 'editor@example.org', ['editor']);
  await createUser(t.app, 'member@example.org', ['member_contact']);
  await createUser(t.app, 'reviewer@example.org', ['reviewer']);
  editor = await signIn(t.app, 'editor@example.org');
  const workshop = await db().selectFrom('programme_workshops').select('id').where('event_slug', '=', 'livret-2019').where('code', '=', '4.2').executeTakeFirstOrThrow();
  workshopId = String(workshop.id);
});
afterAll(() => t.close());

const initiatives = () => db().selectFrom('initiatives').selectAll().orderBy('id').execute();

describe('who may edit initiatives', () => {
  it('sends anonymous visitors to sign in, and refuses accounts that are not editors', async () => {
    const anonymous = new Visitor(t.app);
    for (const path of ['/en/admin/initiatives', '/en/admin/initiatives/new', '/en/admin/initiatives/une-cantine-cooperative']) {
      const response = await anonymous.get(path);
      expect(response.statusCode, path).toBe(303);
      expect(response.headers.location).toMatch(/^\/en\/sign-in\?next=/);
    }
    const post = await t.app.inject({ method: 'POST', url: '/en/admin/initiatives/une-cantine-cooperative', payload: { title_fr: 'Piraté' } });
    expect([303, 403]).toContain(post.statusCode);
    for (const email of ['member@example.org', 'reviewer@example.org']) {
      const visitor = await signIn(t.app, email);
      expect((await visitor.get('/fr/admin/initiatives')).statusCode, email).toBe(403);
      expect((await visitor.get('/fr/admin/initiatives/une-cantine-cooperative')).statusCode, email).toBe(403);
    }
    const before = await initiatives();
    expect(before.find((row) => row.slug === 'une-cantine-cooperative')!.title.fr?.text).toBe('Une cantine coopérative');
  });

  it('refuses a post without its CSRF token and writes nothing', async () => {
    const before = await initiatives();
    const response = await editor.post('/en/admin/initiatives', NEW, { from: '/en/admin/initiatives/new', csrf: false });
    expect(response.statusCode).toBe(403);
    expect(await initiatives()).toEqual(before);
  });

  it('lists initiatives and links the editor from the back-office menu', async () => {
    const list = await editor.get('/en/admin/initiatives');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/en/admin/initiatives/une-cantine-cooperative"');
    expect(list.body).toContain('href="/en/admin/initiatives/new"');
    expect((await editor.get('/en/admin')).body).toContain('href="/en/admin/initiatives"');
  });
});

describe('creating and editing an initiative', () => {
  it('answers bad input with 400, naming each field in the reader\'s language, and writes nothing', async () => {
    const before = await initiatives();
    const bad = {
      ...NEW, code: '4-2', country: 'Atlantis', latitude: '95', longitude: '', title_es: '', links: 'not a link',
      presenter_name_1: '', presenter_url_0: 'ftp://x', themes: ['no-such-theme'],
    };
    const fr = await editor.post('/fr/admin/initiatives', bad, { from: '/fr/admin/initiatives/new' });
    expect(fr.statusCode).toBe(400);
    for (const field of ['code', 'country', 'latitude', 'title_es', 'links', 'presenter_name_1', 'presenter_url_0', 'themes']) expect(fr.body, field).toContain(`id="${field}-error"`);
    expect(fr.body).toContain('Indiquez un code comme 1.2.3 ou 1.2.');
    expect(fr.body).toContain('Indiquez une latitude entre -90 et 90 degrés.');
    const ko = await editor.post('/ko/admin/initiatives', { ...NEW, longitude: '' }, { from: '/ko/admin/initiatives/new' });
    expect(ko.statusCode).toBe(400);
    expect(ko.body).toContain('위도와 경도를 모두 입력하거나 모두 비워 두세요.');
    const taken = await editor.post('/es/admin/initiatives', { ...NEW, code: '4.1.1' }, { from: '/es/admin/initiatives/new' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Otra iniciativa de este evento ya tiene este código.');
    const otherEvent = await db().selectFrom('programme_workshops').select('id').executeTakeFirstOrThrow();
    const wrongWorkshop = await editor.post('/en/admin/initiatives', { ...NEW, event: 'another-event', workshop: String(otherEvent.id) }, { from: '/en/admin/initiatives/new' });
    expect(wrongWorkshop.statusCode).toBe(400);
    expect(wrongWorkshop.body).toContain('Choose a workshop of this initiative’s event.');
    expect(await initiatives()).toEqual(before);
  });

  it('adds a presenter row without JavaScript and without saving', async () => {
    const before = await initiatives();
    const response = await editor.post('/en/admin/initiatives', { ...NEW, more_presenters: '1' }, { from: '/en/admin/initiatives/new' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('id="presenter_name_3"');
    expect(response.body).toContain('value="Luis Paz"');
    expect(await initiatives()).toEqual(before);
  });

  it('creates an initiative with every field, audits it, indexes it for search', async () => {
    const response = await editor.post('/en/admin/initiatives', { ...NEW, workshop: workshopId }, { from: '/en/admin/initiatives/new' });
    expect(response.body.match(/class="error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '').toBe('');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/admin/initiatives/una-red-de-huertos-urbanos');
    const row = await db().selectFrom('initiatives').selectAll().where('slug', '=', 'una-red-de-huertos-urbanos').executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      event_slug: 'livret-2019', code: '4.2.2', kind: 'initiative', city: 'Montevideo', country: 'UY', region: 'latin-america-caribbean',
      latitude: -34.9, longitude: -56.16, themes: ['local-development'], links: ['https://huertos.example.uy/', 'https://huertos.example.uy/mapa'],
      workshop_id: Number(workshopId),
    });
    expect(row.title.es).toMatchObject({ text: 'Una red de huertos urbanos', status: 'original' });
    expect(row.title.en).toMatchObject({ text: 'A network of urban gardens', status: 'human' });
    expect(row.presenters).toEqual([
      { name: 'Ana García', role: 'Coordinadora', organisation: null, url: null },
      { name: 'Luis Paz', role: null, organisation: 'Huertos del Sur', url: 'https://sur.example.uy/' },
    ]);
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'initiatives.initiative.create').execute();
    expect(audit).toHaveLength(1);
    const search = await t.app.inject({ url: '/api/v1/search?q=huertos&lang=es' });
    expect(search.json().items.map((item: { slug: string }) => item.slug)).toContain('una-red-de-huertos-urbanos');
  });

  it('fixes a typo and moves a place on an imported initiative: the public page, search and audit follow', async () => {
    const page = () => t.app.inject({ url: '/fr/initiatives/un-fonds-local' });
    expect((await page()).body).toContain('Un fonds local');
    const form = await editor.get('/fr/admin/initiatives/un-fonds-local');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Kim Minji"');
    const response = await editor.post('/fr/admin/initiatives/un-fonds-local', {
      code: '4.2.1', kind: 'initiative', original_lang: 'fr', title_fr: 'Un fonds local de garantie', summary_fr: 'Un fonds pour les coopératives.',
      organisation: 'Fonds Local', city: 'Washington', subregion: 'District of Columbia', country: 'US', latitude: '38.9072', longitude: '-77.0369',
      workshop: workshopId, themes: ['finance'], links: 'https://fonds.example.kr/',
      presenter_name_0: 'Kim Minji', presenter_role_0: 'Directrice', presenter_organisation_0: '', presenter_url_0: 'https://fonds.example.kr/', presenter_remove_0: '1',
      presenter_name_1: 'Park Jisoo', presenter_role_1: 'Trésorière', presenter_organisation_1: '', presenter_url_1: '',
      event: 'another-event',
    });
    expect(response.body.match(/class="error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '').toBe('');
    expect(response.statusCode).toBe(303);
    const row = await db().selectFrom('initiatives').selectAll().where('slug', '=', 'un-fonds-local').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ event_slug: 'livret-2019', subregion: 'District of Columbia', latitude: 38.9072, longitude: -77.0369, themes: ['finance'] });
    expect(row.title.fr).toMatchObject({ text: 'Un fonds local de garantie', status: 'original' });
    expect(row.presenters.map((p) => p.name)).toEqual(['Park Jisoo']);
    expect((await page()).body).toContain('Un fonds local de garantie');
    const search = await t.app.inject({ url: '/api/v1/search?q=garantie&lang=fr' });
    expect(search.json().items.map((item: { slug: string }) => item.slug)).toContain('un-fonds-local');
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'initiatives.initiative.update').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ slug: 'un-fonds-local' });
    expect((audit.details as { changed: string[] }).changed).toEqual(expect.arrayContaining(['title', 'latitude', 'presenters', 'themes']));
  });

  it('refuses an emptied original title on edit and keeps the stored row', async () => {
    const before = await db().selectFrom('initiatives').selectAll().where('slug', '=', 'une-cantine-cooperative').executeTakeFirstOrThrow();
    const response = await editor.post('/es/admin/initiatives/une-cantine-cooperative', { code: '4.1.1', kind: 'initiative', title_fr: '', country: 'SN' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="title_fr-error"');
    expect(await db().selectFrom('initiatives').selectAll().where('slug', '=', 'une-cantine-cooperative').executeTakeFirstOrThrow()).toEqual(before);
    expect((await editor.get('/en/admin/initiatives/no-such-initiative')).statusCode).toBe(404);
  });
});
