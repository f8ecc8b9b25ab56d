import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCall } from '../../../test/calls-fixtures.ts';
import { createTestApp, createUser, signIn, type TestApp } from '../../../test/helpers.ts';
import { original, translated } from '../../i18n/translatable.ts';
import { LANGS } from '../../i18n/langs.ts';

let t: TestApp;
const day = 24 * 3600 * 1000;
const closes = new Date(Date.now() + 20 * day);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.app.ctx.db;
  const forum = await db.selectFrom('activities').select('id').where('slug', '=', 'gsef2018-bilbao').executeTakeFirstOrThrow();
  const open = await insertCall(db, {
    slug: 'appel-ouvert', activity_id: forum.id, time_zone: 'Asia/Seoul', closes_at: closes, languages: ['fr', 'ko'],
    title: JSON.stringify(translated('fr', { fr: 'Appel ouvert', en: 'Open call', es: 'Convocatoria abierta', ko: '열린 공모' })),
    body: JSON.stringify(original('fr', 'Un texte <b>en français</b> seulement.\n\nDeuxième paragraphe.')),
    attachment_types: ['application/pdf'], max_attachments: 2, attachment_max_bytes: 2 * 1024 * 1024,
  });
  await db.insertInto('call_questions').values([
    { call_id: open, position: 1, kind: 'text', label: JSON.stringify(original('fr', 'Décrivez l’initiative')), required: true, max_length: 1500 },
    { call_id: open, position: 2, kind: 'choice', label: JSON.stringify(original('fr', 'Type')), choices: JSON.stringify([{ value: 'ville', label: original('fr', 'Ville') }, { value: 'reseau', label: original('fr', 'Réseau') }]) },
  ]).execute();
  await insertCall(db, { slug: 'appel-brouillon', state: 'draft', title: JSON.stringify(original('en', 'Secret draft call')) });
  await insertCall(db, { slug: 'appel-a-venir', opens_at: new Date(Date.now() + 10 * day), closes_at: new Date(Date.now() + 40 * day), title: JSON.stringify(original('en', 'Coming call')) });
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('the seeded GSEF2018 call', () => {
  it('is published for the GSEF2018 forum, with 600 reported and one accepted submission per selected initiative', async () => {
    const db = t.app.ctx.db;
    const call = await db.selectFrom('calls').selectAll().where('slug', '=', 'gsef2018-bilbao').executeTakeFirstOrThrow();
    const forum = await db.selectFrom('activities').select(['id', 'type']).where('slug', '=', 'gsef2018-bilbao').executeTakeFirstOrThrow();
    expect(call).toMatchObject({ state: 'published', received_count_reported: 600, event_slug: 'gsef2018-bilbao', activity_id: forum.id });
    const initiatives = await db.selectFrom('initiatives').select(['id', 'code', 'workshop_id', 'title', 'country']).where('event_slug', '=', 'gsef2018-bilbao').where('kind', '=', 'initiative').orderBy('code').execute();
    const submissions = await db.selectFrom('submissions').selectAll().where('call_id', '=', call.id).execute();
    // The thematic workshops were run by partners, not selected through the call.
    expect(initiatives).toHaveLength(102);
    expect(submissions).toHaveLength(102);
    expect(new Set(submissions.map((s) => s.code)).size).toBe(102);
    expect(new Set(initiatives.map((i) => i.country).filter(Boolean)).size).toBe(new Set(submissions.map((s) => s.country).filter(Boolean)).size);
    for (const submission of submissions) {
      const initiative = initiatives.find((i) => i.id === submission.initiative_id)!;
      expect(submission).toMatchObject({ imported: true, decision: 'accepted', state: 'submitted', code: initiative.code, workshop_id: initiative.workshop_id });
      expect(submission.title).toEqual(initiative.title);
      expect(submission.decision_released_at).not.toBeNull();
    }
  });

  it('seeds idempotently: a second run changes nothing', async () => {
    const { seed } = await import('../../seed/load.ts');
    const rows = async () => ({
      calls: await t.app.ctx.db.selectFrom('calls').selectAll().where('slug', '=', 'gsef2018-bilbao').execute(),
      submissions: await t.app.ctx.db.selectFrom('submissions').selectAll().orderBy('id').execute(),
    });
    const before = await rows();
    await seed(t.app.ctx.db);
    expect(await rows()).toEqual(before);
  });

  it('shows about 600 received and 102 selected, with the programme, the initiatives and the booklet, in four languages', async () => {
    const countries = await t.app.ctx.db.selectFrom('submissions').select((eb) => eb.fn.count<string>('country').distinct().as('n')).where('imported', '=', true).executeTakeFirstOrThrow();
    const words = { en: 'About 600 initiatives received, 102 selected from', fr: 'Environ 600 initiatives reçues, 102 retenues de', es: 'Unas 600 iniciativas recibidas, 102 seleccionadas de', ko: '약 600건 접수' };
    for (const lang of LANGS) {
      const page = await get(`/${lang}/calls/gsef2018-bilbao`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(words[lang]);
      expect(page.body).toContain(lang === 'ko' ? `${Number(countries.n)}개국 102건` : ` ${Number(countries.n)} `);
      expect(page.body).toContain(`href="/${lang}/initiatives/programme/gsef2018-bilbao"`);
      expect(page.body).toContain(`href="/${lang}/initiatives?event=gsef2018-bilbao"`);
      expect(page.body).toContain(`href="/${lang}/initiatives/programme/gsef2018-bilbao/booklet"`);
      expect(page.body).not.toContain('/submit"');
    }
    // Its terms (dates, attachments) are not in the seeds: none are shown rather than defaults.
    expect((await get('/en/calls/gsef2018-bilbao')).body).not.toContain('How to take part');
  });
});

describe('/{lang}/calls and /{lang}/calls/{slug}', () => {
  it('lists open, coming and past calls, never a draft, in four languages', async () => {
    for (const lang of LANGS) {
      const page = await get(`/${lang}/calls`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`href="/${lang}/calls/appel-ouvert"`);
      expect(page.body).toContain(`href="/${lang}/calls/appel-a-venir"`);
      expect(page.body).toContain(`href="/${lang}/calls/gsef2018-bilbao"`);
      expect(page.body).not.toContain('appel-brouillon');
    }
    // Reached from the main menu of every page, marked as the current section here.
    expect((await get('/ko/')).body).toContain('<a href="/ko/calls">공모</a>');
    expect((await get('/fr/calls')).body).toContain('<a href="/fr/calls" aria-current="page">Appels</a>');
    const en = (await get('/en/calls')).body;
    expect(en.indexOf('appel-ouvert')).toBeLessThan(en.indexOf('appel-a-venir'));
    expect(en.indexOf('appel-a-venir')).toBeLessThan(en.indexOf('gsef2018-bilbao'));
  });

  it('shows an open call: its text escaped, in the original with a notice, dates in its zone, questions, attachments, the submit link', async () => {
    const closing = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Seoul' }).format(closes);
    const en = await get('/en/calls/appel-ouvert');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h1>Open call</h1>');
    expect(en.body).toContain('This text is not yet available in English. It is shown in');
    expect(en.body).toContain('&lt;b>en français&lt;/b>');
    expect(en.body).not.toContain('<b>en');
    expect(en.body).toContain(`${closing} (Asia/Seoul)`);
    expect(en.body).toContain('Décrivez l’initiative');
    expect(en.body).toContain('at most 1,500 characters');
    expect(en.body).toContain('Ville');
    expect(en.body).toContain('Up to 2 files (PDF)');
    expect(en.body).toContain('French, Korean');
    expect(en.body).toContain('href="/en/calls/appel-ouvert/submit"');
    const fr = await get('/fr/calls/appel-ouvert');
    expect(fr.body).not.toContain('content-notice');
    expect(fr.body).toContain('Proposer une initiative');
    for (const lang of ['es', 'ko']) expect((await get(`/${lang}/calls/appel-ouvert`)).body).toContain(`href="/${lang}/calls/appel-ouvert/submit"`);
    expect((await get('/ko/calls/appel-ouvert')).body).toContain('<h1>열린 공모</h1>');
  });

  it('answers 404 for a draft and for a call that does not exist', async () => {
    for (const lang of LANGS) expect((await get(`/${lang}/calls/appel-brouillon`)).statusCode).toBe(404);
    expect((await get('/en/calls/no-such-call')).statusCode).toBe(404);
  });
});

describe('where calls appear', () => {
  it('on the forum page: its call, and the programme, initiatives and booklet of the published one', async () => {
    const page = await get('/fr/activities/gsef2018-bilbao');
    expect(page.body).toContain('href="/fr/calls/gsef2018-bilbao"');
    expect(page.body).toContain('href="/fr/calls/appel-ouvert"');
    expect(page.body).toContain('href="/fr/calls/appel-ouvert/submit"');
    expect(page.body).toContain('href="/fr/initiatives/programme/gsef2018-bilbao"');
    expect(page.body).toContain('href="/fr/initiatives/programme/gsef2018-bilbao/booklet"');
  });

  it('on the home page while open only', async () => {
    const home = await get('/es/');
    expect(home.body).toContain('href="/es/calls/appel-ouvert"');
    expect(home.body).not.toContain('href="/es/calls/gsef2018-bilbao"');
    expect(home.body).not.toContain('href="/es/calls/appel-a-venir"');
  });

  it('in calendar.ics and the HTML calendar, on the closing day in the call’s zone', async () => {
    const dayInSeoul = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(closes).replaceAll('-', '');
    const ics = await get('/calendar.ics?lang=fr');
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('UID:call-appel-ouvert-closes@calls.gsef-net.org');
    expect(ics.body).toContain(`DTSTART;VALUE=DATE:${dayInSeoul}`);
    expect(ics.body).toContain('SUMMARY:Clôture de l’appel : Appel ouvert');
    expect((await get('/calendar.ics?type=forum')).body).not.toContain('call-appel-ouvert');
    const [year, month] = [dayInSeoul.slice(0, 4), Number(dayInSeoul.slice(4, 6))];
    const calendar = await get(`/en/calendar?year=${year}&month=${month}`);
    expect(calendar.body).toContain('Closing of the call: Open call');
  });

  it('in the Atom feed while open', async () => {
    const feed = await get('/ko/feed.xml');
    expect(feed.body).toContain('<link rel="alternate" type="text/html" href="http://passerelle.test/ko/calls/appel-ouvert"/>');
    expect(feed.body).toContain('<title type="text">열린 공모</title>');
    expect(feed.body).not.toContain('/ko/calls/gsef2018-bilbao');
  });

  it('in the sitemap, in four languages, never a draft', async () => {
    const sitemap = (await get('/sitemap.xml')).body;
    for (const lang of LANGS) {
      expect(sitemap).toContain(`<loc>http://passerelle.test/${lang}/calls/appel-ouvert</loc>`);
      expect(sitemap).toContain(`<loc>http://passerelle.test/${lang}/calls</loc>`);
    }
    expect(sitemap).not.toContain('appel-brouillon');
  });

  it('in the newsletter’s “calls” section, the calls open on the issue’s date', async () => {
    const { addSection, createIssue, issueDetail } = await import('../../newsletter/issues.ts');
    const { issueContent } = await import('../../newsletter/content.ts');
    const db = t.app.ctx.db;
    const actor = await createUser(t.app, 'calls-newsletter@example.org', ['editor']);
    const today = new Date().toISOString().slice(0, 10);
    const id = await createIssue(db, { slug: '2099-12-31', issue_date: today, source_lang: 'en', fallback_lang: 'en', events_count: 3 }, actor);
    await addSection(db, id, 'calls', actor);
    const content = await issueContent(db, 'http://passerelle.test', (await issueDetail(db, { id }))!, 'fr');
    const section = content.sections.find((s) => s.kind === 'calls')!;
    expect(section.title.text).toBe('Appels à initiatives');
    // Open ones, then those announced; never a draft, nor a call whose results are out.
    expect(section.items.map((item) => item.url)).toEqual(['http://passerelle.test/fr/calls/appel-ouvert', 'http://passerelle.test/fr/calls/appel-a-venir']);
    expect(section.items[0]!.title.text).toBe('Appel ouvert');
    expect(section.items[0]!.meta).toMatch(/^clôture le .* \(Asia\/Seoul\)$/);
    expect(section.items[1]!.meta).toMatch(/^ouverture le /);
  });

  it('afresh after a save: the page cache is cleared', async () => {
    expect((await get('/en/calls')).body).toContain('Coming call');
    expect((await get('/en/calls')).body).toContain('Coming call');
    await createUser(t.app, 'cache-editor@example.org', ['editor']);
    const editor = await signIn(t.app, 'cache-editor@example.org');
    const moved = await editor.post('/en/admin/calls/appel-a-venir/state', { to: 'closed' }, { from: '/en/admin/calls/appel-a-venir' });
    expect(moved.statusCode).toBe(303);
    const list = (await get('/en/calls')).body;
    expect(list.indexOf('appel-a-venir')).toBeGreaterThan(list.indexOf('id="calls-past"'));
  });
});
