import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCall, insertSubmission } from '../../../test/calls-fixtures.ts';
import { createTestApp, createUser, csrfTokenIn, FORM, form, SAMPLE_FILES, signIn, Visitor, type TestApp } from '../../../test/helpers.ts';
import { TestSmtpServer } from '../../../test/smtp.ts';
import { filesOnDisk, mailTo, postDraft, startFromMail, submissionRow } from '../../../test/calls-submit.ts';
import { original } from '../../i18n/translatable.ts';
import { addressKey } from '../../members/draft-limits.ts';
import { UPLOAD_BYTES_PER_DAY } from './domain.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
let callId: number;
let numberQuestion: number;
let textQuestion: number;
beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
  callId = await insertCall(t.app.ctx.db, { slug: 'safe-call', attachment_max_bytes: 2000, max_attachments: 2 });
  const question = (values: object) => t.app.ctx.db.insertInto('call_questions').values({ call_id: callId, ...values } as never).returning('id').executeTakeFirstOrThrow();
  numberQuestion = (await question({ position: 1, kind: 'number', label: JSON.stringify(original('en', 'Budget in euros')), min_value: '0', max_value: '1000' })).id;
  textQuestion = (await question({ position: 2, kind: 'text', label: JSON.stringify(original('en', 'Why now?')), required: true, max_length: 50 })).id;
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

/** A draft of the safe call, reached through its link as its submitter would. */
async function draft(values: Parameters<typeof insertSubmission>[2] = {}) {
  const { id, token } = await insertSubmission(t.app.ctx.db, callId, { state: 'draft', submitted_at: null, ...values });
  return { id, link: `/${values.lang ?? 'en'}/calls/safe-call/submit/${token}`, visitor: new Visitor(t.app) };
}

const complete = (extra: Record<string, string | string[]> = {}) => ({
  source_lang: 'en', title: 'Community kitchens', summary: 'Kitchens run by neighbours.', organisation_name: 'Kitchen network', city: 'Lyon', country: 'FR',
  themes: ['public-policy'], presenter_name: ['Jo Martin'], presenter_organisation: ['Kitchen network'], presenter_role: ['Coordinator'], [`q_${textQuestion}`]: 'Because.', ...extra,
});

describe('versions and states', () => {
  it('refuses a save from a stale form with 409, keeps the stored version and shows the typed text', async () => {
    const { id, link, visitor } = await draft();
    expect((await postDraft(t, visitor, link, { intent: 'save', ...complete({ title: 'First window' }) }, {}, { version: 1 })).statusCode).toBe(303);
    const stale = await postDraft(t, visitor, link, { intent: 'save', ...complete({ title: 'Second window' }) }, {}, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('was saved from another window or device');
    expect(stale.body).toContain('value="Second window"');
    expect(stale.body).toContain('name="version" value="2"');
    const row = await submissionRow(t, id);
    expect(row.version).toBe(2);
    expect(row.title?.en?.text).toBe('First window');
    // The autosave endpoint answers the same, as JSON, in the reader's language.
    const csrf = csrfTokenIn((await visitor.get(link)).body);
    const auto = await t.app.inject({ method: 'POST', url: `${link}/autosave`, remoteAddress: visitor.remoteAddress, headers: { ...FORM, cookie: visitor.cookies, 'accept-language': 'fr' }, payload: form({ _csrf: csrf, version: '1', ...complete() }) });
    expect(auto.statusCode).toBe(409);
    expect(auto.json().error).toBe('calls_submit.error.stale');
    expect((await submissionRow(t, id)).version).toBe(2);
  });

  it('withdraws until the close; a withdrawn submission is read-only', async () => {
    const { id, link, visitor } = await draft({ state: 'submitted', submitted_at: new Date() });
    const withdrawn = await postDraft(t, visitor, link, { intent: 'withdraw' });
    expect(withdrawn.statusCode).toBe(303);
    const row = await submissionRow(t, id);
    expect(row.state).toBe('withdrawn');
    expect(row.withdrawn_at).not.toBeNull();
    const page = await visitor.get(link);
    expect(page.body).toContain('You withdrew this submission.');
    expect(page.body).not.toContain('name="intent"');
  });

  it('refuses submitting after the close with a named 409 in the reader’s language, and changes nothing', async () => {
    const closing = await insertCall(t.app.ctx.db, { slug: 'closing-call' });
    const { id, token } = await insertSubmission(t.app.ctx.db, closing, { state: 'draft', submitted_at: null, lang: 'es' });
    const link = `/es/calls/closing-call/submit/${token}`;
    const visitor = new Visitor(t.app);
    const token2 = csrfTokenIn((await visitor.get(link)).body);
    await t.app.ctx.db.updateTable('calls').set({ closes_at: new Date(Date.now() - 60_000), opens_at: new Date(Date.now() - 3600_000) }).where('id', '=', closing).execute();
    const before = await submissionRow(t, id);
    const late = await t.app.inject({ method: 'POST', url: link, remoteAddress: visitor.remoteAddress, headers: { ...FORM, cookie: visitor.cookies }, payload: form({ _csrf: token2, version: '1', intent: 'submit', ...complete() }) });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Esta convocatoria está cerrada');
    expect(await submissionRow(t, id)).toEqual(before);
    // Read-only page, and no new start either.
    expect((await visitor.get(link)).body).toContain('La convocatoria está cerrada: su propuesta ya no se puede modificar.');
    expect((await visitor.get('/es/calls/closing-call/submit')).statusCode).toBe(409);
  });
});

describe('a call not open yet', () => {
  it('refuses to start, with a named 409 in Korean', async () => {
    await insertCall(t.app.ctx.db, { slug: 'future-call', opens_at: new Date(Date.now() + 24 * 3600_000) });
    await insertCall(t.app.ctx.db, { slug: 'draft-call', state: 'draft' });
    for (const slug of ['future-call', 'draft-call']) {
      const page = await new Visitor(t.app).get(`/ko/calls/${slug}/submit`);
      expect(page.statusCode).toBe(409);
      expect(page.body).toContain('이 공모는 아직 제출을 받지 않습니다.');
    }
  });
});

describe('attachments', () => {
  it('stores an accepted file with its row, refuses an oversize and a disguised file by name, and leaves no file behind', async () => {
    const { id, link, visitor } = await draft();
    const onDisk = await filesOnDisk(t);
    const ok = await postDraft(t, visitor, link, { intent: 'save', ...complete() }, { attachments: { name: 'plan.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf } });
    expect(ok.statusCode).toBe(303);
    const rows = () => t.app.ctx.db.selectFrom('submission_files').selectAll().where('submission_id', '=', id).execute();
    expect(await rows()).toMatchObject([{ file_name: 'plan.pdf', mime: 'application/pdf', size: SAMPLE_FILES.pdf.length }]);
    expect(await filesOnDisk(t)).toBe(onDisk + 1);

    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(3000, 32)]);
    const oversize = await postDraft(t, visitor, link, { intent: 'save', ...complete() }, { attachments: { name: 'big.pdf', type: 'application/pdf', content: big } });
    expect(oversize.statusCode).toBe(400);
    expect(oversize.body).toContain('This file is larger than the call allows.');

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200, 0)]);
    const disguised = await postDraft(t, visitor, link, { intent: 'save', ...complete() }, { attachments: { name: 'report.pdf', type: 'application/pdf', content: exe } });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.body).toContain("This file's content is not of a type the call accepts");
    expect(await rows()).toHaveLength(1);
    expect(await filesOnDisk(t)).toBe(onDisk + 1);

    // Removing it deletes the row and, after the commit, the bytes.
    const [file] = await rows();
    const removed = await postDraft(t, visitor, link, { intent: `file_remove_${file!.id}`, ...complete() });
    expect(removed.statusCode).toBe(303);
    expect(await rows()).toHaveLength(0);
    expect(await filesOnDisk(t)).toBe(onDisk);
  });

  it('a save refused by its version writes no file either', async () => {
    const { link, visitor } = await draft();
    const onDisk = await filesOnDisk(t);
    await postDraft(t, visitor, link, { intent: 'save', ...complete() });
    const stale = await postDraft(t, visitor, link, { intent: 'save', ...complete() }, { attachments: { name: 'plan.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf } }, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(await filesOnDisk(t)).toBe(onDisk);
  });
});

describe('bad input, each a named 4xx in the reader’s language', () => {
  it('refuses a post without its CSRF token', async () => {
    const { id, link, visitor } = await draft();
    const response = await postDraft(t, visitor, link, { intent: 'save', ...complete() }, {}, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect((await submissionRow(t, id)).version).toBe(1);
    const start = await t.app.inject({ method: 'POST', url: '/en/calls/safe-call/submit', headers: FORM, payload: form({ email: 'x@example.org', source_lang: 'en' }) });
    expect(start.statusCode).toBe(403);
  });

  it('refuses a bad e-mail address on the start form (in French)', async () => {
    const visitor = new Visitor(t.app);
    const response = await visitor.post('/fr/calls/safe-call/submit', { email: 'pas-une-adresse', source_lang: 'fr' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Saisissez une adresse comme nom@exemple.org.');
    expect(response.body).toContain('value="pas-une-adresse"');
  });

  it('refuses a bad web link (in Spanish), a number out of range (in Korean), a missing required answer on submit (in English)', async () => {
    const es = await draft({ lang: 'es' });
    const link = await postDraft(t, es.visitor, es.link, { intent: 'save', ...complete({ links: 'javascript:alert(1)' }) });
    expect(link.statusCode).toBe(400);
    expect(link.body).toContain('Cada enlace web debe ser una dirección completa que empiece por https:// o http://.');
    expect((await submissionRow(t, es.id)).version).toBe(1);

    const ko = await draft({ lang: 'ko' });
    const range = await postDraft(t, ko.visitor, ko.link, { intent: 'save', ...complete({ [`q_${numberQuestion}`]: '5000' }) });
    expect(range.statusCode).toBe(400);
    expect(range.body).toContain('이 숫자는 허용 범위를 벗어났습니다.');

    const en = await draft();
    const missing = await postDraft(t, en.visitor, en.link, { intent: 'submit', ...complete({ [`q_${textQuestion}`]: '' }) });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('This question needs an answer.');
    expect(await submissionRow(t, en.id)).toMatchObject({ state: 'draft', version: 1 });
    const long = await postDraft(t, en.visitor, en.link, { intent: 'save', ...complete({ [`q_${textQuestion}`]: 'x'.repeat(51), themes: ['not-a-theme'], country: 'XX' }) });
    expect(long.statusCode).toBe(400);
    for (const message of ['This answer is longer than allowed.', 'Choose themes from the list.', 'Choose a country from the list.']) expect(long.body).toContain(message);
    // Saving the same draft is fine: drafts may be incomplete.
    expect((await postDraft(t, en.visitor, en.link, { intent: 'save', ...complete({ [`q_${textQuestion}`]: '' }) })).statusCode).toBe(303);
  });

  it('answers an unknown link with 404 and a wrong call with 404', async () => {
    const { link } = await draft();
    expect((await new Visitor(t.app).get('/en/calls/safe-call/submit/not-a-real-token-at-all-000')).statusCode).toBe(404);
    expect((await new Visitor(t.app).get(link.replace('safe-call', 'other-call'))).statusCode).toBe(404);
  });
});

describe('presenters without script', () => {
  it('moves a presenter up and removes one with submit buttons', async () => {
    const { id, link, visitor } = await draft();
    const three = { presenter_name: ['A', 'B', 'C'], presenter_organisation: ['', '', ''], presenter_role: ['', '', ''] };
    expect((await postDraft(t, visitor, link, { intent: 'save', ...complete(three) })).statusCode).toBe(303);
    expect((await postDraft(t, visitor, link, { intent: 'presenter_up_2', ...complete(three) })).headers.location).toBe(`${link}?notice=saved#presenters`);
    expect((await submissionRow(t, id)).presenters.map((p) => p.name)).toEqual(['A', 'C', 'B']);
    await postDraft(t, visitor, link, { intent: 'presenter_remove_0', ...complete({ ...three, presenter_name: ['A', 'C', 'B'] }) });
    expect((await submissionRow(t, id)).presenters.map((p) => p.name)).toEqual(['C', 'B']);
  });
});

describe('starting twice, duplicates and the secretariat', () => {
  it('mails a fresh link to the same draft when an address starts again, with the same page', async () => {
    const first = await startFromMail(t, smtp, { lang: 'en', slug: 'safe-call', email: 'again@example.org', sourceLang: 'en', subject: /^Your draft/ });
    const second = await startFromMail(t, smtp, { lang: 'en', slug: 'safe-call', email: 'again@example.org', sourceLang: 'en', subject: /^Your draft/ });
    expect(second.link).not.toBe(first.link);
    expect((await second.visitor.get(second.link)).statusCode).toBe(200);
    expect((await first.visitor.get(first.link)).statusCode).toBe(404);
    const rows = await t.app.ctx.db.selectFrom('submissions').select('id').where('email', '=', 'again@example.org').execute();
    expect(rows).toHaveLength(1);
  });

  it('flags a possible duplicate and shows it to the secretariat, with the files and the CSV', async () => {
    const first = await draft();
    await postDraft(t, first.visitor, first.link, { intent: 'submit', ...complete({ organisation_name: 'Réseau Cuisine', title: 'Cuisines de quartier partagées' }) }, { attachments: { name: 'plan.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf } });
    const second = await draft();
    const response = await postDraft(t, second.visitor, second.link, { intent: 'submit', ...complete({ organisation_name: 'RESEAU CUISINE', title: 'Cuisines de quartier partagees!' }) });
    expect(response.statusCode).toBe(303);
    expect(await submissionRow(t, second.id)).toMatchObject({ possible_duplicate_of: first.id, dedup_key: 'reseau cuisine|cuisines de quartier partagees' });
    const other = await draft();
    await postDraft(t, other.visitor, other.link, { intent: 'submit', ...complete({ organisation_name: 'Réseau Cuisine', title: 'Urban farms' }) });
    expect((await submissionRow(t, other.id)).possible_duplicate_of).toBeNull();

    await createUser(t.app, 'secretariat@gsef.example', ['editor']);
    const editor = await signIn(t.app, 'secretariat@gsef.example');
    const list = await editor.get('/en/admin/calls/safe-call/submissions');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/en/admin/calls/safe-call/submissions/${first.id}">Possible duplicate of no. ${first.id}</a>`);
    const detail = await editor.get(`/en/admin/calls/safe-call/submissions/${first.id}`);
    const fileLink = /href="(\/en\/admin\/calls\/safe-call\/submissions\/\d+\/files\/\d+)"/.exec(detail.body)![1]!;
    const download = await editor.get(fileLink);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    expect(download.headers['content-disposition']).toBe("attachment; filename*=UTF-8''plan.pdf");
    const csv = await editor.get('/en/admin/calls/safe-call/submissions.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain(`,submitted,en,en,Cuisines de quartier partagees!,RESEAU CUISINE,Lyon,FR,europe,`);

    // Nobody else: not a visitor, not a reviewer of calls.
    for (const url of ['/en/admin/calls/safe-call/submissions', fileLink, '/en/admin/calls/safe-call/submissions.csv']) {
      expect([401, 403, 303]).toContain((await new Visitor(t.app).get(url)).statusCode);
    }
    await createUser(t.app, 'reviewer@gsef.example', ['call_reviewer']);
    const reviewer = await signIn(t.app, 'reviewer@gsef.example');
    expect((await reviewer.get(fileLink)).statusCode).toBe(403);
    const confirmation = await mailTo(t, smtp, (await submissionRow(t, first.id)).email, /^Submission received: Call safe-call$/);
    expect(confirmation.text).toContain('Attachments: plan.pdf');
  });
});

describe('limits of the link and of the mails', () => {
  it('answers a draft link untouched for 30 days with a named 410', async () => {
    const { id, link, visitor } = await draft({ lang: 'fr' });
    await t.app.ctx.db.updateTable('submissions').set({ updated_at: new Date(Date.now() - 31 * 24 * 3600_000) }).where('id', '=', id).execute();
    const response = await visitor.get(link);
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain('Ce lien vers un brouillon a expiré.');
  });

  it('sends one address at most 6 mails a day, with the same page every time', async () => {
    const visitor = new Visitor(t.app);
    const pages = [];
    for (let i = 0; i < 8; i++) pages.push(await visitor.post('/en/calls/safe-call/submit', { email: 'flood@example.org', source_lang: 'en' }));
    expect(pages.map((page) => page.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(pages.map((page) => /<p role="status">([^<]+)<\/p>/.exec(page.body)?.[1])).size).toBe(1);
    const mails = await t.app.ctx.db.selectFrom('outgoing_mail').select('id').where('to_address', '=', 'flood@example.org').execute();
    expect(mails).toHaveLength(6);
  });
});

describe('the organisation', () => {
  it('is matched to the shared record of the same name and place, and kept as typed otherwise', async () => {
    const organisation = await t.app.ctx.db.insertInto('organisations').values({
      slug: 'kitchen-coop-lyon', name: JSON.stringify(original('fr', 'Coopérative des Cuisines')), dedup_key: 'cooperative des cuisines|lyon|FR', kind: 'other', city: 'Lyon', country: 'FR',
    }).returning('id').executeTakeFirstOrThrow();
    const { id, link, visitor } = await draft();
    await postDraft(t, visitor, link, { intent: 'save', ...complete({ organisation_name: 'COOPERATIVE des cuisines' }) });
    expect(await submissionRow(t, id)).toMatchObject({ organisation_id: organisation.id, organisation_name: 'COOPERATIVE des cuisines', region: 'europe' });
    await postDraft(t, visitor, link, { intent: 'save', ...complete({ organisation_name: 'Another kitchen' }) });
    expect(await submissionRow(t, id)).toMatchObject({ organisation_id: null, organisation_name: 'Another kitchen' });
  });
});

describe('the daily upload quota per connection', () => {
  it('refuses files past it with a 429 named in the reader’s language, storing nothing; another connection is not concerned', async () => {
    const busy = '198.51.100.7';
    const earlier = await draft();
    // Earlier today this connection sent all but a few bytes of its quota, to other drafts.
    await t.app.ctx.db.insertInto('submission_files').values({ submission_id: earlier.id, file_key: 'quota-earlier', file_name: 'big.pdf', mime: 'application/pdf', size: UPLOAD_BYTES_PER_DAY - 100, uploaded_from: addressKey(busy) }).execute();
    const { id, link } = await draft({ lang: 'fr' });
    const before = await filesOnDisk(t);
    const refused = await postDraft(t, new Visitor(t.app, {}, busy), link, { intent: 'save', ...complete({ title: 'Refusé' }) }, { attachments: { name: 'plan.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf } });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Trop de fichiers ont été envoyés depuis votre connexion aujourd’hui.');
    expect(await filesOnDisk(t)).toBe(before);
    expect(JSON.stringify((await submissionRow(t, id)).title)).not.toContain('Refusé');
    expect(await t.app.ctx.db.selectFrom('submission_files').select('id').where('submission_id', '=', id).execute()).toEqual([]);
    // Text without files still saves from that connection; files from another one are taken.
    expect((await postDraft(t, new Visitor(t.app, {}, busy), link, { intent: 'save', ...complete() })).statusCode).toBe(303);
    const other = await postDraft(t, new Visitor(t.app), link, { intent: 'save', ...complete() }, { attachments: { name: 'plan.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf } });
    expect(other.statusCode).toBe(303);
    expect(await filesOnDisk(t)).toBe(before + 1);
  });
});

