import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp, type Visitor } from '../../../test/helpers.ts';
import { setText, sourceHashOf, type Translatable } from '../../i18n/translatable.ts';

let t: TestApp;
let editor: Visitor;
let spanish: Visitor;
let spanishId: number;
let editorId: number;

beforeAll(async () => {
  t = await createTestApp();
  editorId = await createUser(t.app, 'trq-editor@example.org', ['editor']);
  spanishId = await createUser(t.app, 'trq-es@example.org', ['translator']);
  editor = await signIn(t.app, 'trq-editor@example.org');
  spanish = await signIn(t.app, 'trq-es@example.org');
  // The secretariat gives the translator Spanish only.
  const response = await editor.post(`/en/admin/translations/settings/translators/${spanishId}`, { langs: ['es'] }, { from: '/en/admin/translations/settings' });
  expect(response.statusCode).toBe(303);
});
afterAll(() => t.close());

const db = () => t.app.ctx.db;
type Initiative = { id: number; slug: string; title: Translatable };

/** An initiative whose title is a French original with nothing in Spanish (a fresh unit to work on). */
async function freshInitiative(text: string): Promise<Initiative> {
  const row = await sql<Initiative>`SELECT id, slug, title FROM initiatives WHERE title ? 'fr' AND title -> 'fr' ->> 'status' = 'original' ORDER BY id DESC OFFSET ${Math.floor(Math.random() * 60)} LIMIT 1`.execute(db());
  const initiative = row.rows[0]!;
  const title: Translatable = { fr: { text, status: 'original', updatedAt: new Date().toISOString() } };
  await sql`UPDATE initiatives SET title = ${JSON.stringify(title)}::jsonb WHERE id = ${initiative.id}`.execute(db());
  return { ...initiative, title };
}
const titleOf = async (id: number) => (await sql<{ title: Translatable }>`SELECT title FROM initiatives WHERE id = ${id}`.execute(db())).rows[0]!.title;
const unitUrl = (id: number, lang = 'es', ui = 'en') => `/${ui}/admin/translations/unit/initiatives/${id}/title/${lang}`;
const unitState = async (id: number, lang = 'es') =>
  (await sql<{ state: string }>`SELECT state FROM translation_units WHERE tbl = 'initiatives' AND row_key = ${String(id)} AND col = 'title' AND lang = ${lang}`.execute(db())).rows[0]?.state;
const units = (html: string) => [...html.matchAll(/data-unit="([^"]+)"/g)].map((m) => m[1]!);
const sinces = (html: string) => [...html.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]!);
const unescape = (s: string) => s.replace(/&amp;/g, '&');

describe('the queue', () => {
  it('lists one language, module and state, oldest first, page after page by keyset', async () => {
    const first = await editor.get('/en/admin/translations?lang=ko&module=initiatives&state=missing');
    expect(first.statusCode).toBe(200);
    const listed = units(first.body);
    expect(listed.length).toBe(50);
    expect(listed.every((unit) => /^(initiatives|initiative_themes|programme_workshops|programme_events):[^:]+:[a-z_]+:ko$/.test(unit))).toBe(true);
    const times = sinces(first.body);
    expect([...times].sort()).toEqual(times);
    const next = /href="([^"]+)" rel="next"/.exec(first.body)![1]!;
    const second = await editor.get(unescape(next));
    const more = units(second.body);
    expect(more.length).toBeGreaterThan(0);
    expect(more.some((unit) => listed.includes(unit))).toBe(false);
    expect(sinces(second.body)[0]! >= times[times.length - 1]!).toBe(true);
    // The counts come from translation_unit_counts, per language and state.
    const { rows } = await sql<{ n: number }>`SELECT sum(n)::int AS n FROM translation_unit_counts WHERE module = 'initiatives' AND lang = 'ko' AND state = 'missing'`.execute(db());
    expect(first.body).toContain(`data-count="ko-missing"><a href="/en/admin/translations?lang=ko&amp;state=missing">${rows[0]!.n.toLocaleString('en')}</a>`);
  });

  it('filters by age and refuses a filter value it does not know', async () => {
    const old = await editor.get('/en/admin/translations?lang=es&age=36500');
    expect(old.statusCode).toBe(200);
    expect(units(old.body)).toEqual([]);
    const lost = await editor.get('/en/admin/translations?state=lost');
    expect(lost.statusCode).toBe(400);
    expect((await editor.get('/fr/admin/translations?module=nowhere')).body).toContain('Un filtre de la file a une valeur inconnue.');
  });

  it('keeps a translator to their languages: 403 outside them, 404 for what does not exist', async () => {
    const own = await spanish.get('/en/admin/translations');
    expect(own.statusCode).toBe(200);
    expect(units(own.body).every((unit) => unit.endsWith(':es'))).toBe(true);
    expect(own.body).not.toContain('data-count="fr-');
    expect((await spanish.get('/en/admin/translations?lang=fr')).statusCode).toBe(403);
    const initiative = await freshInitiative('Une coopérative de quartier');
    const refused = await spanish.get(unitUrl(initiative.id, 'en'));
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You do not translate into this language.');
    expect((await spanish.post(unitUrl(initiative.id, 'en'), { text: 'x', action: 'save', source_hash: sourceHashOf('Une coopérative de quartier') }, { from: unitUrl(initiative.id) })).statusCode).toBe(403);
    expect((await spanish.get('/en/admin/translations/dashboard?for=ko')).statusCode).toBe(403);
    expect((await spanish.get('/en/admin/translations/unit/users/1/email/es')).statusCode).toBe(404);
    expect((await spanish.get('/en/admin/translations/unit/initiatives/999999/title/es')).statusCode).toBe(404);
    expect((await spanish.get('/en/admin/translations/settings')).statusCode).toBe(403);
    const nobody = await createUser(t.app, 'trq-none@example.org', ['translator']);
    expect(nobody).toBeGreaterThan(0);
    expect((await (await signIn(t.app, 'trq-none@example.org')).get('/en/admin/translations')).statusCode).toBe(403);
  });
});

describe('the editor', () => {
  it('shows original and translation side by side with the glossary, and saves a human draft', async () => {
    const source = 'Une coopérative d’économie sociale et solidaire';
    const initiative = await freshInitiative(source);
    const page = await spanish.get(unitUrl(initiative.id, 'es', 'es'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('class="tr-editor"');
    expect(page.body).toMatch(/<dt lang="fr">[^<]*économie sociale et solidaire<\/dt><dd lang="es">Economía social y solidaria<\/dd>/i);
    const response = await spanish.post(unitUrl(initiative.id, 'es', 'es'), { text: 'Una cooperativa de economía social y solidaria', action: 'save', source_hash: sourceHashOf(source) }, { from: unitUrl(initiative.id, 'es', 'es') });
    expect(response.statusCode).toBe(303);
    const title = await titleOf(initiative.id);
    expect(title.es).toMatchObject({ text: 'Una cooperativa de economía social y solidaria', status: 'human', by: spanishId, sourceHash: sourceHashOf(source) });
    expect(await unitState(initiative.id)).toBe('human');
    expect((await spanish.get(response.headers.location as string)).body).toContain('La traducción se ha guardado como borrador.');
  });

  it('refuses empty text, line breaks in a title and an unknown action, naming the problem', async () => {
    const source = 'Un jardin partagé';
    const initiative = await freshInitiative(source);
    const post = (fields: Record<string, string>) => spanish.post(unitUrl(initiative.id), { source_hash: sourceHashOf(source), ...fields }, { from: unitUrl(initiative.id) });
    expect((await post({ text: '   ', action: 'save' })).statusCode).toBe(400);
    const broken = await post({ text: 'Un huerto\ncompartido', action: 'save' });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('This text must fit on one line.');
    expect((await post({ text: 'Un huerto', action: 'publish' })).statusCode).toBe(400);
    expect((await titleOf(initiative.id)).es).toBeUndefined();
  });

  it('goes to the next unit of the same filters with save and next', async () => {
    const query = '?lang=es&module=initiatives&state=missing';
    const list = await spanish.get(`/en/admin/translations${query}`);
    const [first] = units(list.body);
    const [, key] = first!.split(':');
    const url = `${unitUrl(Number(key))}${query}`;
    const page = await spanish.get(url);
    const hash = /name="source_hash" value="([0-9a-f]{16})"/.exec(page.body)![1]!;
    const response = await spanish.post(url, { text: 'Una traducción', action: 'next', source_hash: hash }, { from: url });
    expect(response.statusCode).toBe(303);
    // The next one is the queue's next after this unit (re-read: the saved unit left the 'missing' filter).
    const [tbl, nextKey, col] = units((await spanish.get(`/en/admin/translations${query}`)).body)[0]!.split(':');
    expect(response.headers.location).toBe(`/en/admin/translations/unit/${tbl}/${nextKey}/${col}/es?state=missing&module=initiatives`);
  });

  it('answers 409 to a save against an original changed meanwhile, and overwrites nothing', async () => {
    const source = 'Une épicerie solidaire';
    const initiative = await freshInitiative(source);
    const url = unitUrl(initiative.id);
    const page = await spanish.get(url);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const changed = setText(initiative.title, 'fr', 'Une épicerie solidaire et un café', 'original');
    await sql`UPDATE initiatives SET title = ${JSON.stringify(changed)}::jsonb WHERE id = ${initiative.id}`.execute(db());
    const response = await t.app.inject({
      method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: spanish.cookies },
      payload: new URLSearchParams({ _csrf: token, text: 'Una tienda solidaria', action: 'save', source_hash: sourceHashOf(source) }).toString(),
    });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('The original changed while you were translating: nothing was saved.');
    expect(response.body).toContain('Una tienda solidaria</textarea>');
    expect(response.body).toContain('data-diff');
    expect((await titleOf(initiative.id)).es).toBeUndefined();
  });

  it('marks a translation outdated when its original changes, and shows the change as a diff', async () => {
    const source = 'Une monnaie locale';
    const initiative = await freshInitiative(source);
    await spanish.post(unitUrl(initiative.id), { text: 'Una moneda local', action: 'save', source_hash: sourceHashOf(source) }, { from: unitUrl(initiative.id) });
    const value = await titleOf(initiative.id);
    await sql`UPDATE initiatives SET title = ${JSON.stringify(setText(value, 'fr', 'Une monnaie locale numérique', 'original'))}::jsonb WHERE id = ${initiative.id}`.execute(db());
    expect(await unitState(initiative.id)).toBe('outdated');
    const page = await spanish.get(unitUrl(initiative.id));
    expect(page.body).toContain('What changed in the original since this translation was made');
    expect(page.body).toMatch(/<ins><span class="visually-hidden">added: <\/span>\s*numérique<\/ins>/);
    const listed = await spanish.get('/en/admin/translations?state=outdated&module=initiatives');
    expect(units(listed.body)).toContain(`initiatives:${initiative.id}:title:es`);
  });

  it('escapes HTML in a translation on the public page like the original', async () => {
    const source = 'Une ferme urbaine';
    const initiative = await freshInitiative(source);
    await spanish.post(unitUrl(initiative.id), { text: '<script>alert(1)</script> Granja', action: 'save', source_hash: sourceHashOf(source) }, { from: unitUrl(initiative.id) });
    const html = (await t.app.inject({ method: 'GET', url: `/es/initiatives/${initiative.slug}` })).body;
    expect(html).toContain('<h1>&lt;script>alert(1)&lt;/script> Granja</h1>');
    expect(html).not.toContain('<script>alert(1)');
  });
});

describe('approval and what public pages show', () => {
  it('needs a second person where the secretariat says so', async () => {
    const settings = await editor.post('/en/admin/translations/settings', { shows_en: 'machine', shows_fr: 'machine', shows_es: 'machine', shows_ko: 'machine', second: ['es'] });
    expect(settings.statusCode).toBe(303);
    const source = 'Une crèche coopérative';
    const initiative = await freshInitiative(source);
    const url = unitUrl(initiative.id);
    const fields = { text: 'Una guardería cooperativa', source_hash: sourceHashOf(source) };
    const alone = await spanish.post(url, { ...fields, action: 'approve' }, { from: url });
    expect(alone.statusCode).toBe(403);
    expect(alone.body).toContain('Approving needs a second person in this language');
    expect((await titleOf(initiative.id)).es).toBeUndefined();
    await spanish.post(url, { ...fields, action: 'save' }, { from: url });
    expect((await spanish.post(url, { ...fields, action: 'approve' }, { from: url })).statusCode).toBe(403);
    const second = await editor.post(url, { ...fields, action: 'approve' }, { from: url });
    expect(second.statusCode).toBe(303);
    expect((await titleOf(initiative.id)).es).toMatchObject({ status: 'approved', by: spanishId, approvedBy: editorId });
    expect(await unitState(initiative.id)).toBe('approved');
  });

  it('approves in one step where no second person is needed', async () => {
    const source = 'Un atelier de réparation';
    const initiative = await freshInitiative(source);
    const url = unitUrl(initiative.id, 'en');
    const response = await editor.post(url, { text: 'A repair workshop', action: 'approve', source_hash: sourceHashOf(source) }, { from: url });
    expect(response.statusCode).toBe(303);
    expect((await titleOf(initiative.id)).en).toMatchObject({ status: 'approved', by: editorId, approvedBy: editorId });
  });

  it('shows machine drafts labelled, with the original one click away, or hides them when the secretariat wants approved texts only', async () => {
    const source = 'Une maison des associations';
    const initiative = await freshInitiative(source);
    const value: Translatable = { ...initiative.title, es: { text: 'Una casa de las asociaciones', status: 'machine', updatedAt: new Date().toISOString(), sourceHash: sourceHashOf(source), engine: 'apertium fr→es' } };
    await sql`UPDATE initiatives SET title = ${JSON.stringify(value)}::jsonb WHERE id = ${initiative.id}`.execute(db());
    await t.app.ctx.pageCache.invalidate();
    const shown = (await t.app.inject({ method: 'GET', url: `/es/initiatives/${initiative.slug}` })).body;
    expect(shown).toContain('Esta es una traducción automática que nadie ha revisado todavía.');
    expect(shown).toContain('<details class="machine-original"><summary>Ver el original (francés)</summary><p lang="fr">Une maison des associations</p></details>');
    await editor.post('/en/admin/translations/settings', { shows_en: 'machine', shows_fr: 'machine', shows_es: 'approved', shows_ko: 'machine' });
    const hidden = (await t.app.inject({ method: 'GET', url: `/es/initiatives/${initiative.slug}` })).body;
    expect(hidden).not.toContain('Una casa de las asociaciones');
    expect(hidden).toContain('Este texto aún no está disponible en español.');
    await editor.post('/en/admin/translations/settings', { shows_en: 'machine', shows_fr: 'machine', shows_es: 'machine', shows_ko: 'machine' });
    expect((await editor.post('/en/admin/translations/settings', { shows_en: 'everything', shows_fr: 'machine', shows_es: 'machine', shows_ko: 'machine' })).statusCode).toBe(400);
  });
});

describe('the dashboard', () => {
  it('says what is missing in Korean per module, with links into the queue', async () => {
    const page = await editor.get('/ko/admin/translations/dashboard?for=ko');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('한국어로 빠진 번역');
    const { rows } = await sql<{ n: number }>`SELECT sum(n)::int AS n FROM translation_unit_counts WHERE module = 'initiatives' AND lang = 'ko' AND state = 'missing'`.execute(db());
    expect(page.body).toContain(`data-count="initiatives-missing"><a href="/ko/admin/translations?lang=ko&amp;module=initiatives&amp;state=missing">${rows[0]!.n.toLocaleString('ko')}</a>`);
  });
});
