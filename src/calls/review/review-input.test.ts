import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, form, FORM, signIn, type TestApp, type Visitor } from '../../../test/helpers.ts';
import { insertCall, insertSubmission } from '../../../test/calls-fixtures.ts';
import { original } from '../../i18n/translatable.ts';

/** Bad input and safety on the review pages: every refusal named, in the reader's language, nothing half-written. */
let t: TestApp;
let editor: Visitor;
let ana: Visitor;
let anaId: number;
let callId: number;
let closedId: number;
const sub: Record<'mine' | 'other' | 'conflict' | 'closed', number> = {} as never;
const day = 24 * 3600 * 1000;
const url = (id: number, lang = 'en', slug = 'input-call') => `/${lang}/reviews/${slug}/${id}`;

async function reviewsOf(submissionId: number) {
  return t.app.ctx.db.selectFrom('reviews').selectAll().where('submission_id', '=', submissionId).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.app.ctx.db;
  await createUser(t.app, 'editor@gsef.test', ['editor']);
  anaId = await createUser(t.app, 'ana@review.test', ['call_reviewer']);
  await createUser(t.app, 'contact@member.test', ['member_contact']);
  editor = await signIn(t.app, 'editor@gsef.test');
  ana = await signIn(t.app, 'ana@review.test');
  callId = await insertCall(db, { slug: 'input-call', state: 'in_review' });
  closedId = await insertCall(db, { slug: 'closed-call', state: 'in_review' });
  await insertCall(db, { slug: 'not-invited', state: 'in_review' });
  for (const id of [callId, closedId]) {
    await db.insertInto('call_score_categories').values([
      { call_id: id, position: 1, label: JSON.stringify(original('en', 'Impact')), weight: 2, required: true, min_score: 1, max_score: 5 },
      { call_id: id, position: 2, label: JSON.stringify(original('en', 'Clarity')), weight: 1, required: false, min_score: 0, max_score: 3 },
    ]).execute();
    await db.insertInto('call_reviewers').values({ call_id: id, user_id: anaId, languages: ['en', 'fr', 'es'], cap: 10 }).execute();
  }
  await db.insertInto('call_review_phases').values({ call_id: callId, name: 'Open phase', opens_at: new Date(Date.now() - day), closes_at: new Date(Date.now() + day), others_reviews: 'never' }).execute();
  await db.insertInto('call_review_phases').values({ call_id: closedId, name: 'Spring reading', opens_at: new Date(Date.now() - 10 * day), closes_at: new Date(Date.now() - day) }).execute();
  sub.mine = (await insertSubmission(db, callId, { organisation_name: 'Coop Uno' })).id;
  sub.other = (await insertSubmission(db, callId, { organisation_name: 'Coop Dos' })).id;
  sub.conflict = (await insertSubmission(db, callId, { organisation_name: 'Coop Tres' })).id;
  sub.closed = (await insertSubmission(db, closedId, { organisation_name: 'Coop Cuatro' })).id;
  await db.insertInto('review_assignments').values([
    { call_id: callId, submission_id: sub.mine, reviewer_id: anaId, automatic: false },
    { call_id: callId, submission_id: sub.conflict, reviewer_id: anaId, automatic: false },
    { call_id: closedId, submission_id: sub.closed, reviewer_id: anaId, automatic: false },
  ]).execute();
  // Declared after the assignment was made: the guard hides it all the same.
  await db.updateTable('call_reviewers').set({ conflict_submissions: [sub.conflict] }).where('call_id', '=', callId).where('user_id', '=', anaId).execute();
});
afterAll(() => t?.close());

describe('who may open a submission', () => {
  it('answers 404 to a submission not assigned, one in conflict, and a call the reviewer is not invited to', async () => {
    expect((await ana.get(url(sub.other))).statusCode).toBe(404);
    expect((await ana.get(url(sub.conflict))).statusCode).toBe(404);
    expect((await ana.get('/en/reviews/not-invited')).statusCode).toBe(404);
    expect((await ana.get(url(sub.mine, 'en', 'not-invited'))).statusCode).toBe(404);
    expect((await ana.get(url(999999))).statusCode).toBe(404);
    expect((await ana.get('/en/reviews/input-call')).body).not.toContain(`/en/reviews/input-call/${sub.conflict}"`);
  });

  it('refuses a POST to a submission in conflict or not assigned with 404, saving nothing', async () => {
    const token = csrfTokenIn((await ana.get(url(sub.mine))).body);
    for (const id of [sub.conflict, sub.other]) {
      const response = await t.app.inject({ method: 'POST', url: url(id), headers: { ...FORM, cookie: ana.cookies }, payload: form({ _csrf: token, version: '0', score_1: '3' }) });
      expect(response.statusCode).toBe(404);
      expect(await reviewsOf(id)).toHaveLength(0);
    }
  });

  it('sends a visitor to sign in, refuses other roles, and answers a malformed number with a 4xx', async () => {
    const anonymous = await t.app.inject(url(sub.mine));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/en/sign-in?next=');
    const contact = await signIn(t.app, 'contact@member.test');
    expect((await contact.get('/en/reviews')).statusCode).toBe(403);
    expect((await contact.get('/en/admin/calls/input-call/review')).statusCode).toBe(403);
    expect((await ana.get('/en/admin/calls/input-call/review')).statusCode).toBe(403);
    const malformed = await ana.get('/en/reviews/input-call/abc');
    expect(malformed.statusCode).toBeGreaterThanOrEqual(400);
    expect(malformed.statusCode).toBeLessThan(500);
  });
});

describe('the score form', () => {
  it('names a score out of range in the reader\'s language (French), saving nothing', async () => {
    const response = await ana.post(url(sub.mine, 'fr'), { version: '0', score_1: '9', score_2: '1' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('La note doit être un nombre entier dans les bornes de la catégorie.');
    expect(await reviewsOf(sub.mine)).toHaveLength(0);
  });

  it('names a missing required score in Spanish, a fraction and a score below the minimum in Korean', async () => {
    const missing = await ana.post(url(sub.mine, 'es'), { version: '0', score_2: '2' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Ponga una nota: esta categoría es obligatoria.');
    const fraction = await ana.post(url(sub.mine, 'ko'), { version: '0', score_1: '2.5' });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.body).toContain('점수는 항목의 범위 안의 정수여야 합니다.');
    const below = await ana.post(url(sub.mine), { version: '0', score_1: '0' });
    expect(below.statusCode).toBe(400);
    const decision = await ana.post(url(sub.mine), { version: '0', score_1: '3', proposed_decision: 'maybe' });
    expect(decision.statusCode).toBe(400);
    expect(decision.body).toContain('Choose one of the proposed decisions.');
    expect(await reviewsOf(sub.mine)).toHaveLength(0);
  });

  it('refuses a POST without its CSRF token, saving nothing', async () => {
    const response = await ana.post(url(sub.mine), { version: '0', score_1: '3' }, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(await reviewsOf(sub.mine)).toHaveLength(0);
    const admin = await editor.post('/en/admin/calls/input-call/review/assign', { per_submission: '2' }, { csrf: false });
    expect(admin.statusCode).toBe(403);
  });

  it('keeps both versions when two tabs edit the same review: the second save is a 409, nothing overwritten', async () => {
    const tab1 = csrfTokenIn((await ana.get(url(sub.mine))).body);
    const tab2 = csrfTokenIn((await ana.get(url(sub.mine))).body);
    const post = (token: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url: url(sub.mine), headers: { ...FORM, cookie: ana.cookies }, payload: form({ _csrf: token, ...fields }) });
    expect((await post(tab1, { version: '0', score_1: '5', comment: 'First tab' })).statusCode).toBe(303);
    const second = await post(tab2, { version: '0', score_1: '2', comment: 'Second tab' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('This review was changed elsewhere');
    expect(second.body).toContain('Saved version (from the other tab)');
    expect(second.body).toContain('First tab');
    expect(second.body).toContain('>Second tab</textarea>');
    expect(second.body).toContain('name="version" value="1"');
    const [stored] = await reviewsOf(sub.mine);
    expect(stored!.comment).toBe('First tab');
    // Saving again from the 409 page, on the version it names, is the reviewer's choice to keep theirs.
    expect((await post(tab2, { version: '1', score_1: '2', comment: 'Second tab' })).statusCode).toBe(303);
    const [kept] = await reviewsOf(sub.mine);
    expect([kept!.comment, kept!.version, Number(kept!.total)]).toEqual(['Second tab', 2, 2]);
  });

  it('is read-only outside the phase dates, with the phase named, and refuses a save with 409', async () => {
    const body = (await ana.get(url(sub.closed, 'en', 'closed-call'))).body;
    expect(body).toMatch(/Read only: phase “Spring reading” closed on/);
    expect(body).not.toContain('Save and next');
    expect((await ana.get(url(sub.closed, 'fr', 'closed-call'))).body).toContain('Lecture seule : la phase « Spring reading » a fermé le');
    const token = csrfTokenIn((await ana.get('/en/reviews')).body);
    const response = await t.app.inject({ method: 'POST', url: url(sub.closed, 'en', 'closed-call'), headers: { ...FORM, cookie: ana.cookies }, payload: form({ _csrf: token, version: '0', score_1: '3' }) });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('No review phase is open: the review cannot be changed now.');
    expect(await reviewsOf(sub.closed)).toHaveLength(0);
  });
});

describe('the secretariat\'s forms', () => {
  const admin = (rest = '') => `/en/admin/calls/input-call/review${rest}`;
  it('names each bad input and changes nothing', async () => {
    const phase = await editor.post(admin('/phases'), { name: 'Late', opens_at: '2027-03-10', closes_at: '2027-03-01', others_reviews: 'never' }, { from: admin() });
    expect(phase.statusCode).toBe(400);
    expect(phase.body).toContain('The phase must close after it opens.');
    const category = await editor.post(admin('/categories'), { source: 'en', label_en: 'Bad', weight: '1', min_score: '5', max_score: '5' }, { from: admin() });
    expect(category.statusCode).toBe(400);
    expect(category.body).toContain('The highest score must be above the lowest.');
    const noLabel = await editor.post(admin('/categories'), { source: 'fr', label_en: 'Only English', weight: '0', min_score: '0', max_score: '5' }, { from: admin() });
    expect(noLabel.statusCode).toBe(400);
    expect(noLabel.body).toContain('The weight must be a number above 0 and at most 100.');
    const invite = await editor.post(admin('/reviewers'), { email: 'new@review.test', cap: '5' }, { from: admin() });
    expect(invite.statusCode).toBe(400);
    expect(invite.body).toContain('Tick at least one language the reviewer reads.');
    const auto = await editor.post(admin('/assign'), { per_submission: '0' }, { from: admin() });
    expect(auto.statusCode).toBe(400);
    const unknown = await editor.post(admin('/assignments'), { submission_id: String(sub.closed), reviewer_id: String(anaId) }, { from: admin() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('No such submission or reviewer in this call.');
    const db = t.app.ctx.db;
    expect(await db.selectFrom('call_review_phases').select('id').where('call_id', '=', callId).execute()).toHaveLength(1);
    expect(await db.selectFrom('call_score_categories').select('id').where('call_id', '=', callId).execute()).toHaveLength(2);
    expect(await db.selectFrom('users').select('id').where('email', '=', 'new@review.test').execute()).toHaveLength(0);
    expect((await editor.get('/en/admin/calls/no-such-call/review')).statusCode).toBe(404);
  });
});

describe('finding the reviews', () => {
  it('links the reviewer\'s space from the back-office dashboard', async () => {
    const body = (await ana.get('/fr/admin')).body;
    expect(body).toContain('href="/fr/reviews"');
  });
});

describe('review phases in the call’s time zone', () => {
  it('reads the dates typed as wall-clock times in the call’s zone and shows them there, the zone named', async () => {
    const db = t.app.ctx.db;
    const seoulId = await insertCall(db, { slug: 'seoul-call', state: 'in_review', time_zone: 'Asia/Seoul' });
    const admin = (lang = 'en') => `/${lang}/admin/calls/seoul-call/review`;
    expect((await editor.get(admin('ko'))).body).toContain('공모의 시간대(Asia/Seoul) 기준');
    const added = await editor.post(`${admin()}/phases`, { name: 'Seoul reading', opens_at: '2027-03-01T09:00', closes_at: '2027-03-15', others_reviews: 'never' }, { from: admin() });
    expect(added.statusCode).toBe(303);
    const [phase] = await db.selectFrom('call_review_phases').select(['opens_at', 'closes_at']).where('call_id', '=', seoulId).execute();
    expect(phase!.opens_at.toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(phase!.closes_at.toISOString()).toBe('2027-03-14T15:00:00.000Z');
    const page = (await editor.get(admin('fr'))).body;
    expect(page).toContain('1 mars 2027 à 09:00 (Asia/Seoul)');
    expect(page).toContain('15 mars 2027 à 00:00 (Asia/Seoul)');
  });
});
