import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, SAMPLE_FILES, signIn, Visitor, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
let editor: Visitor;
let committee: Visitor;
let reviewer: Visitor;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'secretariat@example.org', ['editor']);
  await createUser(t.app, 'chair@example.org', ['steering_committee']);
  await createUser(t.app, 'reviewer@example.org', ['reviewer']);
  editor = await signIn(t.app, 'secretariat@example.org');
  committee = await signIn(t.app, 'chair@example.org');
  reviewer = await signIn(t.app, 'reviewer@example.org');
});
afterAll(() => t?.close());

const db = () => t.app.ctx.db;
const mails = (to: string) => db().selectFrom('outgoing_mail').select(['purpose', 'subject', 'text_body']).where('to_address', '=', to).orderBy('id').execute();
const applications = async () => Number((await db().selectFrom('membership_applications').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const linkIn = (text: string) => /http:\/\/passerelle\.test(\/[a-z]{2}\/join\/[A-Za-z0-9_-]+)/.exec(text)?.[1];

const COMPLETE = {
  organisation_name: 'Ville de Saint-Louis',
  kind: 'local_government',
  category: 'city',
  country: 'SN',
  city: 'Saint-Louis',
  website: 'https://saint-louis.example.org',
  focal_name: 'Awa Diop',
  email: 'awa@saint-louis.example.org',
  focal_phone: '+221 33 000 00 00',
  head_name: 'Maire de Saint-Louis',
  head_title: 'Maire',
  general_email: 'contact@saint-louis.example.org',
  signatory_name: 'Awa Diop',
  signatory_title: 'Adjointe au maire',
  sse_situation: 'Une économie sociale portée par les groupements de femmes et les coopératives de pêche.',
};

/** Posts the join form as a browser does, with its documents and the page's CSRF token. */
async function postJoin(visitor: Visitor, url: string, fields: Record<string, string>, files: Record<string, { name: string; type: string; content: Buffer }> = {}) {
  const token = csrfTokenIn((await visitor.get(url)).body);
  const { payload, headers } = multipart({ ...fields, _csrf: token }, files);
  return t.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie: visitor.cookies }, remoteAddress: visitor.remoteAddress });
}

async function meetingId(slug: string) {
  return (await db().selectFrom('meetings').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

describe('the membership cycle over HTTP: apply → review → decide → fee → active → withdraw', () => {
  let resumeUrl = '';
  let applicationId = 0;

  it('saves a draft and mails the applicant a link to come back to it, in the applicant’s language', async () => {
    const applicant = new Visitor(t.app);
    const response = await applicant.post('/fr/join', { organisation_name: 'Ville de Saint-Louis', email: 'awa@saint-louis.example.org', intent: 'save' });
    expect(response.statusCode).toBe(303);
    resumeUrl = response.headers.location!.replace(/\?.*$/, '');
    expect(resumeUrl).toMatch(/^\/fr\/join\/[A-Za-z0-9_-]{43}$/);
    const [mail] = await mails('awa@saint-louis.example.org');
    expect(mail!.subject).toBe('Votre candidature au GSEF (brouillon)');
    expect(linkIn(mail!.text_body)).toBe(resumeUrl);
    const page = await new Visitor(t.app).get(`${resumeUrl}?notice=saved`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.body).toContain('value="Ville de Saint-Louis"');
    expect(page.body).toContain('Votre brouillon est enregistré.');
  });

  it('keeps drafts away from the public, other applicants and the queue', async () => {
    expect((await new Visitor(t.app).get('/fr/join/not-a-real-token-at-all')).statusCode).toBe(404);
    const queue = await editor.get('/en/admin/applications');
    expect(queue.body).not.toContain('Saint-Louis');
    expect((await t.app.inject('/api/v1/members?limit=100')).body).not.toContain('Saint-Louis');
  });

  it('submits the completed application with a document, acknowledged by mail', async () => {
    const applicant = new Visitor(t.app);
    const response = await postJoin(applicant, resumeUrl, { ...COMPLETE, intent: 'submit' }, { documents: { name: 'deliberation.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${resumeUrl}?notice=submitted`);
    const row = await db().selectFrom('membership_applications').selectAll().where('email', '=', 'awa@saint-louis.example.org').executeTakeFirstOrThrow();
    applicationId = row.id;
    expect(row).toMatchObject({ status: 'submitted', country: 'SN', city: 'Saint-Louis', lang: 'fr', duplicate_member_id: null, duplicate_application_id: null });
    expect(row.latitude).toBeCloseTo(16.02, 1);
    const documents = await db().selectFrom('application_documents').selectAll().where('application_id', '=', row.id).execute();
    expect(documents.map((d) => [d.file_name, d.mime])).toEqual([['deliberation.pdf', 'application/pdf']]);
    const sent = await mails('awa@saint-louis.example.org');
    expect(sent.map((m) => m.subject)).toEqual(['Votre candidature au GSEF (brouillon)', 'Nous avons reçu votre candidature au GSEF']);
    const page = await applicant.get(response.headers.location!);
    expect(page.body).toContain('Merci : votre candidature a été transmise au secrétariat.');
    expect(page.body).not.toContain('<form method="post"');
  });

  it('puts it in the secretariat’s queue as new, with its document', async () => {
    const queue = await editor.get('/en/admin/applications?status=submitted');
    expect(queue.body).toContain(`<a href="/en/admin/applications/${applicationId}">Ville de Saint-Louis</a>`);
    const detail = await editor.get(`/en/admin/applications/${applicationId}`);
    expect(detail.body).toContain('Awa Diop · +221 33 000 00 00');
    const document = await db().selectFrom('application_documents').select('id').where('application_id', '=', applicationId).executeTakeFirstOrThrow();
    const file = await editor.get(`/en/admin/applications/${applicationId}/documents/${document.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    expect((await new Visitor(t.app).get(`/en/admin/applications/${applicationId}/documents/${document.id}`)).statusCode).toBe(303);
  });

  it('asks for more information by mail with a fresh link; the applicant completes and resubmits', async () => {
    const response = await editor.post(`/en/admin/applications/${applicationId}/review`, { status: 'needs_information', comment: 'Merci de joindre la délibération du conseil municipal.' }, { from: `/en/admin/applications/${applicationId}` });
    expect(response.statusCode).toBe(303);
    const rfi = (await mails('awa@saint-louis.example.org')).at(-1)!;
    expect(rfi.subject).toBe('Votre candidature au GSEF : informations complémentaires');
    expect(rfi.text_body).toContain('Merci de joindre la délibération du conseil municipal.');
    const newUrl = linkIn(rfi.text_body)!;
    expect(newUrl).not.toBe(resumeUrl);
    expect((await new Visitor(t.app).get(resumeUrl)).statusCode).toBe(404);
    const applicant = new Visitor(t.app);
    const resubmit = await postJoin(applicant, newUrl, { ...COMPLETE, sse_situation: `${COMPLETE.sse_situation} Délibération jointe.`, intent: 'submit' });
    expect(resubmit.statusCode).toBe(303);
    const row = await db().selectFrom('membership_applications').select(['status', 'sse_situation']).where('id', '=', applicationId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', sse_situation: `${COMPLETE.sse_situation} Délibération jointe.` });
  });

  it('is recommended by the secretariat, with a comment', async () => {
    await editor.post(`/en/admin/applications/${applicationId}/comments`, { comment: 'Documents complete.' }, { from: `/en/admin/applications/${applicationId}` });
    const response = await editor.post(`/en/admin/applications/${applicationId}/review`, { status: 'recommended', comment: '' }, { from: `/en/admin/applications/${applicationId}` });
    expect(response.statusCode).toBe(303);
    const page = await editor.get(`/en/admin/applications/${applicationId}`);
    expect(page.body).toContain('<strong>Recommended</strong>');
    expect(page.body).toContain('Documents complete.');
  });

  it('refuses a decision from a reviewer, and a vote without its count', async () => {
    const meeting = await meetingId('steering-committee-2019-q4');
    const forbidden = await reviewer.post(`/en/admin/applications/${applicationId}/decision`, { meeting_id: String(meeting), outcome: 'approved', method: 'consensus' }, { from: `/en/admin/applications/${applicationId}` });
    expect(forbidden.statusCode).toBe(403);
    const bad = await committee.post(`/fr/admin/applications/${applicationId}/decision`, { meeting_id: String(meeting), outcome: 'approved', method: 'vote', votes_for: '' }, { from: `/fr/admin/applications/${applicationId}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<p class="field-error" id="votes_for-error">Pour un vote, indiquez au moins les voix pour.</p>');
    expect(await db().selectFrom('meeting_decisions').selectAll().execute()).toEqual([]);
  });

  it('is approved by the steering committee at a meeting, by vote: the member is created, fee pending', async () => {
    const meeting = await meetingId('steering-committee-2019-q4');
    const response = await committee.post(`/en/admin/applications/${applicationId}/decision`, { meeting_id: String(meeting), outcome: 'approved', method: 'vote', votes_for: '11', votes_against: '0', abstentions: '1', note: '' }, { from: `/en/admin/applications/${applicationId}` });
    expect(response.statusCode).toBe(303);
    const decision = await db().selectFrom('meeting_decisions').selectAll().executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ meeting_id: meeting, kind: 'membership', outcome: 'approved', method: 'vote', votes_for: 11, votes_against: 0, abstentions: 1, application_id: applicationId });
    const member = await db().selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id').select(['members.slug', 'members.status', 'members.fee_status', 'members.joined_on', 'o.country', 'o.city']).where('members.id', '=', decision.member_id!).executeTakeFirstOrThrow();
    expect(member).toEqual({ slug: 'ville-de-saint-louis', status: 'applicant', fee_status: 'pending', joined_on: null, country: 'SN', city: 'Saint-Louis' });
    expect((await mails('awa@saint-louis.example.org')).at(-1)!.subject).toBe('Votre candidature au GSEF est approuvée');
    // Not yet a full member: the home page still counts 24.
    expect((await t.app.inject('/en/')).body).toContain('<span class="figure-value">24</span> <span class="figure-label">active members</span>');
    const listed = (await t.app.inject('/api/v1/members?country=SN')).json();
    expect(listed.items.map((i: { slug: string; status: string }) => [i.slug, i.status])).toEqual([['dakar', 'active'], ['ville-de-saint-louis', 'applicant']]);
  });

  it('keeps the coordinates the application had: the new member is on the map and in the GeoJSON', async () => {
    const geojson = (await t.app.inject('/api/v1/map.geojson?show=organisations&country=SN')).json();
    const feature = geojson.features.find((f: { properties: { slug: string } }) => f.properties.slug === 'ville-de-saint-louis');
    expect(feature, 'the approved member is a GeoJSON point').toBeDefined();
    expect(feature.geometry.coordinates[0]).toBeCloseTo(-16.5, 0);
    expect(feature.geometry.coordinates[1]).toBeCloseTo(16.02, 1);
    const listed = (await t.app.inject('/api/v1/members?country=SN')).json();
    expect(listed.items.find((i: { slug: string }) => i.slug === 'ville-de-saint-louis').latitude).toBeCloseTo(16.02, 1);
  });

  it('becomes an active member when the fee is paid, and is welcomed by mail', async () => {
    const response = await editor.post('/en/admin/members/ville-de-saint-louis/fee', { fee: 'paid', note: 'Bank transfer received' }, { from: '/en/admin/members/ville-de-saint-louis' });
    expect(response.statusCode).toBe(303);
    const member = await db().selectFrom('members').select(['status', 'fee_status', 'joined_on']).where('slug', '=', 'ville-de-saint-louis').executeTakeFirstOrThrow();
    expect(member).toEqual({ status: 'active', fee_status: 'paid', joined_on: new Date().toISOString().slice(0, 10) });
    const welcome = (await mails('awa@saint-louis.example.org')).at(-1)!;
    expect(welcome.subject).toBe('Bienvenue au GSEF');
    expect(welcome.text_body).toContain('http://passerelle.test/fr/members/ville-de-saint-louis');
    expect((await t.app.inject('/en/')).body).toContain('<span class="figure-value">25</span> <span class="figure-label">active members</span>');
    const again = await editor.post('/en/admin/members/ville-de-saint-louis/fee', { fee: 'waived', note: '' }, { from: '/en/admin/members/ville-de-saint-louis' });
    expect(again.statusCode).toBe(409);
  });

  it('withdraws on written request, with the reason, and shows every step with who and when', async () => {
    const bad = await editor.post('/en/admin/members/ville-de-saint-louis/end', { outcome: 'withdrawn', reason: '', effective_on: '31/12/2026' }, { from: '/en/admin/members/ville-de-saint-louis' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<p class="field-error" id="reason-error">This field is required.</p>');
    expect(bad.body).toContain('<p class="field-error" id="effective_on-error">Enter a date as YYYY-MM-DD.</p>');
    const response = await editor.post('/en/admin/members/ville-de-saint-louis/end', { outcome: 'withdrawn', reason: 'Letter from the mayor', effective_on: '2026-12-31' }, { from: '/en/admin/members/ville-de-saint-louis' });
    expect(response.statusCode).toBe(303);
    const page = await editor.get('/en/admin/members/ville-de-saint-louis');
    const steps = [...page.body.matchAll(/<li><strong>([^<]+)<\/strong>([^<]*)<br\/><span class="meta">[^·<]+· ([^<]+)<\/span>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(steps).toEqual([
      ['Application started', '', 'System'],
      ['Application submitted', '', 'System'],
      ['Secretariat asked for more information', '', 'secretariat@example.org'],
      ['Application completed and resubmitted', '', 'System'],
      ['Secretariat recommended the application', '', 'secretariat@example.org'],
      ['Steering committee approved', ` → Approved, fee pending (${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date())})`, 'chair@example.org'],
      ['Membership fee paid', '', 'secretariat@example.org'],
      ['Full membership started', ` → Active (${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date())})`, 'secretariat@example.org'],
      ['Withdrawal', ' → Withdrawn (Dec 31, 2026)', 'secretariat@example.org'],
    ]);
    expect(page.body).toContain('Letter from the mayor');
    expect((await t.app.inject('/en/members?status=withdrawn')).body).toContain('href="/en/members/ville-de-saint-louis"');
    const audit = await db().selectFrom('audit_log').select('action').where('action', 'like', 'membership.%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['membership.review.needs_information', 'membership.comment', 'membership.review.recommended', 'membership.decision.approved', 'membership.fee.paid', 'membership.withdrawn']);
  });

  it('shows the figures over time and the progress toward the target to the secretariat', async () => {
    const page = await editor.get('/en/admin/membership');
    // The member above joined and then withdrew since the target was set: one in, one out.
    expect(page.body).toContain('49 members counted toward the target (49 when it was set, 1 joined and 1 left since; 24 active members recorded here), from 49 toward 100 by December 31, 2019: 0%.');
    expect(page.body).toMatch(/<th scope="row">2019<\/th><td>24<\/td>/);
    const target = await editor.post('/en/admin/membership/target', { baseline: '24', target: '60', deadline: '2027-12-31' });
    expect(target.statusCode).toBe(303);
    expect((await editor.get('/en/admin/membership')).body).toContain('from 24 toward 60 by December 31, 2027: 0%.');
  });
});

describe('bad input on the application form', () => {
  it('names each missing field next to it, in the reader’s language, and stores nothing', async () => {
    const before = await applications();
    const response = await new Visitor(t.app).post('/es/join', { organisation_name: '', email: 'not-an-email', intent: 'submit' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<p class="field-error" id="organisation_name-error">Este campo es obligatorio.</p>');
    expect(response.body).toMatch(/<p class="field-error" id="email-error">[^<]+<\/p>/);
    expect(await applications()).toBe(before);
  });

  it('keeps a draft’s documents from staff exactly as its page: both answer 404 until it is submitted', async () => {
    const applicant = new Visitor(t.app);
    const saved = await postJoin(applicant, '/fr/join', { organisation_name: 'Ville de Ziguinchor', email: 'draft-docs@example.org', intent: 'save' }, { documents: { name: 'statuts.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf } });
    expect(saved.statusCode).toBe(303);
    const draft = await db().selectFrom('membership_applications').select(['id', 'status']).where('email', '=', 'draft-docs@example.org').executeTakeFirstOrThrow();
    expect(draft.status).toBe('draft');
    const document = await db().selectFrom('application_documents').select('id').where('application_id', '=', draft.id).executeTakeFirstOrThrow();
    expect((await editor.get(`/en/admin/applications/${draft.id}`)).statusCode).toBe(404);
    expect((await editor.get(`/en/admin/applications/${draft.id}/documents/${document.id}`)).statusCode).toBe(404);
  });

  it('asks for every field before submitting, but saves a draft with only a name and an e-mail', async () => {
    const response = await new Visitor(t.app).post('/ko/join', { organisation_name: 'Busan', email: 'busan@example.org', intent: 'submit' });
    expect(response.statusCode).toBe(400);
    for (const field of ['focal_name', 'signatory_name', 'signatory_title', 'sse_situation', 'city']) {
      expect(response.body).toContain(`<p class="field-error" id="${field}-error">필수 항목입니다.</p>`);
    }
    expect(response.body).toContain('<p class="field-error" id="country-error">항목 중 하나를 선택하세요.</p>');
  });

  it('judges a document by its content, not its name, and refuses one too large', async () => {
    const before = await applications();
    const disguised = await postJoin(new Visitor(t.app), '/fr/join', { ...COMPLETE, email: 'x@example.org', intent: 'submit' }, { documents: { name: 'statuts.pdf', type: 'application/pdf', content: SAMPLE_FILES.png } });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.body).toContain('<p class="field-error" id="documents-error">Ce type de fichier n’est pas accepté ici.</p>');
    const big = await postJoin(new Visitor(t.app), '/fr/join', { ...COMPLETE, email: 'y@example.org', intent: 'submit' }, { documents: { name: 'big.pdf', type: 'application/pdf', content: Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(5 * 1024 * 1024)]) } });
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('<p class="field-error" id="documents-error">Ce fichier est trop volumineux.</p>');
    expect(await applications()).toBe(before);
  });

  it('refuses a multipart form without a valid CSRF token', async () => {
    const visitor = new Visitor(t.app);
    await visitor.get('/en/join');
    const { payload, headers } = multipart({ ...COMPLETE, _csrf: 'forged', intent: 'save' });
    const response = await t.app.inject({ method: 'POST', url: '/en/join', payload, headers: { ...headers, cookie: visitor.cookies } });
    expect(response.statusCode).toBe(403);
  });

  it('reports a city the gazetteer does not know instead of guessing it', async () => {
    const visitor = new Visitor(t.app);
    const response = await visitor.post('/en/join', { ...COMPLETE, city: 'Nowhereville', email: 'nowhere@example.org', intent: 'save' });
    expect(response.statusCode).toBe(303);
    const page = await visitor.get(response.headers.location!);
    expect(page.body).toContain('We could not find “Nowhereville” in our list of places');
    const row = await db().selectFrom('membership_applications').select(['latitude', 'longitude']).where('email', '=', 'nowhere@example.org').executeTakeFirstOrThrow();
    expect(row).toEqual({ latitude: null, longitude: null });
  });
});

describe('duplicate applications', () => {
  it('flags an application from an existing member or with an e-mail already used', async () => {
    const seoul = await new Visitor(t.app).post('/en/join', { ...COMPLETE, organisation_name: 'City of Seoul', country: 'KR', city: 'Seoul', email: 'seoul@example.org', intent: 'submit' });
    expect(seoul.statusCode).toBe(303);
    const first = await new Visitor(t.app).post('/en/join', { ...COMPLETE, organisation_name: 'Commune de Rufisque', city: 'Rufisque', email: 'twice@example.org', intent: 'submit' });
    const second = await new Visitor(t.app).post('/en/join', { ...COMPLETE, organisation_name: 'Rufisque Municipality', city: 'Rufisque', email: 'twice@example.org', intent: 'submit' });
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    const rows = await db().selectFrom('membership_applications').select(['id', 'email', 'duplicate_member_id', 'duplicate_application_id']).where('email', 'in', ['seoul@example.org', 'twice@example.org']).orderBy('id').execute();
    const seoulMember = await db().selectFrom('members').select('id').where('slug', '=', 'seoul').executeTakeFirstOrThrow();
    expect(rows[0]).toMatchObject({ email: 'seoul@example.org', duplicate_member_id: seoulMember.id });
    expect(rows[2]).toMatchObject({ email: 'twice@example.org', duplicate_application_id: rows[1]!.id });
    const page = await editor.get(`/en/admin/applications/${rows[2]!.id}`);
    expect(page.body).toContain(`Possible duplicate of application #${rows[1]!.id} (same organisation or e-mail).`);
  });
});
