import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { fold } from './ics.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** Parses with ical.js, an independent RFC 5545 parser, and returns the VEVENTs by UID. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return new Map(calendar.getAllSubcomponents('vevent').map((vevent) => [String(vevent.getFirstPropertyValue('uid')), vevent]));
}

describe('/calendar.ics', () => {
  it('is a valid iCalendar of every event, all-day dates as VALUE=DATE, drafts as TENTATIVE', async () => {
    const response = await get('/calendar.ics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = parse(response.body);
    // Every event whose day or month is known; year-only dates stay out (see year-precision.test.ts).
    const api = (await get('/api/v1/events?limit=1')).json();
    const yearOnly = await t.app.ctx.db.selectFrom('activities').select((eb) => eb.fn.countAll<string>().as('n')).where('date_precision', '=', 'year').executeTakeFirstOrThrow();
    expect(Number(yearOnly.n)).toBeGreaterThan(0);
    expect(events.size).toBe(api.total - Number(yearOnly.n));

    const bilbao = events.get('gsef2018-bilbao@activities.gsef-net.org')!;
    const start = bilbao.getFirstProperty('dtstart')!;
    expect(start.type).toBe('date');
    expect(String(start.getFirstValue())).toBe('2018-10-01');
    // The exclusive end: the forum covers 1–3 October.
    expect(String(bilbao.getFirstPropertyValue('dtend'))).toBe('2018-10-04');
    expect(bilbao.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(bilbao.getFirstPropertyValue('location')).toBe('Palais Euskalduna, Bilbao, Spain');

    // "? February": a month-only draft covers its month and is tentative.
    const visit = events.get('cities-visit-seoul-2019@activities.gsef-net.org')!;
    expect(String(visit.getFirstPropertyValue('dtstart'))).toBe('2019-02-01');
    expect(String(visit.getFirstPropertyValue('dtend'))).toBe('2019-03-01');
    expect(visit.getFirstPropertyValue('status')).toBe('TENTATIVE');
    // 30 April – 5 May, across two months.
    const westAfrica = events.get('west-africa-training-2019@activities.gsef-net.org')!;
    expect([String(westAfrica.getFirstPropertyValue('dtstart')), String(westAfrica.getFirstPropertyValue('dtend'))]).toEqual(['2019-04-30', '2019-05-06']);
  });

  it('filters by type and region, and in the language asked', async () => {
    const events = parse((await get('/calendar.ics?type=policy_dialogue&region=asia-pacific&lang=fr')).body);
    expect([...events.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `asia-policy-dialogue-${n}@activities.gsef-net.org`).sort());
    expect(events.get('asia-policy-dialogue-6@activities.gsef-net.org')!.getFirstPropertyValue('summary')).toBe('Dialogue politique Asie, 6e édition');
  });

  it.each([['?type=party'], ['?region=atlantis'], ['?type=forum&type=%3Cscript%3E']])('answers 400 to a malformed filter %s', async (query) => {
    const response = await t.app.inject({ method: 'GET', url: `/calendar.ics${query}`, headers: { 'accept-language': 'fr' } });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('BEGIN:VCALENDAR');
  });

  it('serves one event as its own .ics with the same UID as in the feed', async () => {
    const response = await get('/ko/activities/inaes-webinar-2020-3/calendar.ics');
    expect(response.statusCode).toBe(200);
    const events = parse(response.body);
    expect([...events.keys()]).toEqual(['inaes-webinar-2020-3@activities.gsef-net.org']);
    expect(String(events.get('inaes-webinar-2020-3@activities.gsef-net.org')!.getFirstPropertyValue('dtstart'))).toBe('2020-06-09');
    expect((await get('/en/activities/nope/calendar.ics')).statusCode).toBe(404);
  });
});

describe('line folding', () => {
  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'아시아 정책대화 '.repeat(12)}`;
    const folded = fold(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });
});
