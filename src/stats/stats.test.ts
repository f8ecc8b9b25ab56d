import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, signIn, type TestApp } from '../../test/helpers.ts';
import { activities as SEED_ACTIVITIES } from '../../seed/activities.ts';
import { subscribersFor } from '../subscribers/domain.ts';
import { TOPICS } from '../subscribers/topics.ts';
import { members as SEED_MEMBERS } from '../../seed/members.ts';
import { LANGS } from '../i18n/langs.ts';
import { translator } from '../i18n/i18n.ts';
import { saveApplication } from '../members/applications.ts';
import { networkFigures } from './domain.ts';
import { insertCall, insertSubmission } from '../../test/calls-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const total = async (url: string) => (await get(url)).json().total as number;
const today = () => new Date().toISOString().slice(0, 10);

describe('/{lang}/stats', () => {
  it('draws each figure as server-side SVG with its table, summary and CSV link, in four languages, with no script of its own', async () => {
    for (const lang of LANGS) {
      const page = await get(`/${lang}/stats`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`href="/${lang}/stats/members-by-kind.csv?as_of=${today()}`);
      expect(page.body.match(/<svg class="chart"/g)!.length).toBeGreaterThanOrEqual(7);
      expect(page.body).not.toMatch(/<script(?! type="application\/ld\+json")[^>]*src="[^"]*stats/);
    }
    const fr = (await get('/fr/stats')).body;
    expect(fr).toContain('Le réseau en chiffres');
    expect(fr).toContain('<h3 id="members-by-kind-title">Membres par type</h3>');
  });

  it('weighs under 30 kB on the wire with its stylesheet (gzipped, as sent)', async () => {
    const page = await get('/en/stats?as_of=2019-12-31&year=2019');
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)![1]!;
    const css = await get(stylesheet);
    const bytes = gzipSync(page.body).length + gzipSync(css.body).length;
    console.info(`stats page: ${page.body.length} B, ${bytes} B gzipped with the stylesheet`);
    expect(bytes).toBeLessThan(30_000);
  });

  it('counts members as the directory lists them, by kind and region', async () => {
    const figures = await networkFigures(t.app.ctx.db, today(), 2019);
    for (const row of figures.members.byKind) expect(row.count).toBe(await total(`/api/v1/members?status=active&kind=${row.key}`));
    for (const row of figures.members.byRegion.filter((r) => r.key !== '—')) {
      const listed = (await get(`/api/v1/members?status=active&region=${row.key}&limit=100`)).json().items.filter((m: { kind: string }) => m.kind !== 'partner' && m.kind !== 'honorary');
      expect(row.count).toBe(listed.length);
    }
    const active = ['local_government', 'sse_network', 'other_organisation'];
    let listedTotal = 0;
    for (const kind of active) listedTotal += await total(`/api/v1/members?status=active&kind=${kind}`);
    expect(figures.members.total).toBe(listedTotal);
    expect((await get('/en/stats')).body).toContain(`${figures.members.total} active members recorded on`);
  });

  it('gives membership as it stood on a past day, from the dated status history', async () => {
    const asOf = async (day: string) => (await networkFigures(t.app.ctx.db, day, 2019)).members.total;
    const expected = (day: string) => SEED_MEMBERS.filter((m) => m.status === 'active' && m.kind !== 'partner' && m.evidenceOn <= day).length;
    expect(await asOf('2018-12-31')).toBe(0);
    expect(await asOf('2019-06-30')).toBe(expected('2019-06-30'));
    expect(await asOf('2019-12-31')).toBe(expected('2019-12-31'));
    expect(expected('2019-06-30')).toBeLessThan(expected('2019-12-31'));
    const page = await get('/en/stats?as_of=2019-06-30&year=2019');
    expect(page.body).toContain(`${expected('2019-06-30')} active members recorded on June 30, 2019.`);
  });

  it('draws membership at each quarter’s end as the dated history gives it, against the 49 → 100 target line', async () => {
    const expected = (day: string) => SEED_MEMBERS.filter((m) => m.status === 'active' && m.kind !== 'partner' && m.evidenceOn <= day).length;
    const figures = await networkFigures(t.app.ctx.db, '2020-06-30', 2019);
    const days = figures.members.overTime.map((point) => point.day);
    expect(days).toContain('2019-03-31');
    expect(days).toContain('2019-12-31');
    expect(days.at(-1)).toBe('2020-06-30');
    for (const point of figures.members.overTime) expect(point.count, point.day).toBe(expected(point.day));
    expect(figures.members.overTime.at(-1)!.count).toBe(figures.members.total);
    const page = (await get('/en/stats?as_of=2020-06-30&year=2019')).body;
    expect(page).toContain('<svg class="chart line-chart"');
    expect(page).toMatch(/<path class="goal" d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+"/);
    expect(page).toContain(`${figures.members.total} active members on June 30, 2020; the target was 100 by December 31, 2019.`);
    const csv = (await get('/en/stats/members-over-time.csv?as_of=2020-06-30')).body.trim().split(/\r?\n/);
    expect(csv.slice(1)).toEqual(figures.members.overTime.map((point) => `${point.day},${point.count},2020-06-30`));
    expect((await get('/ko/stats?as_of=2020-06-30')).body).toContain('회원 수 추이와 목표');
  });

  it('sets the provisional 2019 programme against what took place, as the seeded records link them', async () => {
    const of2019 = SEED_ACTIVITIES.filter((a) => a.start.startsWith('2019') && !a.parent);
    const planned = of2019.filter((a) => a.tentative);
    const linked = (a: (typeof of2019)[number], b: (typeof of2019)[number]) => (a.related ?? []).includes(b.slug) || (b.related ?? []).includes(a.slug);
    const records = of2019.filter((a) => !a.tentative);
    const held = planned.filter((p) => records.some((r) => linked(p, r)));
    const unplanned = records.filter((r) => !planned.some((p) => linked(p, r)));
    const { programme } = (await networkFigures(t.app.ctx.db, today(), 2019)).activities;
    expect(programme).toEqual({ planned: planned.length, held: held.length, unrecorded: planned.length - held.length, unplanned: unplanned.length });
    expect(held.map((a) => a.slug)).toContain('west-africa-training-2019');
    const sentence: Record<string, string> = {
      en: `${planned.length} entries planned in 2019: ${held.length} with a record of being held`,
      fr: `${planned.length} entrées prévues en 2019 : ${held.length} avec une fiche`,
      es: `${planned.length} entradas previstas en 2019: ${held.length} con registro`,
      ko: `2019년 계획 ${planned.length}건: 개최 기록 있음 ${held.length}건`,
    };
    for (const lang of LANGS) expect((await get(`/${lang}/stats?year=2019`)).body, lang).toContain(sentence[lang]);
  });

  it('counts subscribers per topic as the newsletter would address them', async () => {
    await createUser(t.app, 'lists@example.org', ['editor']);
    const editor = await signIn(t.app, 'lists@example.org');
    const token = csrfTokenIn((await editor.get('/en/admin/subscribers')).body);
    const csv = 'email,lang,topics\na@example.org,fr,newsletter;events\nb@example.org,ko,events\nc@example.org,es,calls;newsletter\n';
    const body = multipart({ _csrf: token, consent_confirmed: 'yes', consent_source: 'Sign-up sheet, GSEF2018 Bilbao' }, { file: { name: 'list.csv', type: 'text/csv', content: Buffer.from(csv) } });
    const imported = await t.app.inject({ method: 'POST', url: '/en/admin/subscribers/import', payload: body.payload, headers: { ...body.headers, cookie: editor.cookies } });
    expect(imported.statusCode).toBeLessThan(400);
    const { topics } = (await networkFigures(t.app.ctx.db, today(), 2019)).newsletter;
    for (const topic of TOPICS) {
      const recipients = (await subscribersFor(t.app.ctx.db, { topics: [topic] })).length;
      expect(topics.find((row) => row.key === topic)?.count ?? 0, topic).toBe(recipients);
    }
    expect(topics.find((row) => row.key === 'events')?.count).toBeGreaterThanOrEqual(2);
    expect((await get('/fr/stats')).body).toContain('Abonnés par thème');
  });

  it('counts activities of a year as the events API lists them, by type and region, with the participants the records give', async () => {
    const figures = await networkFigures(t.app.ctx.db, today(), 2019);
    const perYear = figures.activities.perYear.find((row) => row.year === 2019)!;
    expect(perYear.count).toBe(await total('/api/v1/events?year=2019&limit=1'));
    for (const row of figures.activities.types) expect(row.count).toBe(await total(`/api/v1/events?year=2019&type=${row.key}&limit=1`));
    for (const row of figures.activities.regions.filter((r) => r.key !== '—')) expect(row.count).toBe(await total(`/api/v1/events?year=2019&region=${row.key}&limit=1`));
    const events = (await get('/api/v1/events?year=2019&limit=100')).json().items as { participants: number | null }[];
    expect(figures.activities.reach.filter((r) => r.participants !== null).length).toBe(events.filter((e) => e.participants !== null).length);
    expect(figures.activities.reach.some((r) => r.participants === 13 && r.countries_count === 9)).toBe(true);
  });

  it('counts initiatives as the archive lists them, by region and theme', async () => {
    const figures = await networkFigures(t.app.ctx.db, today(), 2019);
    expect(figures.initiatives.total).toBe(await total('/api/v1/initiatives?limit=1'));
    for (const row of figures.initiatives.byRegion.filter((r) => r.key !== '—')) expect(row.count).toBe(await total(`/api/v1/initiatives?region=${row.key}&limit=1`));
    for (const row of figures.initiatives.byTheme.slice(0, 5)) expect(row.count).toBe(await total(`/api/v1/initiatives?theme=${row.key}&limit=1`));
  });

  it('gives the GSEF2018 call as its public page says: about 600 received, the selected ones from their countries', async () => {
    const { calls } = await networkFigures(t.database.db, today(), 2019);
    const gsef = calls.find((call) => call.slug === 'gsef2018-bilbao')!;
    expect(gsef).toMatchObject({ received: 600, reported: true, selected: 102 });
    const page = (await get('/en/calls/gsef2018-bilbao')).body;
    expect(page).toContain(`About 600 initiatives received, 102 selected from ${gsef.countries} countries.`);
    expect((await get('/en/stats?year=2017')).body).toContain(`About 600 received (as reported by the secretariat), 102 selected from ${gsef.countries} countries.`);
  });

  it('counts each call’s submissions received and selected as its rows hold them, the reported figure where one was given', async () => {
    const db = t.database.db;
    const callId = await insertCall(db, { slug: 'stats-call', state: 'decided' });
    const released = new Date();
    await insertSubmission(db, callId, { decision: 'accepted', decision_released_at: released, country: 'ES' });
    await insertSubmission(db, callId, { decision: 'accepted', decision_released_at: released, country: 'KR' });
    await insertSubmission(db, callId, { decision: 'accepted', country: 'FR' });
    await insertSubmission(db, callId, { decision: 'rejected', decision_released_at: released });
    await insertSubmission(db, callId, { state: 'withdrawn', withdrawn_at: released });
    await insertSubmission(db, callId, { state: 'draft', submitted_at: null });
    const reportedId = await insertCall(db, { slug: 'stats-reported-call', state: 'published', received_count_reported: 40 });
    await insertSubmission(db, reportedId, { decision: 'accepted', decision_released_at: released, imported: true });
    await insertCall(db, { slug: 'stats-draft-call', state: 'draft' });

    const { calls } = await networkFigures(db, today(), 2019);
    expect(calls.find((call) => call.slug === 'stats-call')).toMatchObject({ received: 5, reported: false, selected: 2, countries: 2 });
    expect(calls.find((call) => call.slug === 'stats-reported-call')).toMatchObject({ received: 40, reported: true, selected: 1 });
    expect(calls.some((call) => call.slug === 'stats-draft-call')).toBe(false);
    const csv = await get(`/en/stats/calls-selected.csv?as_of=${today()}`);
    expect(csv.body).toContain('stats-call,2,');
    const ko = (await get('/ko/stats?year=2018')).body; // a query no earlier test asked, so not a cached page
    expect(ko).toContain('약 40건 접수');
    expect(ko).toContain('<h3 id="calls-selected-title">공모별 선정 이니셔티브</h3>');
  });

  it('exports each figure as CSV with the day it holds for', async () => {
    const csv = await get('/en/stats/members-by-kind.csv?as_of=2019-12-31');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const figures = await networkFigures(t.app.ctx.db, '2019-12-31', 2019);
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('key,count,as_of');
    expect(lines.slice(1)).toEqual(figures.members.byKind.map((row) => `${row.key},${row.count},2019-12-31`));
  });
});

describe('bad input on /stats', () => {
  it('answers 400 naming the problem for malformed, impossible or out-of-range days and years; 404 for an unknown figure', async () => {
    for (const query of ['as_of=yesterday', 'as_of=2019-02-30', 'as_of=1999-01-01', 'as_of=2999-01-01', 'as_of=2019-1-1', 'as_of=2019-01-01&as_of=2019-02-01']) {
      const page = await get(`/en/stats?${query}`);
      expect(page.statusCode, query).toBe(400);
      expect(page.body).toContain('The date must be a day written YYYY-MM-DD');
    }
    for (const query of ['year=19', 'year=abcd', 'year=1900', 'year=3000']) {
      const page = await get(`/es/stats?${query}`);
      expect(page.statusCode, query).toBe(400);
      expect(page.body).toContain('El año debe escribirse con cuatro cifras');
    }
    expect((await get('/en/stats/members-by-anything.csv')).statusCode).toBe(404);
    expect((await get('/en/stats/members-by-kind.csv?as_of=2019-13-01')).statusCode).toBe(400);
  });
});

describe('/{lang}/reports/{year}', () => {
  it('gives the 2019 report out of the seeded data in four languages, its figures as the lists show them', async () => {
    const events2019 = await total('/api/v1/events?year=2019&limit=1');
    const titles: Record<string, string> = { en: 'Annual report 2019', fr: 'Rapport annuel 2019', es: 'Informe anual 2019', ko: '2019년 연례 보고서' };
    for (const lang of LANGS) {
      const page = await get(`/${lang}/reports/2019`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<h1>${titles[lang]}</h1>`);
    }
    const en = (await get('/en/reports/2019')).body;
    expect(en).toContain(`${events2019} activities started in 2019, sub-events included.`);
    const figures = await networkFigures(t.app.ctx.db, '2019-12-31', 2019);
    expect(en).toContain(`Active members recorded: 0 at the start of 2019, ${figures.members.total} on December 31, 2019.`);
    const publications = (await get('/api/v1/resources?year=2019&limit=100')).json();
    for (const item of publications.items as { slug: string; visibility?: string }[]) expect(en).toContain(`href="/en/library/${item.slug}"`);
  });

  it('zips the report’s CSVs with a README describing each column', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const response = await get('/en/reports/2019/figures.zip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'activities-by-format.csv', 'activities-by-region.csv', 'activities-by-type.csv', 'meetings.csv', 'members-by-country.csv', 'members-by-kind.csv', 'members-by-region.csv', 'publications.csv', 'reach.csv']);
    const readme = strFromU8(files['README.txt']!);
    for (const name of Object.keys(files).filter((n) => n.endsWith('.csv'))) expect(readme).toContain(`${name}:`);
    const byType = strFromU8(files['activities-by-type.csv']!).trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    for (const [type, count] of byType) expect(Number(count)).toBe(await total(`/api/v1/events?year=2019&type=${type}&limit=1`));
  });

  it('answers 404 for a year with no activity or a malformed one, never a 500', async () => {
    for (const year of ['1999', '2100', '19', 'abcd', '2019.5', '99999']) {
      expect((await get(`/en/reports/${year}`)).statusCode, year).toBe(404);
      expect((await get(`/en/reports/${year}/figures.zip`)).statusCode, year).toBe(404);
    }
  });

  it('lists the figures and the reports in the sitemap', async () => {
    const sitemap = (await get('/sitemap.xml')).body;
    const index = /<loc>([^<]+)<\/loc>/g;
    const bodies = [sitemap];
    for (const match of sitemap.matchAll(index)) if (match[1]!.includes('sitemap')) bodies.push((await get(new URL(match[1]!).pathname)).body);
    const all = bodies.join('');
    expect(all).toContain('/en/stats</loc>');
    expect(all).toContain('/en/reports/2019</loc>');
  });
});

describe('/{lang}/admin/stats', () => {
  it('shows the secretariat the funnel, fees and attendance, as the tables hold them; the public is sent to sign in', async () => {
    expect((await get('/en/admin/stats')).statusCode).toBe(303);
    await createUser(t.app, 'figures@example.org', ['editor']);
    const editor = await signIn(t.app, 'figures@example.org');
    const page = await editor.get('/fr/admin/stats');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Candidatures par statut');
    const db = t.app.ctx.db;
    const members = await db.selectFrom('members').select('id').where('status', '=', 'active').orderBy('id').limit(3).execute();
    await db.insertInto('fees').values([
      { member_id: members[0]!.id, year: 2026, amount_minor: 50000, currency: 'EUR', due_on: '2026-03-31', state: 'paid', paid_on: '2026-03-01' },
      { member_id: members[1]!.id, year: 2026, amount_minor: 25050, currency: 'EUR', due_on: '2026-03-31', state: 'paid', paid_on: '2026-03-02' },
      { member_id: members[2]!.id, year: 2026, amount_minor: 500000, currency: 'KRW', due_on: '2026-03-31', state: 'overdue' },
    ]).execute();
    const withFees = (await editor.get('/fr/admin/stats')).body;
    expect(withFees).toContain('Cotisations par année et par état');
    expect(withFees).toMatch(/<th scope="row">2026<\/th><td>Payée?<\/td><td>2<\/td><td>750,50\s€<\/td>/);
    expect(withFees).toMatch(/<th scope="row">2026<\/th><td>En retard<\/td><td>1<\/td><td>500\s000\s₩<\/td>/);
    await saveApplication(t.app.ctx, {
      token: null, lang: 'fr', submit: true, files: [],
      data: { organisation_name: 'Ville des chiffres', email: 'chiffres@example.org', kind: 'local_government', category: 'city', country: 'FR', city: 'Lyon', website: '', focal_name: 'A', focal_phone: '', head_name: '', head_title: '', general_email: '', signatory_name: 'A', signatory_title: 'B', sse_situation: 'C', intent: 'submit' },
    });
    const funnelPage = (await editor.get('/fr/admin/stats')).body;
    const fr = translator('fr');
    // The funnel as the application queue holds it, each status named in the reader's language.
    const funnel = await db.selectFrom('membership_applications').select(['status']).execute();
    const tally = new Map<string, number>();
    for (const row of funnel) tally.set(row.status, (tally.get(row.status) ?? 0) + 1);
    expect(tally.size).toBeGreaterThan(0);
    for (const [status, count] of tally) expect(funnelPage).toContain(`<th scope="row">${fr(`membership.status.${status}`)}</th><td>${count}</td>`);
  });
});
