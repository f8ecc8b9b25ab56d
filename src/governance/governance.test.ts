import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { governanceOverview } from './domain.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const seatsOf = (html: string, body: string) => {
  const section = new RegExp(`<section aria-labelledby="body-${body}"[^>]*>(.*?)</section>`).exec(html)?.[1] ?? '';
  return [...section.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
};

describe('the governance page', () => {
  it('shows the 13 seats of the 2019 steering committee with their roles', async () => {
    const response = await t.app.inject('/en/governance');
    expect(response.statusCode).toBe(200);
    expect(seatsOf(response.body, 'steering-committee')).toEqual([
      'City of Seoul — Chair · since 2019',
      'Seoul Social Economy Network — Chair · since 2019',
      'City of Mexico City — Co-chair · since 2019',
      'SSE representatives of Mexico City — Co-chair · since 2019',
      'City of Montréal — Continental vice-chair (North America) · since 2019',
      'Chantier de l’économie sociale — Continental vice-chair (North America) · since 2019',
      'City of Bilbao — Continental vice-chair (Europe) · since 2019',
      'City of Bamako — Continental vice-chair (Africa) · since 2019',
      'RIPESS — International network · since 2019',
      'IFSSE — International network · since 2019',
      'AVPN — Regional network · since 2019',
      'Asia Pacific Alliance of YMCAs (APAY) — Regional network · since 2019',
      'Locality — Regional network · since 2019',
    ]);
    expect(seatsOf(response.body, 'international-advisors')).toEqual([
      'Prof. Marguerite Mendell — Advisor · since 2018',
      'Nancy Neamtan — Advisor · since 2018',
      'Rev. Kyongyong Song — Advisor · since 2018',
      'Thierry Jeantet — Advisor · since 2018',
    ]);
    expect(seatsOf(response.body, 'secretariat')).toEqual(['Laurence Kwark — Secretary General']);
  });

  it.each([
    ['en', 'In person · Medellín, Colombia', 'Strategic planning of GSEF 2020: main theme, governance, preparation roadmap', 'Week of July 8, 2019 to July 14, 2019'],
    ['fr', 'En présentiel · Medellín, Colombie', 'Planification stratégique du GSEF 2020 : thème principal, gouvernance, feuille de route', 'Semaine du 8 juillet 2019 au 14 juillet 2019'],
    ['es', 'Presencial · Medellín, Colombia', 'Planificación estratégica del GSEF 2020: tema principal, gobernanza, hoja de ruta', 'Semana del 8 de julio de 2019 al 14 de julio de 2019'],
    ['ko', '대면 · Medellín, 콜롬비아', 'GSEF 2020 전략 기획: 주제, 거버넌스, 준비 일정', '2019년 7월 8일~2019년 7월 14일 주간'],
  ])('lists the 2019 meetings with their format, place and agenda in %s', async (lang, place, agenda, when) => {
    const response = await t.app.inject(`/${lang}/governance`);
    const past = /<section aria-labelledby="past-title">(.*?)<\/section>/.exec(response.body)![1]!;
    expect([...past.matchAll(/<li class="card" id="([a-z0-9-]+)">/g)].map((m) => m[1])).toEqual([
      'steering-committee-2019-q4',
      'steering-committee-2019-q3',
      'international-advisors-2019-07',
      'steering-committee-2019-q2',
      'international-advisors-2019-02',
      'steering-committee-2019-q1',
    ]);
    const q3 = /<li class="card" id="steering-committee-2019-q3">(.*?)<\/li>/.exec(past)?.[0] ?? '';
    expect(q3).toContain(place);
    expect(q3).toContain(when);
    expect(past).toContain(agenda);
  });

  it('shows only published meetings, and a summary only once published', async () => {
    const db = t.app.ctx.db;
    const body = await db.selectFrom('bodies').select('id').where('slug', '=', 'steering-committee').executeTakeFirstOrThrow();
    await db.insertInto('meetings').values({ slug: 'sc-private', body_id: body.id, starts_on: '2030-01-10', ends_on: '2030-01-10', format: 'hybrid', minutes: 'secret minutes' }).execute();
    await db.insertInto('meetings').values({ slug: 'sc-public', body_id: body.id, starts_on: '2030-03-10', ends_on: '2030-03-10', format: 'hybrid', published: true, summary: JSON.stringify({ en: { text: 'Hidden summary', status: 'original', updatedAt: '2026-01-01T00:00:00Z' } }) }).execute();
    const overview = await governanceOverview(db);
    expect(overview.upcoming.map((m) => m.slug)).toEqual(['sc-public']);
    expect(overview.upcoming[0]!.summary).toBeNull();
    await db.updateTable('meetings').set({ summary_published: true }).where('slug', '=', 'sc-public').execute();
    expect((await governanceOverview(db)).upcoming[0]!.summary).toMatchObject({ en: { text: 'Hidden summary' } });
  });
});

describe('meetings in the back-office', () => {
  it('creates a members-only meeting, adds its agenda, minutes and summary, then publishes the parts the public may see', async () => {
    const { createUser, signIn } = await import('../../test/helpers.ts');
    await createUser(t.app, 'meetings@example.org', ['editor']);
    const editor = await signIn(t.app, 'meetings@example.org');
    const bad = await editor.post('/fr/admin/meetings', { body: 'steering-committee', starts_on: '2030-02-10', ends_on: '2030-02-01', format: 'online', city: '', country: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<p class="field-error" id="ends_on-error">Le dernier jour ne peut pas précéder le premier.</p>');
    const created = await editor.post('/en/admin/meetings', { body: 'steering-committee', starts_on: '2030-02-10', ends_on: '', format: 'hybrid', city: 'Bilbao', country: 'es' });
    expect(created.statusCode).toBe(303);
    const url = created.headers.location!;
    expect(url).toMatch(/^\/en\/admin\/meetings\/\d+$/);
    await editor.post(`${url}/agenda`, { title: 'Admission de nouveaux membres', title_lang: 'fr' }, { from: url });
    const publicBefore = (await t.app.inject('/en/governance')).body;
    expect(publicBefore).not.toContain('steering-committee-2030-02-10');
    await editor.post(url, { minutes: 'Confidential minutes', summary: 'Two members admitted.', summary_lang: 'en', published: 'on' }, { from: url });
    const published = (await t.app.inject('/fr/governance')).body;
    expect(published).toContain('<li class="card" id="steering-committee-2030-02-10">');
    expect(published).toContain('Admission de nouveaux membres');
    expect(published).toContain('Hybride · Bilbao, Espagne');
    expect(published).not.toContain('Two members admitted.');
    expect(published).not.toContain('Confidential minutes');
    await editor.post(url, { minutes: 'Confidential minutes', summary: '', summary_lang: 'en', published: 'on', summary_published: 'on' }, { from: url });
    const withSummary = (await t.app.inject('/en/governance')).body;
    expect(withSummary).toContain('<p>Two members admitted.</p>');
    expect(withSummary).not.toContain('Confidential minutes');
    const admin = await editor.get(url);
    expect(admin.body).toContain('Confidential minutes');
  });
});

describe('mandates in the back-office', () => {
  it('adds a seat for a member or a person, and ends one: the public page shows current seats only', async () => {
    const { createUser, signIn } = await import('../../test/helpers.ts');
    await createUser(t.app, 'mandates@example.org', ['editor']);
    const editor = await signIn(t.app, 'mandates@example.org');
    const both = await editor.post('/es/admin/mandates', { body: 'international-advisors', member: 'bilbao', person: 'Ana Pérez', role: 'advisor', region: '', starts_on: '2026-01-01' });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('<p class="field-error" id="member-error">Elija un miembro o escriba el nombre de una persona, no ambos.</p>');
    expect((await editor.post('/en/admin/mandates', { body: 'international-advisors', member: '', person: 'Ana Pérez', role: 'advisor', region: '', starts_on: '2026-01-01' })).statusCode).toBe(303);
    expect((await editor.post('/en/admin/mandates', { body: 'communication-working-group', member: 'durban', person: '', role: 'member', region: 'africa', starts_on: '2026-02-01' })).statusCode).toBe(303);
    let page = (await t.app.inject('/en/governance')).body;
    expect(seatsOf(page, 'international-advisors')).toContain('Ana Pérez — Advisor · since 2026');
    expect(seatsOf(page, 'communication-working-group')).toEqual(['City of Durban — Member (Africa) · since 2026']);
    const mendell = await t.app.ctx.db.selectFrom('mandates').innerJoin('people', 'people.id', 'mandates.person_id').select('mandates.id').where('people.slug', '=', 'marguerite-mendell').executeTakeFirstOrThrow();
    expect((await editor.post(`/en/admin/mandates/${mendell.id}/end`, { ends_on: '2025-06-30' }, { from: '/en/admin/mandates' })).statusCode).toBe(303);
    page = (await t.app.inject('/en/governance')).body;
    expect(seatsOf(page, 'international-advisors')).not.toContain('Prof. Marguerite Mendell — Advisor · since 2018');
    const again = await editor.post(`/en/admin/mandates/${mendell.id}/end`, { ends_on: '2025-07-30' }, { from: '/en/admin/mandates' });
    expect(again.statusCode).toBe(409);
  });
});

describe('role titles in the holder’s grammatical form', () => {
  it.each([
    ['fr', 'Laurence Kwark — Secrétaire générale', ['Nancy Neamtan — Conseillère · depuis 2018', 'Rev. Kyongyong Song — Conseiller · depuis 2018']],
    ['es', 'Laurence Kwark — Secretaria General', ['Nancy Neamtan — Asesora · desde 2018', 'Rev. Kyongyong Song — Asesor · desde 2018']],
    ['en', 'Laurence Kwark — Secretary General', ['Nancy Neamtan — Advisor · since 2018', 'Rev. Kyongyong Song — Advisor · since 2018']],
    ['ko', 'Laurence Kwark — 사무총장', []],
  ])('writes a woman’s and a man’s titles as each is said in %s', async (lang, secretary, advisors) => {
    const page = (await t.app.inject(`/${lang}/governance`)).body;
    expect(seatsOf(page, 'secretariat')).toEqual([secretary]);
    for (const advisor of advisors) expect(seatsOf(page, 'international-advisors')).toContain(advisor);
  });

  it('takes the form given with a member’s seat, on the public page, the member’s page and the back-office list', async () => {
    const { createUser, signIn } = await import('../../test/helpers.ts');
    await createUser(t.app, 'forms@example.org', ['editor']);
    const editor = await signIn(t.app, 'forms@example.org');
    const bad = await editor.post('/fr/admin/mandates', { body: 'communication-working-group', member: 'bamako', person: '', role: 'chair', holder_form: 'plural', region: '', starts_on: '2026-03-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<p class="field-error" id="holder_form-error">');
    const added = await editor.post('/fr/admin/mandates', { body: 'communication-working-group', member: 'bamako', person: '', role: 'chair', holder_form: 'feminine', region: '', starts_on: '2026-03-01' });
    expect(added.statusCode).toBe(303);
    expect(seatsOf((await t.app.inject('/fr/governance')).body, 'communication-working-group')).toContain('Ville de Bamako — Présidente · depuis 2026');
    expect(seatsOf((await t.app.inject('/es/governance')).body, 'communication-working-group')).toContain('Ciudad de Bamako — Presidenta · desde 2026');
    expect((await t.app.inject('/fr/members/bamako')).body).toContain(': Présidente');
    expect((await editor.get('/es/admin/mandates')).body).toContain('<td>Presidenta</td>');
  });
});
