import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp, type Visitor } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';
import { addActiveSubscribers } from '../newsletter/testing.ts';

// People, meetings and newsletter issues in the one search, kept fresh by the back-office that changes them.
let t: TestApp;
let smtp: TestSmtpServer;
let editor: Visitor;
beforeAll(async () => {
  smtp = new TestSmtpServer();
  t = await createTestApp({ smtpUrl: await smtp.start(), newsletterRate: 500 });
  await createUser(t.app, 'sources@example.org', ['editor']);
  editor = await signIn(t.app, 'sources@example.org');
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const KIND_LABEL = {
  person: { en: 'Person', fr: 'Personne', es: 'Persona', ko: '인물' },
  meeting: { en: 'Meeting', fr: 'Réunion', es: 'Reunión', ko: '회의' },
  newsletter: { en: 'Newsletter', fr: 'Lettre d’information', es: 'Boletín', ko: '뉴스레터' },
};
const api = async (q: string) => (await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`)).json() as { items: { kind: string; slug: string; url: string; title: string }[]; total: number };
const page = (lang: string, q: string) => t.app.inject(`/${lang}/search?q=${encodeURIComponent(q)}`);

describe('people holding a seat', () => {
  it('a seeded advisor is found by name in four languages, labelled and linked to their line on the governance page', async () => {
    const found = await api('Mendell');
    expect(found.items[0]).toMatchObject({ kind: 'person', slug: 'marguerite-mendell', url: 'http://passerelle.test/en/governance#person-marguerite-mendell', title: 'Prof. Marguerite Mendell' });
    for (const lang of LANGS) {
      const response = await page(lang, 'Mendell');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`href="/${lang}/governance#person-marguerite-mendell"`);
      expect(response.body).toContain(`<p class="meta">${KIND_LABEL.person[lang]}`);
      expect(response.body).toContain(`name="kind" value="person"`);
    }
    expect((await t.app.inject('/en/governance')).body).toContain('<span id="person-marguerite-mendell">Prof. Marguerite Mendell</span>');
    // Searchable, but not "new content": the Atom feed lists neither people nor meetings.
    const feed = (await t.app.inject('/en/feed.xml')).body;
    expect(feed).toContain('<feed');
    expect(feed).not.toContain('governance#');
    // Found by the seat too, in the reader's language.
    expect((await api('Secrétaire générale')).items.map((item) => item.slug)).toContain('laurence-kwark');
  });

  it('a seat given in the back-office makes the person findable; ending it removes them', async () => {
    expect((await api('Quillbrook')).total).toBe(0);
    expect((await editor.post('/en/admin/mandates', { body: 'international-advisors', member: '', person: 'Zofia Quillbrook', role: 'advisor', region: '', starts_on: '2026-01-01' })).statusCode).toBe(303);
    expect((await api('Quillbrook')).items.map((item) => [item.kind, item.slug])).toEqual([['person', 'zofia-quillbrook']]);
    const mandate = await t.app.ctx.db.selectFrom('mandates').innerJoin('people', 'people.id', 'mandates.person_id').select('mandates.id').where('people.slug', '=', 'zofia-quillbrook').executeTakeFirstOrThrow();
    expect((await editor.post(`/en/admin/mandates/${mandate.id}/end`, { ends_on: '2026-01-02' }, { from: '/en/admin/mandates' })).statusCode).toBe(303);
    expect((await api('Quillbrook')).total).toBe(0);
  });
});

describe('governance meetings', () => {
  it('seeded published meetings are found by their body and agenda in four languages', async () => {
    for (const lang of LANGS) {
      const response = await page(lang, 'Medellín');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`href="/${lang}/governance#steering-committee-2019-q3"`);
      expect(response.body).toContain(`<p class="meta">${KIND_LABEL.meeting[lang]}`);
    }
  });

  it('an unpublished meeting is not found; published, its agenda and summary are, its minutes never', async () => {
    const created = await editor.post('/en/admin/meetings', { body: 'steering-committee', starts_on: '2030-03-12', ends_on: '', format: 'hybrid', city: 'Tromsø', country: 'no' });
    expect(created.statusCode).toBe(303);
    const url = created.headers.location!;
    await editor.post(`${url}/agenda`, { title: 'Budget des coquelicots', title_lang: 'fr' }, { from: url });
    expect((await api('coquelicots')).total).toBe(0);
    await editor.post(url, { minutes: 'Secret marzipan minutes', summary: 'Tangerine plan approved.', summary_lang: 'en', published: 'on', summary_published: 'on' }, { from: url });
    const byAgenda = await api('coquelicots');
    expect(byAgenda.items.map((item) => [item.kind, item.url])).toEqual([['meeting', 'http://passerelle.test/en/governance#steering-committee-2030-03-12']]);
    expect(byAgenda.items[0]!.title).toContain('Tromsø');
    expect((await api('tangerine')).items.map((item) => item.kind)).toEqual(['meeting']);
    // (Its title may still come up as a typo for "March": the minutes themselves never do.)
    expect((await t.app.ctx.pool.query(`SELECT excerpt FROM search_texts WHERE excerpt ILIKE '%marzipan%'`)).rows).toEqual([]);
    expect(JSON.stringify(await api('marzipan'))).not.toContain('marzipan');
    await editor.post(url, { minutes: 'Secret marzipan minutes', summary: '', summary_lang: 'en', published: '', summary_published: '' }, { from: url });
    expect((await api('coquelicots')).total).toBe(0);
  });
});

describe('newsletter issues', { timeout: 120_000 }, () => {
  it('a draft is not found; once sent, its subject, introduction and sections are, in each ready language', async () => {
    await addActiveSubscribers(t.app.ctx.db, [{ email: 'reader@example.org', lang: 'fr' }]);
    const created = await editor.post('/en/admin/newsletter', { slug: '2030-04', issue_date: '2030-04-01', source_lang: 'en', fallback_lang: 'en', events_count: '3' });
    expect(created.statusCode).toBe(303);
    const id = Number(/\/admin\/newsletter\/(\d+)/.exec(created.headers.location!)![1]);
    const important = (await t.app.ctx.db.selectFrom('newsletter_sections').select(['id', 'kind']).where('issue_id', '=', id).execute()).find((s) => s.kind === 'important')!;
    const texts = {
      en: { subject: 'Gooseberry cities', intro: 'Welcome.', body: 'The assembly meets in Bordeaux about dragonfruit.' },
      fr: { subject: 'Villes groseilles', intro: 'Bienvenue.', body: 'L’assemblée se réunit à Bordeaux au sujet des pitayas.' },
      es: { subject: 'Ciudades grosella', intro: 'Bienvenidos.', body: 'La asamblea se reúne en Burdeos sobre pitahayas.' },
      ko: { subject: '구스베리 도시', intro: '환영합니다.', body: '총회가 보르도에서 용과에 대해 논의합니다.' },
    };
    for (const [lang, text] of Object.entries(texts)) {
      const saved = await editor.post(`/en/admin/newsletter/${id}/editions/${lang}`, { status: 'ready', subject: text.subject, intro: text.intro, [`title_${important.id}`]: '', [`body_${important.id}`]: text.body });
      expect(saved.statusCode).toBe(303);
    }
    expect((await api('gooseberry')).total).toBe(0);
    expect((await editor.post(`/en/admin/newsletter/${id}/send`, {}, { from: `/en/admin/newsletter/${id}` })).statusCode).toBe(303);
    await t.app.ctx.jobs.drain();
    expect((await api('gooseberry')).items.map((item) => [item.kind, item.url])).toEqual([['newsletter', 'http://passerelle.test/en/newsletter/2030-04']]);
    expect((await api('dragonfruit')).items.map((item) => item.kind)).toEqual(['newsletter']);
    for (const [lang, q] of [['en', 'Gooseberry'], ['fr', 'groseilles'], ['es', 'grosella'], ['ko', '구스베리']] as const) {
      const response = await page(lang, q);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`href="/${lang}/newsletter/2030-04"`);
      expect(response.body).toContain(`<p class="meta">${KIND_LABEL.newsletter[lang]}`);
    }
    expect((await t.app.inject('/en/newsletter/2030-04')).statusCode).toBe(200);
  });
});
