import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, signInFromMail, type TestApp, type Visitor } from '../../../test/helpers.ts';
import { insertCall, insertSubmission } from '../../../test/calls-fixtures.ts';
import { original, setMachineDraft } from '../../i18n/translatable.ts';

/**
 * Three reviewers review a call end to end over HTTP: the secretariat sets the phase, the score
 * categories and the invitations, assigns automatically (a conflict of interest avoided), the
 * reviewers score with "save and next", and the summaries come back to the secretariat.
 */
let t: TestApp;
let editor: Visitor;
const reviewer: Record<'a' | 'b' | 'c', Visitor> = {} as never;
const s: Record<1 | 2 | 3 | 4, number> = {} as never;
const SLUG = 'review-journey';
const admin = (rest = '', lang = 'en') => `/${lang}/admin/calls/${SLUG}/review${rest}`;
const page = (id?: number, lang = 'en') => `/${lang}/reviews/${SLUG}${id ? `/${id}` : ''}`;
const day = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.app.ctx.db;
  await createUser(t.app, 'secretariat@gsef.test', ['editor']);
  await createUser(t.app, 'alba@alpha.test', ['call_reviewer']);
  await createUser(t.app, 'bruno@beta.test', ['member_contact']);
  editor = await signIn(t.app, 'secretariat@gsef.test');
  const callId = await insertCall(db, { slug: SLUG, state: 'in_review' });
  const alpha = { organisation_name: 'Coop Alpha', presenters: JSON.stringify([{ name: 'Ana Ruiz', role: 'Director', organisation: 'Coop Alpha' }]), links: ['https://alpha.example/work'] };
  s[1] = (await insertSubmission(db, callId, { ...alpha, lang: 'fr', titleText: 'Monnaie locale à Lyon', summaryText: 'Une monnaie locale.', city: 'Lyon', country: 'FR', email: 'contact@alpha.example' })).id;
  s[2] = (await insertSubmission(db, callId, { lang: 'es', titleText: 'Cooperativas de vivienda', summaryText: 'Viviendas cooperativas en Bilbao.', organisation_name: 'Red Beta', city: 'Bilbao', country: 'ES' })).id;
  s[3] = (await insertSubmission(db, callId, { lang: 'ko', titleText: '사회적 금융', summaryText: '서울의 사회적 금융.', organisation_name: 'Seoul SE Center', city: 'Seoul', country: 'KR' })).id;
  s[4] = (await insertSubmission(db, callId, { ...alpha, lang: 'en', titleText: 'Alpha care cooperative', summaryText: 'Home care.', city: 'Lyon', country: 'FR' })).id;
  const [question, choice] = await db.insertInto('call_questions').values([
    { call_id: callId, position: 1, kind: 'number', label: JSON.stringify(original('en', 'Members involved')) },
    { call_id: callId, position: 2, kind: 'choice', label: JSON.stringify(original('en', 'Stage')), choices: JSON.stringify([{ value: 'pilot', label: original('en', 'Pilot project') }]) },
  ]).returning('id').execute();
  await db.updateTable('submissions').set({ answers: JSON.stringify({ [question!.id]: 1200, [choice!.id]: 'pilot' }) }).where('id', '=', s[1]).execute();
  await db.insertInto('submission_files').values({ submission_id: s[1], file_key: 'k1', file_name: 'budget-alpha.pdf', mime: 'application/pdf', size: 10 }).execute();
  // A machine draft in English of the Spanish summary: shown labelled, the original one click away.
  const summary = setMachineDraft(original('es', 'Viviendas cooperativas en Bilbao.'), 'en', 'Housing cooperatives in Bilbao.', 'apertium es→en');
  await db.updateTable('submissions').set({ summary: JSON.stringify(summary) }).where('id', '=', s[2]).execute();
});
afterAll(() => t?.close());

describe('the secretariat sets up the review', () => {
  it('adds a blind phase and two score categories', async () => {
    let response = await editor.post(admin('/phases'), { name: 'First reading', opens_at: iso(-day), closes_at: iso(10 * day), others_reviews: 'after_own' }, { from: admin() });
    expect(response.statusCode).toBe(303);
    response = await editor.post(admin('/categories'), { source: 'en', label_en: 'Relevance', label_fr: 'Pertinence', weight: '2', min_score: '0', max_score: '5', required: '1' }, { from: admin() });
    expect(response.statusCode).toBe(303);
    response = await editor.post(admin('/categories'), { source: 'en', label_en: 'Originality', weight: '1', min_score: '0', max_score: '5' }, { from: admin() });
    expect(response.statusCode).toBe(303);
    const body = (await editor.get(admin())).body;
    expect(body).toContain('First reading');
    expect(body).toContain('Relevance');
    expect((await editor.get(admin('', 'fr'))).body).toContain('Pertinence');
  });

  it('invites an existing account from Coop Alpha, another one, and a new address by e-mail', async () => {
    const invite = (fields: Record<string, string | string[]>) => editor.post(admin('/reviewers'), { cap: '10', lang: 'en', ...fields }, { from: admin() });
    expect((await invite({ email: 'alba@alpha.test', languages: ['en', 'fr', 'es'], organisation: 'coop alpha' })).statusCode).toBe(303);
    expect((await invite({ email: 'bruno@beta.test', languages: ['en', 'fr', 'es', 'ko'], organisation: 'Beta' })).statusCode).toBe(303);
    const created = await invite({ email: 'chen@new.test', name: 'Chen', languages: ['en', 'fr', 'es', 'ko'], city: 'Madrid' });
    expect(created.headers.location).toContain('m=invited_new');
    const roles = await t.app.ctx.db.selectFrom('users').select(['email', 'roles']).where('email', 'in', ['bruno@beta.test', 'chen@new.test']).orderBy('email').execute();
    expect(roles.map((r) => r.roles.includes('call_reviewer'))).toEqual([true, true]);
    reviewer.a = await signIn(t.app, 'alba@alpha.test');
    reviewer.b = await signIn(t.app, 'bruno@beta.test');
    reviewer.c = await signInFromMail(t.app, 'chen@new.test');
  });

  it('assigns automatically: two reviewers each, languages read, never the reviewer from the same organisation', async () => {
    const response = await editor.post(admin('/assign'), { per_submission: '2' }, { from: admin() });
    expect(response.headers.location).toContain('made=8&short=0');
    const rows = await t.app.ctx.db.selectFrom('review_assignments as a').innerJoin('users as u', 'u.id', 'a.reviewer_id')
      .select(['a.submission_id', 'u.email']).orderBy('a.submission_id').orderBy('u.email').execute();
    const of = (id: number) => rows.filter((r) => r.submission_id === id).map((r) => r.email);
    expect(of(s[1])).toEqual(['bruno@beta.test', 'chen@new.test']);
    expect(of(s[2])).toEqual(['alba@alpha.test', 'bruno@beta.test']);
    expect(of(s[3])).toEqual(['bruno@beta.test', 'chen@new.test']);
    expect(of(s[4])).toEqual(['bruno@beta.test', 'chen@new.test']);
    // Run again: nothing is added twice.
    expect((await editor.post(admin('/assign'), { per_submission: '2' }, { from: admin() })).headers.location).toContain('made=0&short=0');
    const progress = (await editor.get(admin())).body;
    expect(progress).toContain('<td>4</td>');
  });

  it('refuses by hand what the conflict rule forbids, with the reason named', async () => {
    const alba = await t.app.ctx.db.selectFrom('users').select('id').where('email', '=', 'alba@alpha.test').executeTakeFirstOrThrow();
    const response = await editor.post(admin('/assignments'), { submission_id: String(s[4]), reviewer_id: String(alba.id) }, { from: admin() });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Refused: this reviewer has a conflict of interest with this submission.');
  });
});

describe('reviewers review', () => {
  it('shows each reviewer their calls and their own list only', async () => {
    const home = await reviewer.b.get('/en/reviews');
    expect(home.body).toContain(`href="/en/reviews/${SLUG}"`);
    expect(home.body).toContain('0 of 4 reviewed');
    const list = (await reviewer.a.get(page())).body;
    expect(list).toContain(`/en/reviews/${SLUG}/${s[2]}`);
    expect(list).not.toContain(`/en/reviews/${SLUG}/${s[1]}`);
    expect(list).toContain('0 of 1 reviewed');
  });

  it('answers 404 to the reviewer with a conflict, and to one not assigned', async () => {
    expect((await reviewer.a.get(page(s[1]))).statusCode).toBe(404);
    expect((await reviewer.a.get(page(s[3]))).statusCode).toBe(404);
  });

  it('shows a blind copy: no e-mail, presenters, organisation, links or file names; city and country kept', async () => {
    const body = (await reviewer.b.get(page(s[1]))).body;
    for (const hidden of ['contact@alpha.example', 'Ana Ruiz', 'Coop Alpha', 'alpha.example/work', 'budget-alpha.pdf']) expect(body).not.toContain(hidden);
    expect(body).toContain('Lyon, FR');
    expect(body).toContain('Monnaie locale à Lyon');
    expect(body).toContain('Blind review');
    // The answers to the call's own questions are the work, kept on the blind copy.
    expect(body).toContain('<dt>Members involved</dt><dd>1,200</dd>');
    expect(body).toContain('<dt>Stage</dt><dd>Pilot project</dd>');
  });

  it('shows a machine draft labelled, the original one click away', async () => {
    const body = (await reviewer.a.get(page(s[2]))).body;
    expect(body).toContain('Housing cooperatives in Bilbao.');
    expect(body).toContain('Machine draft, not checked by anyone; the original is in Spanish.');
    expect(body).toContain(`href="/en/reviews/${SLUG}/${s[2]}?original=1"`);
    const originalPage = (await reviewer.a.get(`${page(s[2])}?original=1`)).body;
    expect(originalPage).toContain('Viviendas cooperativas en Bilbao.');
    expect(originalPage).toContain('Original text, in Spanish.');
  });

  it('"save and next" goes to the assigned submission with the fewest reviews', async () => {
    // Chen reviews s3 first: s3 then has one review, s2 and s4 none.
    expect((await reviewer.c.post(page(s[3]), { version: '0', score_1: '4', score_2: '3', comment: '좋은 사례', proposed_decision: 'accepted', next: '1' })).headers.location).toBe(page(s[1]));
    let response = await reviewer.b.post(page(s[1]), { version: '0', score_1: '5', score_2: '5', proposed_decision: 'accepted', next: '1' });
    expect(response.headers.location).toBe(page(s[2]));
    response = await reviewer.b.post(page(s[2]), { version: '0', score_1: '3', next: '1' });
    expect(response.headers.location).toBe(page(s[4]));
    response = await reviewer.b.post(page(s[4]), { version: '0', score_1: '2', next: '1' });
    expect(response.headers.location).toBe(page(s[3]));
    const progress = (await reviewer.b.get(page(s[3]))).body;
    expect(progress).toContain('3 of 4 reviewed');
    response = await reviewer.b.post(page(s[3]), { version: '0', score_1: '4', next: '1' });
    expect(response.headers.location).toBe(`${page()}?done=1`);
    expect((await reviewer.b.get(response.headers.location as string)).body).toContain('You have reviewed every submission assigned to you.');
  });

  it('keeps others\' reviews hidden until the reviewer has saved their own (after_own)', async () => {
    const before = (await reviewer.c.get(page(s[1]))).body;
    expect(before).toContain('Other reviews are shown once you have saved yours.');
    expect(before).not.toContain('Reviewer 1');
    await reviewer.c.post(page(s[1]), { version: '0', score_1: '0', score_2: '0', comment: 'Too vague', proposed_decision: 'rejected' });
    const after = (await reviewer.c.get(page(s[1]))).body;
    expect(after).toContain('Reviewer 1: total 5, Accept');
    expect(after).toContain('2 reviews, mean 2.5, median 2.5.');
    expect(after).toContain('Reviewers disagree.');
  });

  it('shows the secretariat the summaries: count, mean, median, disagreement', async () => {
    const body = (await editor.get(admin())).body;
    expect(body).toContain('2 reviews, mean 2.5, median 2.5.<strong> Reviewers disagree.</strong>');
    expect(body).toContain('1 review, mean 3, median 3.');
  });

  it('follows a phase that shows names and others\' reviews always, and one that never shows them', async () => {
    const phase = await t.app.ctx.db.selectFrom('call_review_phases').select('id').executeTakeFirstOrThrow();
    await editor.post(admin(`/phases/${phase.id}/delete`), {}, { from: admin() });
    await editor.post(admin('/phases'), { name: 'Second reading', opens_at: iso(-day), closes_at: iso(day), see_names: '1', others_reviews: 'always' }, { from: admin() });
    const open = (await reviewer.a.get(page(s[2]))).body;
    expect(open).toContain('Red Beta');
    expect(open).toContain('Reviewer 1: total 3');
    const named = (await reviewer.c.get(page(s[4]))).body;
    for (const shown of ['Coop Alpha', 'Ana Ruiz', 'https://alpha.example/work']) expect(named).toContain(shown);
    const second = await t.app.ctx.db.selectFrom('call_review_phases').select('id').executeTakeFirstOrThrow();
    await editor.post(admin(`/phases/${second.id}/delete`), {}, { from: admin() });
    await editor.post(admin('/phases'), { name: 'Third reading', opens_at: iso(-day), closes_at: iso(day), others_reviews: 'never' }, { from: admin() });
    const never = (await reviewer.c.get(page(s[1]))).body;
    expect(never).toContain('In this phase, reviewers do not see each other’s reviews.');
    expect(never).not.toContain('Reviewer 1');
  });
});

describe('every page in four languages', () => {
  it('answers the reviewer\'s and the secretariat\'s pages in en, fr, es and ko', async () => {
    const words = { en: 'Save and next', fr: 'Enregistrer et suivante', es: 'Guardar y siguiente', ko: '저장 후 다음' };
    for (const lang of ['en', 'fr', 'es', 'ko'] as const) {
      for (const url of [`/${lang}/reviews`, page(undefined, lang)]) {
        const response = await reviewer.b.get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.body).toContain(`<html lang="${lang}"`);
      }
      const review = await reviewer.b.get(page(s[1], lang));
      expect(review.statusCode).toBe(200);
      expect(review.body).toContain(words[lang]);
      const secretariat = await editor.get(admin('', lang));
      expect(secretariat.statusCode).toBe(200);
      expect(secretariat.body).toContain(`<html lang="${lang}"`);
    }
  });
});
