import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, FORM, form, signIn, Visitor, type TestApp } from '../../../test/helpers.ts';
import { zonedToInstant } from './model.ts';

let t: TestApp;
let editor: Visitor;

beforeAll(async () => {
  t = await createTestApp({ logLevel: 'error' });
  await createUser(t.app, 'calls-editor@example.org', ['editor']);
  await createUser(t.app, 'calls-contact@example.org', ['member_contact']);
  editor = await signIn(t.app, 'calls-editor@example.org');
});
afterAll(() => t?.close());

/** A complete French call with three questions (text, choice, number). */
function frenchCall(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    slug: 'appel-2026', original_lang: 'fr',
    title_fr: 'Appel à initiatives 2026', body_fr: 'Premier paragraphe.\n\nSecond paragraphe.',
    title_en: 'Call for initiatives 2026', body_en: '',
    title_es: '', body_es: '', title_ko: '', body_ko: '',
    forum: 'gsef2018-bilbao', event_slug: 'gsef2026-test', themes: ['local-development'],
    time_zone: 'Europe/Madrid', opens_at: '2026-03-01T09:00', closes_at: '2026-05-31T23:59',
    languages: ['fr', 'es', 'ko'], attachment_kinds: ['pdf', 'png'], attachment_max_mb: '4', max_attachments: '2',
    q0_kind: 'text', q0_position: '2', q0_label_fr: 'Décrivez votre initiative', q0_label_en: 'Describe your initiative', q0_max_length: '1500', q0_required: '1',
    q1_kind: 'choice', q1_position: '1', q1_label_fr: 'Type d’organisation', q1_choices_fr: 'Ville\nRéseau\nEntreprise', q1_choices_en: 'City\nNetwork\nEnterprise',
    q2_kind: 'number', q2_position: '3', q2_label_fr: 'Nombre de personnes concernées', q2_min: '0', q2_max: '100000',
    ...overrides,
  };
}

const calls = () => t.app.ctx.db.selectFrom('calls').selectAll().where('slug', 'like', 'appel-%').execute();
const audit = (action: string) => t.app.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', action).execute();

describe('creating and editing a call', () => {
  it('creates a French call with its ordered questions, as a draft, audited', async () => {
    const response = await editor.post('/fr/admin/calls/new', frenchCall());
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/fr/admin/calls/appel-2026?saved=1');
    const [call] = await calls();
    expect(call).toMatchObject({ state: 'draft', time_zone: 'Europe/Madrid', languages: ['fr', 'es', 'ko'], themes: ['local-development'], event_slug: 'gsef2026-test', max_attachments: 2, attachment_max_bytes: 4 * 1024 * 1024 });
    expect(call!.attachment_types).toEqual(['application/pdf', 'image/png']);
    expect(call!.title.fr).toMatchObject({ text: 'Appel à initiatives 2026', status: 'original' });
    expect(call!.title.en).toMatchObject({ text: 'Call for initiatives 2026', status: 'human' });
    // 09:00 in Madrid on 1 March is 08:00 UTC (winter time); 31 May 23:59 is 21:59 UTC (summer time).
    expect(call!.opens_at!.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(call!.closes_at!.toISOString()).toBe('2026-05-31T21:59:00.000Z');
    const questions = await t.app.ctx.db.selectFrom('call_questions').selectAll().where('call_id', '=', call!.id).orderBy('position').execute();
    expect(questions.map((q) => [q.position, q.kind])).toEqual([[1, 'choice'], [2, 'text'], [3, 'number']]);
    expect(questions[0]!.choices.map((c) => [c.value, c.label.fr?.text, c.label.en?.text])).toEqual([['ville', 'Ville', 'City'], ['reseau', 'Réseau', 'Network'], ['entreprise', 'Entreprise', 'Enterprise']]);
    expect(questions[1]).toMatchObject({ max_length: 1500, required: true });
    expect([questions[2]!.min_value, questions[2]!.max_value].map(Number)).toEqual([0, 100000]);
    expect(await audit('calls.call.create')).toEqual([{ action: 'calls.call.create', entity_id: String(call!.id) }]);
  });

  it('edits it: reorders, removes and adds questions, keeps the ids of kept ones, marks translations outdated', async () => {
    const page = await editor.get('/fr/admin/calls/appel-2026');
    expect(page.statusCode).toBe(200);
    for (const sub of ['submissions', 'review', 'selection', 'programme']) expect(page.body).toContain(`href="/fr/admin/calls/appel-2026/${sub}"`);
    expect(page.body).toContain('href="/fr/admin/booklets/gsef2026-test"');
    const [call] = await calls();
    const before = await t.app.ctx.db.selectFrom('call_questions').select(['id', 'kind']).where('call_id', '=', call!.id).orderBy('position').execute();
    const [choice, text, number] = before;
    const response = await editor.post('/fr/admin/calls/appel-2026', frenchCall({
      title_fr: 'Appel à initiatives 2026 (révisé)',
      q0_id: String(text!.id), q0_kind: 'text', q0_position: '1',
      q1_id: String(choice!.id), q1_kind: 'choice', q1_position: '2',
      q2_id: String(number!.id), q2_kind: 'number', q2_remove: '1',
      q3_kind: 'text', q3_position: '3', q3_label_fr: 'Site web', q3_max_length: '300',
    }), { from: '/fr/admin/calls/appel-2026' });
    expect(response.statusCode).toBe(303);
    const after = await t.app.ctx.db.selectFrom('call_questions').select(['id', 'kind', 'position']).where('call_id', '=', call!.id).orderBy('position').execute();
    expect(after.map((q) => q.kind)).toEqual(['text', 'choice', 'text']);
    expect(after[0]!.id).toBe(text!.id);
    expect(after[1]!.id).toBe(choice!.id);
    expect(after.some((q) => q.id === number!.id)).toBe(false);
    const [edited] = await calls();
    expect(edited!.title.en?.status).toBe('outdated');
    expect(await audit('calls.call.update')).toHaveLength(1);
  });

  it('lists calls with their state, dates in their zone and counts', async () => {
    const response = await editor.get('/fr/admin/calls');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Appel à initiatives 2026 (révisé)');
    expect(response.body).toContain('(Europe/Madrid)');
    expect(response.body).toContain('brouillon');
    expect(response.body).toContain('600 déclarées');
  });
});

describe('bad input is named in the reader’s language, nothing stored', () => {
  const cases: [string, Record<string, string | string[]>, string, string][] = [
    ['a time zone that does not exist', { slug: 'appel-zone', time_zone: 'Europe/Atlantis' }, 'time_zone', 'Ce fuseau horaire est inconnu'],
    ['a call closing before it opens', { slug: 'appel-dates', closes_at: '2026-02-01T09:00' }, 'closes_at', 'L’appel doit se clore après son ouverture.'],
    ['a theme that is not an initiatives’ theme', { slug: 'appel-theme', themes: ['astrology'] }, 'themes', 'Ce thème ne fait pas partie des thèmes des initiatives.'],
    ['a choice question with one choice', { slug: 'appel-choix', q1_choices_fr: 'Ville' }, 'q1_choices_fr', 'Indiquez au moins deux choix'],
    ['a number question whose largest is below its smallest', { slug: 'appel-bornes', q2_min: '10', q2_max: '5' }, 'q2_max', 'Le maximum est inférieur au minimum.'],
    ['no language accepted', { slug: 'appel-langues', languages: [] }, 'languages', 'Acceptez au moins une langue.'],
    ['an unknown forum', { slug: 'appel-forum', forum: 'no-such-forum' }, 'forum', 'Choisissez le forum de l’appel.'],
    ['a taken address', { slug: 'appel-2026' }, 'slug', 'Un autre appel a déjà cette adresse.'],
  ];
  it.each(cases)('refuses %s (400, the field named)', async (_name, overrides, field, message) => {
    const before = (await calls()).length;
    const response = await editor.post('/fr/admin/calls/new', frenchCall(overrides), { from: '/fr/admin/calls/new' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`id="${field}-error"`);
    expect(response.body).toContain(message);
    expect((await calls()).length).toBe(before);
  });

  it('refuses a post without its CSRF token (403, in Korean for a Korean reader)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/ko/admin/calls/new', headers: { ...FORM, cookie: editor.cookies }, payload: form(frenchCall({ slug: 'appel-csrf' })) });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('보안을 위해 이 양식을 받을 수 없었습니다.');
    expect((await calls()).some((c) => c.slug === 'appel-csrf')).toBe(false);
  });

  it('refuses a bad edit as a whole: the stored call and its questions are unchanged', async () => {
    const [before] = await calls();
    const questions = () => t.app.ctx.db.selectFrom('call_questions').selectAll().where('call_id', '=', before!.id).orderBy('id').execute();
    const questionsBefore = await questions();
    const response = await editor.post('/es/admin/calls/appel-2026', frenchCall({ title_fr: 'Changé', time_zone: 'Nowhere/Land', q0_kind: '' }), { from: '/es/admin/calls/appel-2026' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Esta zona horaria no existe');
    expect((await calls()).find((c) => c.id === before!.id)).toEqual(before);
    expect(await questions()).toEqual(questionsBefore);
  });

  it('keeps the back-office to the secretariat', async () => {
    const contact = await signIn(t.app, 'calls-contact@example.org');
    expect((await contact.get('/en/admin/calls')).statusCode).toBe(403);
    expect((await new Visitor(t.app).get('/en/admin/calls/appel-2026')).statusCode).not.toBe(200);
  });
});

describe('state transitions', () => {
  const move = (to: string, lang = 'en') => editor.post(`/${lang}/admin/calls/appel-2026/state`, { to }, { from: `/${lang}/admin/calls/appel-2026` });
  const state = async () => (await calls()).find((c) => c.slug === 'appel-2026')!.state;

  it('refuses a move the life of a call does not have (409, named), and a state that is none', async () => {
    const response = await move('published', 'es');
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Una convocatoria no puede pasar a ese estado desde su estado actual.');
    expect(await state()).toBe('draft');
    expect((await move('finished')).statusCode).toBe(400);
  });

  it('walks draft → open → closed → in review → decided → published, each move audited', async () => {
    for (const to of ['open', 'closed', 'in_review', 'decided', 'published']) {
      expect((await move(to)).statusCode).toBe(303);
      expect(await state()).toBe(to);
    }
    expect((await audit('calls.call.state')).length).toBe(5);
    expect((await move('open')).statusCode).toBe(409);
  });

  it('refuses to open a call without dates', async () => {
    const response = await editor.post('/en/admin/calls/new', frenchCall({ slug: 'appel-sans-dates', opens_at: '', closes_at: '' }), { from: '/en/admin/calls/new' });
    expect(response.statusCode).toBe(303);
    const refused = await editor.post('/en/admin/calls/appel-sans-dates/state', { to: 'open' }, { from: '/en/admin/calls/appel-sans-dates' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Set the opening and closing dates before opening the call.');
  });
});

describe('wall-clock times in a zone', () => {
  it('reads a time in its zone across daylight saving', () => {
    expect(zonedToInstant('2026-07-01T12:00', 'Asia/Seoul')!.toISOString()).toBe('2026-07-01T03:00:00.000Z');
    expect(zonedToInstant('2026-03-29T12:00', 'Europe/Madrid')!.toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(zonedToInstant('2026-02-30T12:00', 'UTC')).toBeNull();
  });
});
