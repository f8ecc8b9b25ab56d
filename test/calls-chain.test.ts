import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKLET_JOB } from '../src/calls/booklet/domain.ts';
import { NOTIFY_JOB } from '../src/calls/selection/notify.ts';
import { DELIVER_MAIL } from '../src/mail/outbox.ts';
import { mailTo, postDraft, startFromMail } from './calls-submit.ts';
import { createTestApp, createUser, signIn, signInFromMail, type TestApp, type Visitor } from './helpers.ts';
import { pdfFonts, pdfInfo, pdfText } from './pdf-text.ts';
import { TestSmtpServer } from './smtp.ts';

/**
 * Issue 12's "Done when", over HTTP from end to end: a call created and opened by the secretariat,
 * three submissions through the public flow (French, Spanish, Korean), three reviewers with a
 * conflict of interest avoided, a selection against a balance target, decision mails in each
 * language, a programme published into the archive, and the booklet PDF read back by poppler.
 * Rows are only read, to assert and to learn the ids the forms carry; nothing is written around
 * the forms.
 */
const smtp = new TestSmtpServer();
let t: TestApp;
let editor: Visitor;
const SLUG = 'appel-chaine-2026';
const EVENT = 'gsef2026-chaine';
const ADMIN = `/fr/admin/calls/${SLUG}`;
const day = 24 * 3600 * 1000;
const local = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
const db = () => t.app.ctx.db;

/**
 * A French summary near the form's limit (5,000 characters): long enough to fill the entry's page,
 * so the Korean entry after it starts on another page and the contents' numbers differ.
 */
const PARAGRAPH = 'Chaque épicerie achète directement aux fermes de la région, fixe ses prix en assemblée et confie les tâches courantes à des bénévoles formés par l’équipe salariée. ';
const LONG_FRENCH = `Des épiceries de quartier gérées par leurs membres. ${Array.from({ length: 29 }, (_, i) => `${i + 1}. ${PARAGRAPH}`).join('')}`;

const SUBMITTERS = [
  {
    key: 'fr', email: 'chaine-fr@coop.example', link: /^Votre brouillon pour l’appel/, confirm: /^Proposition reçue/,
    fields: { title: 'Épiceries coopératives', summary: LONG_FRENCH, organisation_name: 'Réseau des épiceries solidaires', city: 'Montréal', country: 'CA' },
    presenter: 'Éloïse Tremblay', region: 'north-america', answer: 'Une initiative de quartier.',
  },
  {
    key: 'es', email: 'chaine-es@red.example', link: /^Su borrador/, confirm: /^Propuesta recibida/,
    fields: { title: 'Mercados solidarios', summary: 'Mercados de productores locales gestionados en común.', organisation_name: 'Red de Economía Solidaria', city: 'Bilbao', country: 'ES' },
    presenter: 'Ane Etxeberria', region: 'europe', answer: 'Una red de mercados.',
  },
  {
    key: 'ko', email: 'chaine-ko@seoul.example', link: /공모 제출 초안$/, confirm: /^제출 접수/,
    fields: { title: '마을 공동체 부엌', summary: '주민이 함께 운영하는 마을 공동체 부엌에서 이웃과 음식을 나눕니다', organisation_name: '서울사회적경제네트워크', city: 'Seoul', country: 'KR' },
    presenter: '김민지', region: 'asia-pacific', answer: '공동체 부엌입니다.',
  },
] as const;
type Key = (typeof SUBMITTERS)[number]['key'];
const ids = {} as Record<Key, number>;
const reviewers = {} as Record<'ines' | 'jon' | 'mina', Visitor>;
const received = (to: string) => smtp.received.filter((mail) => mail.to?.some((address) => address.address === to));

beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
  await createUser(t.app, 'chaine-secretariat@gsef.test', ['editor']);
  await createUser(t.app, 'ines@revue.test', ['member_contact']);
  await createUser(t.app, 'jon@red.test', ['member_contact']);
  editor = await signIn(t.app, 'chaine-secretariat@gsef.test');
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

describe('from a call to its printed booklet', () => {
  it('1. the secretariat creates a French call with a question, and opens it', async () => {
    const created = await editor.post('/fr/admin/calls/new', {
      slug: SLUG, original_lang: 'fr',
      title_fr: 'Appel à initiatives du forum 2026', body_fr: 'Proposez vos initiatives.',
      title_en: '', body_en: '', title_es: '', body_es: '', title_ko: '', body_ko: '',
      forum: 'gsef2018-bilbao', event_slug: EVENT, themes: ['local-development'],
      time_zone: 'UTC', opens_at: local(-day), closes_at: local(30 * day),
      languages: ['fr', 'es', 'ko'], attachment_kinds: ['pdf'], attachment_max_mb: '4', max_attachments: '1',
      q0_kind: 'text', q0_position: '1', q0_label_fr: 'Décrivez votre initiative', q0_max_length: '500', q0_required: '1',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`${ADMIN}?saved=1`);
    expect((await editor.post(`${ADMIN}/state`, { to: 'open' }, { from: ADMIN })).statusCode).toBe(303);
    const call = await db().selectFrom('calls').select(['state', 'event_slug']).where('slug', '=', SLUG).executeTakeFirstOrThrow();
    expect(call).toEqual({ state: 'open', event_slug: EVENT });
    const publicPage = await t.app.inject(`/fr/calls/${SLUG}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('Appel à initiatives du forum 2026');
  });

  it('2. three submissions arrive through the public flow, each confirmed in its language', async () => {
    const question = await db().selectFrom('call_questions as q').innerJoin('calls as c', 'c.id', 'q.call_id').select('q.id').where('c.slug', '=', SLUG).executeTakeFirstOrThrow();
    for (const input of SUBMITTERS) {
      const { visitor, link } = await startFromMail(t, smtp, { lang: input.key, slug: SLUG, email: input.email, sourceLang: input.key, subject: input.link });
      const submitted = await postDraft(t, visitor, link, {
        intent: 'submit', source_lang: input.key, ...input.fields, themes: ['local-development'], links: `https://${input.key}.example.org/initiative`,
        presenter_name: [input.presenter], presenter_organisation: [input.fields.organisation_name], presenter_role: ['Coordination'], [`q_${question.id}`]: input.answer,
      });
      expect(submitted.statusCode, input.key).toBe(303);
      expect(submitted.headers.location).toBe(`${link}?notice=submitted`);
      const row = await db().selectFrom('submissions').selectAll().where('email', '=', input.email).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: 'submitted', lang: input.key, source_lang: input.key, country: input.fields.country, region: input.region, city: input.fields.city });
      expect(row.title?.[input.key]).toMatchObject({ text: input.fields.title, status: 'original' });
      ids[input.key] = row.id;
      const confirmation = await mailTo(t, smtp, input.email, input.confirm);
      expect(confirmation.text).toContain(input.fields.title);
    }
    // Three organisations in three cities (no shared record matched: the names are kept as typed).
    const places = await db().selectFrom('submissions').select(['organisation_name', 'city']).where('id', 'in', Object.values(ids)).execute();
    expect(new Set(places.map((row) => row.organisation_name)).size).toBe(3);
    expect(new Set(places.map((row) => row.city)).size).toBe(3);
  });

  it('3. in review: three reviewers invited (one in conflict), assigned automatically, scoring with save and next', async () => {
    for (const to of ['closed', 'in_review']) expect((await editor.post(`${ADMIN}/state`, { to }, { from: ADMIN })).statusCode).toBe(303);
    const review = `${ADMIN}/review`;
    expect((await editor.post(`${review}/phases`, { name: 'Première lecture', opens_at: local(-day), closes_at: local(10 * day), others_reviews: 'after_own' }, { from: review })).statusCode).toBe(303);
    expect((await editor.post(`${review}/categories`, { source: 'fr', label_fr: 'Pertinence', weight: '2', min_score: '0', max_score: '5', required: '1' }, { from: review })).statusCode).toBe(303);
    expect((await editor.post(`${review}/categories`, { source: 'fr', label_fr: 'Originalité', weight: '1', min_score: '0', max_score: '5' }, { from: review })).statusCode).toBe(303);
    const invite = (fields: Record<string, string | string[]>) => editor.post(`${review}/reviewers`, { cap: '10', lang: 'fr', languages: ['en', 'fr', 'es', 'ko'], ...fields }, { from: review });
    expect((await invite({ email: 'ines@revue.test', organisation: 'Revue indépendante' })).statusCode).toBe(303);
    // Jon works for the organisation of the Spanish submission: a conflict of interest.
    expect((await invite({ email: 'jon@red.test', organisation: 'Red de Economía Solidaria' })).statusCode).toBe(303);
    expect((await invite({ email: 'mina@nouvelle.test', name: 'Mina', city: 'Dakar' })).headers.location).toContain('m=invited_new');
    reviewers.ines = await signIn(t.app, 'ines@revue.test');
    reviewers.jon = await signIn(t.app, 'jon@red.test');
    reviewers.mina = await signInFromMail(t.app, 'mina@nouvelle.test');

    // Three reviewers per submission out of three: only the conflict can keep one away.
    const assigned = await editor.post(`${review}/assign`, { per_submission: '3' }, { from: review });
    expect(assigned.statusCode).toBe(303);
    expect(assigned.headers.location).toContain('made=8&short=1');
    const rows = await db().selectFrom('review_assignments as a').innerJoin('users as u', 'u.id', 'a.reviewer_id').select(['a.submission_id', 'u.email']).where('a.submission_id', 'in', Object.values(ids)).execute();
    expect(rows).toHaveLength(8);
    expect(rows.filter((row) => row.submission_id === ids.es).map((row) => row.email).sort()).toEqual(['ines@revue.test', 'mina@nouvelle.test']);
    expect((await reviewers.jon.get(`/fr/reviews/${SLUG}/${ids.es}`)).statusCode).toBe(404);
    expect((await reviewers.jon.get(`/fr/reviews/${SLUG}`)).body).not.toContain(`/fr/reviews/${SLUG}/${ids.es}"`);
    const refused = await reviewers.jon.post(`/fr/reviews/${SLUG}/${ids.es}`, { version: '0', score_1: '5' }, { from: `/fr/reviews/${SLUG}` });
    expect(refused.statusCode).toBe(404);

    // Each reviewer opens the first submission of their list and goes on with "save and next".
    const scores: Record<Key, number> = { fr: 5, es: 2, ko: 4 };
    const keyOf = (id: number) => (Object.keys(ids) as Key[]).find((key) => ids[key] === id)!;
    for (const [name, visitor] of Object.entries(reviewers)) {
      const list = (await visitor.get(`/fr/reviews/${SLUG}`)).body;
      let next: string = new RegExp(`/fr/reviews/${SLUG}/(\\d+)`).exec(list)![0];
      const seen: number[] = [];
      while (!next.endsWith('?done=1')) {
        const page = await visitor.get(next);
        expect(page.statusCode, `${name} ${next}`).toBe(200);
        const id = Number(next.split('/').at(-1));
        seen.push(id);
        const categories = [...page.body.matchAll(/name="(score_\d+)"/g)].map((match) => match[1]!);
        expect(new Set(categories).size).toBe(2);
        const fields: Record<string, string> = { version: /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '0', next: '1', comment: `${name}`, proposed_decision: scores[keyOf(id)] > 3 ? 'accepted' : 'rejected' };
        for (const category of new Set(categories)) fields[category] = String(scores[keyOf(id)]);
        const saved = await visitor.post(next, fields, { from: next });
        expect(saved.statusCode, `${name} saves ${id}`).toBe(303);
        next = saved.headers.location as string;
        expect(seen.length).toBeLessThan(5);
      }
      // Save and next went through every submission assigned, each once; Jon never saw the Spanish one.
      expect(seen.sort()).toEqual(name === 'jon' ? [ids.fr, ids.ko].sort() : Object.values(ids).sort());
    }
    const reviews = await db().selectFrom('reviews').select(['submission_id', 'total']).where('submission_id', 'in', Object.values(ids)).where('submitted_at', 'is not', null).execute();
    expect(reviews).toHaveLength(8);
    const jonId = (await db().selectFrom('users').select('id').where('email', '=', 'jon@red.test').executeTakeFirstOrThrow()).id;
    expect(await db().selectFrom('reviews').select('id').where('reviewer_id', '=', jonId).where('submission_id', '=', ids.es).execute()).toHaveLength(0);
  });

  it('4. selection against a regional target, decisions released, one mail each in fr, es and ko', async () => {
    const page = `${ADMIN}/selection`;
    expect((await editor.post(`${page}/targets`, { 'target.region.europe': '1', 'target.region.asia-pacific': '1', 'target.region.north-america': '2' }, { from: page })).statusCode).toBe(303);
    // One bulk decision on a filtered set (Asia-Pacific), two single ones.
    const bulk = await editor.post(`${page}/bulk`, { region: 'asia-pacific', decision: 'accepted' }, { from: page });
    expect(bulk.statusCode).toBe(303);
    expect(bulk.headers.location).toContain('count=1');
    for (const [key, decision] of [['fr', 'accepted'], ['es', 'rejected']] as const) {
      const { version } = await db().selectFrom('submissions').select('version').where('id', '=', ids[key]).executeTakeFirstOrThrow();
      expect((await editor.post(`${page}/decide`, { id: String(ids[key]), version: String(version), decision }, { from: page })).statusCode).toBe(303);
    }
    const html = (await editor.get(page)).body;
    const cell = (key: string) => {
      const match = new RegExp(`data-balance="${key}">.*?class="balance-accepted">(\\d+)</td>.*?class="balance-gap">([^<]*)</td>`, 's').exec(html);
      return match ? { accepted: Number(match[1]), gap: match[2] } : null;
    };
    expect(cell('region:europe')?.accepted).toBe(0);
    expect(cell('region:asia-pacific')?.accepted).toBe(1);
    expect(cell('region:north-america')?.accepted).toBe(1);
    const en = (await editor.get(`/en/admin/calls/${SLUG}/selection`)).body;
    const gap = (key: string) => new RegExp(`data-balance="${key}">.*?class="balance-gap">([^<]*)</td>`, 's').exec(en)?.[1];
    expect([gap('region:europe'), gap('region:asia-pacific'), gap('region:north-america')]).toEqual(['1 to go', 'target met', '1 to go']);

    const notifications = `${ADMIN}/notifications`;
    const before = Object.fromEntries(SUBMITTERS.map((s) => [s.key, received(s.email).length])) as Record<Key, number>;
    const preview = await editor.get(`/en/admin/calls/${SLUG}/notifications/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('3 mails will be sent, exactly as shown.');
    expect(preview.body).toContain('Votre initiative est retenue : Épiceries coopératives');
    expect(preview.body).toContain('Sobre su iniciativa: Mercados solidarios');
    expect(preview.body).toContain('귀하의 사례가 선정되었습니다: 마을 공동체 부엌');
    expect((await editor.post(`${notifications}/release`, {}, { from: `${notifications}/preview` })).statusCode).toBe(303);
    await t.app.ctx.jobs.drain([NOTIFY_JOB]);
    await t.app.ctx.jobs.drain([DELIVER_MAIL]);
    const subjects = SUBMITTERS.map((s) => received(s.email).slice(before[s.key]).map((mail) => mail.subject));
    expect(subjects).toEqual([
      ['Votre initiative est retenue : Épiceries coopératives'],
      ['Sobre su iniciativa: Mercados solidarios'],
      ['귀하의 사례가 선정되었습니다: 마을 공동체 부엌'],
    ]);
    // Released twice: refused, nothing sent again.
    expect((await editor.post(`${notifications}/release`, {}, { from: `${notifications}/preview` })).statusCode).toBe(409);
    await t.app.ctx.jobs.drain([NOTIFY_JOB]);
    expect(SUBMITTERS.map((s) => received(s.email).length - before[s.key])).toEqual([1, 1, 1]);
  });

  it('5. the programme: a day, a session, a workshop, the two accepted placed and published', async () => {
    const programme = `${ADMIN}/programme`;
    const post = (path: string, fields: Record<string, string> = {}) => editor.post(`${programme}${path}`, fields, { from: programme });
    expect((await post('/days', { date: '2026-10-05' })).statusCode).toBe(303);
    const dayRow = await db().selectFrom('programme_days').select('id').where('event_slug', '=', EVENT).executeTakeFirstOrThrow();
    expect((await post('/sessions', { day: String(dayRow.id) })).statusCode).toBe(303);
    const session = await db().selectFrom('programme_sessions').select('id').where('event_slug', '=', EVENT).executeTakeFirstOrThrow();
    expect((await post('/workshops', { session: String(session.id), source: 'fr', title_fr: 'Alimentation solidaire', room: 'Salle A', moderators: 'Amaia Ruiz', partner: '' })).statusCode).toBe(303);
    const workshop = await db().selectFrom('programme_workshops').select(['id', 'code']).where('event_slug', '=', EVENT).executeTakeFirstOrThrow();
    for (const key of ['fr', 'ko'] as const) {
      const { version } = await db().selectFrom('submissions').select('version').where('id', '=', ids[key]).executeTakeFirstOrThrow();
      expect((await post('/place', { submission: String(ids[key]), workshop: String(workshop.id), version: String(version) })).statusCode).toBe(303);
    }
    expect((await post('/publish')).statusCode).toBe(303);
    const initiatives = await db().selectFrom('initiatives').select(['code', 'title', 'country']).where('event_slug', '=', EVENT).orderBy('code').execute();
    expect(initiatives.map((row) => [row.code, row.country])).toEqual([['1.1.1', 'CA'], ['1.1.2', 'KR']]);
    expect(initiatives[1]!.title.ko).toMatchObject({ text: '마을 공동체 부엌', status: 'original' });
    for (const lang of ['fr', 'ko']) {
      const page = await t.app.inject(`/${lang}/initiatives/programme/${EVENT}`);
      expect(page.statusCode, lang).toBe(200);
      for (const title of ['Épiceries coopératives', '마을 공동체 부엌', 'Alimentation solidaire']) expect(page.body).toContain(title);
      expect(page.body).not.toContain('Mercados solidarios');
      const archive = await t.app.inject(`/${lang}/initiatives?event=${EVENT}`);
      expect(archive.body).toContain('Épiceries coopératives');
      expect(archive.body).toContain('마을 공동체 부엌');
    }
  });

  it.each(['fr', 'ko'] as const)('6. the booklet in %s: both entries, contents page numbers right, Korean whole, fonts embedded', async (lang) => {
    const url = `/${lang}/initiatives/programme/${EVENT}/booklet.pdf`;
    const first = await t.app.inject(url);
    expect(first.statusCode).toBe(202);
    await t.app.ctx.jobs.drain([BOOKLET_JOB]);
    const ready = await t.app.inject(url);
    expect(ready.statusCode).toBe(200);
    expect(ready.headers['content-type']).toBe('application/pdf');
    const pdf = ready.rawPayload;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(pdfInfo(pdf))![1]);
    const pageText = Array.from({ length: pages }, (_, i) => pdfText(pdf, { layout: true, page: i + 1 }));
    const entries = [['1.1.1', 'Épiceries coopératives'], ['1.1.2', '마을 공동체 부엌']] as const;
    // The contents page: "1.1.2  Title …  N" lines, on the page that carries the contents heading.
    const pagesOf = new Map<string, number>();
    const contentsPage = pageText.findIndex((text) => text.includes(lang === 'fr' ? 'Sommaire' : '차례'));
    expect(contentsPage).toBeGreaterThanOrEqual(0);
    for (const [code, title] of entries) {
      const line = pageText[contentsPage]!.split('\n').find((l) => l.includes(code) && l.includes(title));
      expect(line, `${code} in the contents`).toBeDefined();
      const printed = Number(/(\d+)\s*$/.exec(line!)![1]);
      // The page where the entry's heading is: its code at the start of a line, its title on that page.
      const found = pageText.findIndex((text, i) => i !== contentsPage && new RegExp(`^\\s*${code.replace(/\./g, '\\.')}\\s+\\S`, 'm').test(text) && text.includes(title)) + 1;
      expect(found, `${code}'s heading`).toBeGreaterThan(0);
      expect(printed, `${code}: contents says ${printed}, heading on ${found}`).toBe(found);
      pagesOf.set(code, found);
    }
    // The Korean summary as whole words, in the order written, in both booklets (marked as the source text in French).
    const korean = SUBMITTERS[2].fields.summary;
    const flat = pdfText(pdf).replace(/\s+/g, ' ');
    expect(flat).toContain(korean);
    const words = new Set(flat.split(' '));
    for (const word of korean.split(' ')) expect(words.has(word), word).toBe(true);
    expect(flat).toContain('Des épiceries de quartier gérées par leurs membres.');
    // The long French entry fills a page: the Korean entry's heading is on a later one.
    expect(pagesOf.get('1.1.2')).toBeGreaterThan(pagesOf.get('1.1.1')!);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    // pdffonts columns: name type encoding emb sub uni object ID — every font embedded.
    for (const font of fonts) expect(font, font).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });
}, 300_000);
