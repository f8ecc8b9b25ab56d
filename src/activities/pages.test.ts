import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Intl puts thin spaces around the dash of a date range; the assertions read plain spaces. */
const get = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url });
  return Object.assign(response, { body: response.body.replace(/[\u2009\u202f]/g, ' ') });
};
const json = async (url: string) => {
  const response = await get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the 2019 calendar in four languages', () => {
  it.each(['en', 'fr', 'es', 'ko'])('shows every 2019 entry’s summary in %s without a fallback notice', async (lang) => {
    const entries = await t.app.ctx.db
      .selectFrom('activities')
      .select(['slug', 'summary'])
      .where('start_date', '>=', '2019-01-01')
      .where('start_date', '<=', '2019-12-31')
      .where('tentative', '=', true)
      .where('parent_id', 'is', null)
      .execute();
    expect(entries.length).toBeGreaterThanOrEqual(34);
    for (const entry of entries) {
      const page = await get(`/${lang}/activities/${entry.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body, entry.slug).not.toContain('class="content-notice"');
      expect(page.body).toContain(entry.summary[lang as 'en']!.text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    }
  });
});

describe('the activities listing', () => {
  it.each([
    ['en', 'Activities', 'Policy dialogue'],
    ['fr', 'Activités', 'Dialogue politique'],
    ['es', 'Actividades', 'Diálogo político'],
    ['ko', '활동', '정책대화'],
  ])('is browsable in %s with its facets', async (lang, heading, typeLabel) => {
    const response = await get(`/${lang}/activities`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`<h1>${heading}</h1>`);
    expect(response.body).toContain(typeLabel);
    expect(response.body).toContain(`href="/${lang}/activities/gsef2021-mexico-city"`);
  });

  it('filters by type and year, with counts that apply the other filters', async () => {
    const response = await get('/en/activities?type=policy_dialogue&year=2019');
    // 2019 drafts: Africa 2, Asia 6, Latin America 1, Europe 3.
    expect(response.body).toContain('<h2 id="act-results">4 activities</h2>');
    expect(response.body).toMatch(/value="policy_dialogue" checked(="")?\/?> Policy dialogue <span class="count">\(4\)<\/span>/);
    expect(response.body).toMatch(/value="2018"\/?> 2018 <span class="count">\(3\)<\/span>/);
    expect(response.body).toContain('href="/en/activities/asia-policy-dialogue-6"');
    expect(response.body).not.toContain('href="/en/activities/asia-policy-dialogue-5"');
  });

  it('ignores unknown filter values instead of failing', async () => {
    const response = await get('/en/activities?type=party&region=mars&year=abc&page=zz');
    expect(response.statusCode).toBe(200);
    const all = await get('/en/activities');
    expect(response.body.match(/<h2 id="act-results">[^<]+/)?.[0]).toBe(all.body.match(/<h2 id="act-results">[^<]+/)?.[0]);
  });

  it('runs the same number of queries for one activity as for a full page, and for a calendar month as for a year', async () => {
    const original = pg.Client.prototype.query;
    let queries = 0;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      // Only the page's own queries: the job queue's and the cache's background ones may land meanwhile.
      const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string } | undefined)?.text ?? '');
      if (!/pgboss|^\s*(LISTEN|UNLISTEN|NOTIFY)|pg_notify/i.test(text)) queries++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    const count = async (url: string) => {
      queries = 0;
      expect((await get(url)).statusCode).toBe(200);
      return queries;
    };
    try {
      const one = await count('/en/activities?year=2013&q=1');
      expect(one).toBeGreaterThan(0);
      expect(await count('/en/activities?q=2')).toBe(one);
      // The years of the calendar are read once per content change (db/content-memo.ts): both counts after that.
      await get('/en/calendar?year=2018');
      expect(await count('/en/calendar?year=2019&month=3')).toBe(await count('/en/calendar?year=2019'));
    } finally {
      pg.Client.prototype.query = original;
    }
  });

  it('paginates', async () => {
    const second = await get('/en/activities?page=2');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('aria-current="page">2<');
  });
});

describe('an activity page', () => {
  it('shows the Bilbao forum with its facts, organisers, resources and related dialogue', async () => {
    const { body } = await get('/en/activities/gsef2018-bilbao');
    expect(body).toContain('<h1>GSEF2018 Bilbao</h1>');
    expect(body).toContain('<time class="act-when" datetime="2018-10-01">October 1 – 3, 2018</time>');
    expect(body).toContain('Palais Euskalduna, Bilbao, Spain');
    expect(body).toContain('<dd>1,700</dd>');
    expect(body).toContain('Bilbao City Council');
    expect(body).toContain('href="/en/activities/africa-policy-dialogue-1"');
    expect(body).toContain('href="/en/activities/gsef2018-bilbao/calendar.ics"');
  });

  it('lists the six webinars of the 2020 series as sub-events, with speakers on each', async () => {
    const { body } = await get('/fr/activities/inaes-webinar-series-2020');
    expect(body.match(/href="\/fr\/activities\/inaes-webinar-2020-\d"/g)).toHaveLength(6);
    const webinar = await get('/en/activities/inaes-webinar-2020-5');
    expect(webinar.body).toContain('Laurence Kwark (GSEF)');
  });

  it('says a month-only tentative date in words, never as a false exact day, and a past one as never confirmed', async () => {
    const en = await get('/en/activities/cities-visit-seoul-2019');
    expect(en.body).toContain('<span class="act-when">February 2019 (the planned date, never confirmed)</span>');
    expect(en.body).not.toMatch(/February 1, 2019/);
    expect(en.body).not.toContain('date to be confirmed');
    const fr = await get('/fr/activities/cities-visit-seoul-2019');
    expect(fr.body).toContain('février 2019 (date prévue, jamais confirmée)');
    const across = await get('/en/activities/west-africa-training-2019');
    expect(across.body).toContain('April 30 – May 5, 2019 (the planned date, never confirmed)');
  });

  it('answers 404 for an unknown activity', async () => {
    expect((await get('/en/activities/nope')).statusCode).toBe(404);
  });
});

describe('a series page', () => {
  it('lists every edition of the Asia Policy Dialogue with date, place, theme and participants', async () => {
    const { body, statusCode } = await get('/en/activities/series/asia-policy-dialogue');
    expect(statusCode).toBe(200);
    expect(body).toContain('6 editions');
    expect(body).toContain('May 26, 2016');
    expect(body).toContain('Hong Kong');
    expect(body).toContain('<td>80</td>');
    expect(body).toContain('social finance policies');
  });
});

describe('the calendar', () => {
  it('shows a year by month, with tentative and month-only dates in words', async () => {
    const { body } = await get('/en/calendar?year=2019');
    expect(body).toContain('<h2 id="cal-period">2019</h2>');
    expect(body).toContain('href="/en/calendar?year=2019&amp;month=2">February 2019</a>');
    expect(body).toContain('February 2019 (the planned date, never confirmed)');
    expect(body).toContain('January 30, 2019 (the planned date, never confirmed)');
    expect(body).not.toContain('date to be confirmed');
  });

  it('shows one month, including events that started the month before', async () => {
    const { body } = await get('/ko/calendar?year=2019&month=5');
    expect(body).toContain('href="/ko/activities/west-africa-training-2019"');
    expect(body).toContain('href="/ko/activities/africa-policy-dialogue-2"');
    expect(body).not.toContain('href="/ko/activities/asia-policy-dialogue-6"');
  });

  it('refuses a malformed period with a 400 in the reader’s language', async () => {
    const response = await get('/fr/calendar?year=20x9');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Période invalide');
  });
});

describe('the activities API', () => {
  it('carries the fields of the contract, month precision as YYYY-MM', async () => {
    const body = await json('/api/v1/activities?year=2019&type=training&lang=fr&limit=100');
    const visit = body.items.find((item: { slug: string }) => item.slug === 'east-southern-africa-training-2019');
    expect(visit).toMatchObject({
      type: 'training', start: '2019-08', end: '2019-08', datePrecision: 'month', tentative: true, format: 'in-person',
      city: 'Kampala', country: 'UG', participants: null, series: null, edition: null,
    });
    const bilbao = await json('/api/v1/activities/gsef2018-bilbao');
    expect(bilbao).toMatchObject({ slug: 'gsef2018-bilbao', type: 'forum', title: 'GSEF2018 Bilbao', start: '2018-10-01', end: '2018-10-03', datePrecision: 'day', tentative: false, format: 'in-person', city: 'Bilbao', country: 'ES', participants: 1700, series: 'gsef-forums', edition: 4 });
    expect(bilbao.related).toContain('africa-policy-dialogue-1');
  });

  it('lists events including sub-events, and activities without them', async () => {
    const events = await json('/api/v1/events?year=2020&type=webinar');
    // The INAES series, its six webinars, and the preparatory series known only by its year.
    expect(events.total).toBe(8);
    expect(events.items.filter((item: { parent: string | null }) => item.parent === 'inaes-webinar-series-2020')).toHaveLength(6);
    const activities = await json('/api/v1/activities?year=2020&type=webinar');
    expect(activities.total).toBe(2);
  });

  it('filters by region and pages with limit and offset', async () => {
    const all = await json('/api/v1/activities?region=africa&limit=100');
    const page = await json('/api/v1/activities?region=africa&limit=2&offset=2');
    expect(page.total).toBe(all.total);
    expect(page.items.map((i: { slug: string }) => i.slug)).toEqual(all.items.slice(2, 4).map((i: { slug: string }) => i.slug));
    expect(all.items.every((i: { country: string }) => ['SN', 'UG', 'ML', 'ES', 'ZA', 'MA', 'CV', 'MW'].includes(i.country))).toBe(true);
  });

  it('answers 400 for an unknown type and 404 for an unknown slug', async () => {
    const bad = await get('/api/v1/activities?type=party');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('type');
    expect((await get('/api/v1/activities/nope')).statusCode).toBe(404);
  });

  it('exports activities as CSV', async () => {
    const response = await get('/api/v1/activities.csv?year=2018');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('slug,type,title,start,end,datePrecision,tentative,format,city,country,region,venue,participants,countries,themes,series,edition,parent,url');
    expect(lines.some((line) => line.startsWith('gsef2018-bilbao,forum,GSEF2018 Bilbao,2018-10-01,2018-10-03,day,false,in-person,Bilbao,ES,europe,Palais Euskalduna,1700,36,'))).toBe(true);
  });
});
