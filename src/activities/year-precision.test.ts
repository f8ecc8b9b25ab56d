import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp, type Visitor } from '../../test/helpers.ts';
import { translator } from '../i18n/i18n.ts';
import { apiDate, datesInWords, exclusiveEnd, lastDay, storedDate } from './dates.ts';

/** Activities dated only by their year ("the 9th World Urban Forum, 2018"). */
let t: TestApp;
let editor: Visitor;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'year-editor@example.org', ['editor']);
  editor = await signIn(t.app, 'year-editor@example.org');
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const row = (slug: string) => t.app.ctx.db.selectFrom('activities').selectAll().where('slug', '=', slug).executeTakeFirst();
const year2018 = { start_date: '2018-01-01', end_date: '2018-01-01', date_precision: 'year' as const, tentative: false };

describe('year precision in words and forms', () => {
  it('says the year and that the day is not known, in every language, never a day', () => {
    const words = (lang: 'en' | 'fr' | 'es' | 'ko', dated = year2018) => datesInWords(translator(lang), dated);
    expect(words('en')).toBe('2018, exact date not known');
    expect(words('fr')).toBe('2018, date exacte inconnue');
    expect(words('es')).toBe('2018, fecha exacta desconocida');
    expect(words('ko')).toBe('2018년 (정확한 날짜 미상)');
    expect(datesInWords(translator('en'), { ...year2018, tentative: true }, '2017-06-01')).toBe('2018, date to be confirmed');
    // Once the year is over, a tentative date says it was never confirmed (issue 18).
    expect(datesInWords(translator('en'), { ...year2018, tentative: true }, '2019-01-01')).toBe('2018 (the planned date, never confirmed)');
    expect(datesInWords(translator('ko'), { ...year2018, tentative: true }, '2019-01-01')).toBe('2018 (예정일, 확정되지 않음)');
    expect(datesInWords(translator('fr'), { ...year2018, tentative: true, date_precision: 'month', start_date: '2018-02-01', end_date: '2018-02-01' }, '2018-02-28'))
      .toBe('février 2018, date à confirmer');
    expect(datesInWords(translator('fr'), { ...year2018, tentative: true, date_precision: 'month', start_date: '2018-02-01', end_date: '2018-02-01' }, '2018-03-01'))
      .toBe('février 2018 (date prévue, jamais confirmée)');
    expect(words('fr', { ...year2018, end_date: '2020-01-01' })).toBe('2018–2020, date exacte inconnue');
    for (const lang of ['en', 'fr', 'es', 'ko'] as const) expect(words(lang)).not.toMatch(/January|janvier|enero|1월|\b1\b/);
  });

  it('stores a year as 1 January and gives it back as YYYY; a day or month with year precision is refused', () => {
    expect(storedDate('2018', 'year')).toBe('2018-01-01');
    expect(storedDate('2018-06-15', 'year')).toBeNull();
    expect(storedDate('2018-06', 'year')).toBeNull();
    expect(storedDate('18', 'year')).toBeNull();
    expect(storedDate('2018', 'month')).toBeNull();
    expect(apiDate('2018-01-01', 'year')).toBe('2018');
    expect(exclusiveEnd(year2018)).toBe('2019-01-01');
    expect(lastDay({ end_date: '2020-01-01', date_precision: 'year' })).toBe('2020-12-31');
  });
});

describe('year precision in the API', () => {
  it('gives start and end as YYYY with datePrecision "year", and documents it', async () => {
    const one = (await get('/api/v1/activities/wuf9-session-2018')).json();
    expect(one).toMatchObject({ slug: 'wuf9-session-2018', start: '2018', end: '2018', datePrecision: 'year', tentative: false, city: 'Kuala Lumpur', country: 'MY' });
    const events = (await get('/api/v1/events?year=2018&limit=100')).json();
    expect(events.items.map((item: { slug: string }) => item.slug)).toContain('international-mayors-forum-lilongwe-2018');
    const csv = (await get('/api/v1/activities.csv?year=2017')).body;
    expect(csv).toMatch(/\nsdg-training-incheon-2017,partner_event,SDG training 2017,2017,2017,year,false,/);
    const spec = (await get('/api/openapi.json')).json();
    expect(JSON.stringify(spec)).toContain('"enum":["day","month","year"]');
  });
});

describe('year precision in the calendar', () => {
  it('lists year-only activities in their year view, under "during the year", and in no month', async () => {
    const year = await get('/en/calendar?year=2018');
    expect(year.statusCode).toBe(200);
    const during = year.body.slice(year.body.indexOf('id="cal-during-year"'), year.body.indexOf('id="cal-upcoming"'));
    expect(during).toContain('During 2018, date not known');
    expect(during).toContain('href="/en/activities/wuf9-session-2018"');
    expect(during).toContain('<time class="act-when" datetime="2018">2018, exact date not known</time>');
    // Each year-only activity appears once on the page, in that group only.
    expect(year.body.split('href="/en/activities/wuf9-session-2018"')).toHaveLength(2);
    for (let month = 1; month <= 12; month++) {
      const page = await get(`/en/calendar?year=2018&month=${month}`);
      expect(page.body).not.toContain('/en/activities/wuf9-session-2018"');
      expect(page.body).not.toContain('id="cal-during-year"');
      expect(page.body).toContain('All of 2018</a>');
    }
    expect((await get('/ko/calendar?year=2017')).body).toContain('2017년 중 (날짜 미상)');
  });

  it('keeps a future year-only activity out of the upcoming list and the feed', async () => {
    const created = await editor.post(
      '/en/admin/activities/new',
      { slug: 'youth-exchange-2031', type: 'youth_programme', title: 'Youth exchange', summary: 'Some time in 2031.', start: '2031', precision: 'year', format: 'in-person' },
      { from: '/en/admin/activities/new' },
    );
    expect(created.statusCode).toBe(303);
    expect(await row('youth-exchange-2031')).toMatchObject({ start_date: '2031-01-01', end_date: '2031-01-01', date_precision: 'year' });
    const calendar = await get('/en/calendar?year=2031');
    const upcoming = calendar.body.slice(calendar.body.indexOf('id="cal-upcoming"'));
    expect(calendar.body.slice(0, calendar.body.indexOf('id="cal-upcoming"'))).toContain('/en/activities/youth-exchange-2031"');
    expect(upcoming).not.toContain('youth-exchange-2031');
  });
});

describe('year precision in iCalendar', () => {
  it('leaves year-only activities out of /calendar.ics, which stays valid', async () => {
    const feed = await get('/calendar.ics');
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const uids = calendar.getAllSubcomponents('vevent').map((vevent) => String(vevent.getFirstPropertyValue('uid')));
    expect(uids).toContain('gsef2018-bilbao@activities.gsef-net.org');
    for (const slug of ['wuf9-session-2018', 'asia-pacific-cities-summit-2017', 'uclg-culture-summit', 'rtes-annual-seminar']) {
      expect(uids).not.toContain(`${slug}@activities.gsef-net.org`);
    }
  });

  it('has no .ics of its own: the page offers none and the address says why', async () => {
    const page = await get('/en/activities/wuf9-session-2018');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2018, exact date not known');
    expect(page.body).not.toContain('/calendar.ics"');
    const ics = await t.app.inject({ method: 'GET', url: '/fr/activities/wuf9-session-2018/calendar.ics' });
    expect(ics.statusCode).toBe(404);
    expect(ics.body).toContain('Seule l’année de cette activité est connue');
    expect(ics.body).not.toContain('BEGIN:VCALENDAR');
  });
});

describe('year precision in the back-office', () => {
  const base = { type: 'partner_event', title: 'Culture summit', summary: 'Invited.', precision: 'year', format: 'in-person' };

  it('shows a year-only date as YYYY in the edit form', async () => {
    const page = await editor.get('/en/admin/activities/wuf9-session-2018/edit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="start" name="start" type="text" value="2018"');
    expect(page.body).toContain('id="end" name="end" type="text" value="2018"');
    expect(page.body).toMatch(/<option value="year" selected/);
  });

  it('refuses a day or a month written with year precision, and registration on a year-only date, naming the field', async () => {
    const before = await row('uclg-culture-summit');
    const day = await editor.post('/fr/admin/activities/uclg-culture-summit/edit', { ...base, start: '2017-05-10' }, { from: '/fr/admin/activities/uclg-culture-summit/edit' });
    expect(day.statusCode).toBe(400);
    expect(day.body).toContain('Avec « Année seulement », indiquez seulement l’année (AAAA)');
    const month = await editor.post('/en/admin/activities/uclg-culture-summit/edit', { ...base, start: '2017', end: '2018-03' }, { from: '/en/admin/activities/uclg-culture-summit/edit' });
    expect(month.statusCode).toBe(400);
    expect(month.body).toContain('With “Year only”, enter just the year as YYYY');
    const reversed = await editor.post('/en/admin/activities/uclg-culture-summit/edit', { ...base, start: '2018', end: '2017' }, { from: '/en/admin/activities/uclg-culture-summit/edit' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('The end cannot come before the start.');
    const registration = await editor.post('/es/admin/activities/uclg-culture-summit/edit', { ...base, start: '2017', registration_open: 'on', capacity: '20' }, { from: '/es/admin/activities/uclg-culture-summit/edit' });
    expect(registration.statusCode).toBe(400);
    expect(registration.body).toContain('La inscripción necesita al menos el mes');
    expect(await row('uclg-culture-summit')).toEqual(before);
  });

  it('confirms a year into a day range later, visible in the feed under the same UID', async () => {
    const saved = await editor.post(
      '/en/admin/activities/uclg-culture-summit/edit',
      { ...base, title: 'UCLG Culture Summit', summary: 'Confirmed.', precision: 'day', start: '2017-05-10', end: '2017-05-13', city: 'Jeju', country: 'KR' },
      { from: '/en/admin/activities/uclg-culture-summit/edit' },
    );
    expect(saved.statusCode).toBe(303);
    const calendar = new ICAL.Component(ICAL.parse((await get('/calendar.ics?type=partner_event')).body));
    const event = calendar.getAllSubcomponents('vevent').find((vevent) => vevent.getFirstPropertyValue('uid') === 'uclg-culture-summit@activities.gsef-net.org')!;
    expect(String(event.getFirstPropertyValue('dtstart'))).toBe('2017-05-10');
    expect(String(event.getFirstPropertyValue('dtend'))).toBe('2017-05-14');
    expect(Number(event.getFirstPropertyValue('sequence'))).toBe(1);
  });
});
