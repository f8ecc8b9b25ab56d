import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import { activities, CALENDAR_2019_SIZE } from '../../seed/activities.ts';
import { summariesEsKo } from '../../seed/activities-translations.ts';
import type { Database } from '../db/database.ts';
import { seed } from '../seed/load.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const row = (slug: string) => database.db.selectFrom('activities').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

describe('the activities seed', () => {
  it('holds every seeded activity, the Bilbao forum with its facts', async () => {
    const { count } = await database.db.selectFrom('activities').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(activities.length);
    expect(await row('gsef2018-bilbao')).toMatchObject({
      start_date: '2018-10-01', end_date: '2018-10-03', date_precision: 'day', tentative: false,
      city: 'Bilbao', country: 'ES', venue: 'Palais Euskalduna', participants: 1700, region: 'europe',
    });
  });

  it('keeps the 2019 calendar as drafted: 34 tentative entries, "?" days and month-only dates as months', async () => {
    const planned = activities.filter((a) => a.tentative && a.start.startsWith('2019') && !a.parent && a.slug !== 'advisors-meeting-medellin-2019' && a.type !== 'research_project' || ['research-contract-2019', 'research-launch-2019'].includes(a.slug));
    expect(planned).toHaveLength(CALENDAR_2019_SIZE);
    expect(await row('cities-visit-seoul-2019')).toMatchObject({ start_date: '2019-02-01', end_date: '2019-02-01', date_precision: 'month', tentative: true });
    // 30 April – 5 May: a range across two months.
    expect(await row('west-africa-training-2019')).toMatchObject({ start_date: '2019-04-30', end_date: '2019-05-05', date_precision: 'day' });
    expect(await row('asia-officials-training-2019')).toMatchObject({ start_date: '2019-10-27', end_date: '2019-11-03' });
  });

  it('stores every past edition of the Asia Policy Dialogue with its date, place and participants', async () => {
    const editions = await database.db
      .selectFrom('activities as a')
      .innerJoin('activity_series as s', 's.id', 'a.series_id')
      .select(['a.edition', 'a.start_date', 'a.city', 'a.participants'])
      .where('s.slug', '=', 'asia-policy-dialogue')
      .orderBy('a.edition')
      .execute();
    expect(editions).toEqual([
      { edition: 1, start_date: '2014-11-17', city: 'Seoul', participants: 70 },
      { edition: 2, start_date: '2015-11-04', city: 'Seoul', participants: 60 },
      { edition: 3, start_date: '2016-05-26', city: 'Hong Kong', participants: 80 },
      { edition: 4, start_date: '2017-07-01', city: 'Seoul', participants: 60 },
      { edition: 5, start_date: '2018-07-07', city: 'Seoul', participants: 60 },
      { edition: 6, start_date: '2019-06-25', city: 'Singapore', participants: null },
    ]);
  });

  it('links organisers and partners to shared organisations', async () => {
    const partners = await database.db
      .selectFrom('activity_organisations as ao')
      .innerJoin('activities as a', 'a.id', 'ao.activity_id')
      .innerJoin('organisations as o', 'o.id', 'ao.organisation_id')
      .select(['ao.role', sql<string>`o.name->'fr'->>'text'`.as('name')])
      .where('a.slug', '=', 'senegal-national-capacity-building-2019')
      .where('ao.role', '=', 'partner')
      .orderBy('ao.position')
      .execute();
    expect(partners.map((p) => p.name)).toEqual(['Plateforme des Acteurs non Etatiques (PFAnE)', 'Ville de Dakar', 'Organisation internationale de la Francophonie (OIF)']);
  });

  it('has Spanish and Korean summaries only for activities that exist, stored as human translations', async () => {
    const slugs = new Set(activities.map((a) => a.slug));
    expect(Object.keys(summariesEsKo).filter((slug) => !slugs.has(slug))).toEqual([]);
    const forum = await row('gsef2016-montreal');
    expect(forum.summary.es?.status).toBe('human');
    expect(forum.summary.ko?.text).toContain('몬트리올');
    expect(forum.summary.en?.status).toBe('original');
  });

  it('gives every 2019 calendar entry a Spanish and a Korean summary of its own', async () => {
    const calendar = await database.db
      .selectFrom('activities')
      .select(['slug', 'summary'])
      .where('start_date', '>=', '2019-01-01')
      .where('start_date', '<=', '2019-12-31')
      .where('tentative', '=', true)
      .where('parent_id', 'is', null)
      .execute();
    expect(calendar.length).toBeGreaterThanOrEqual(CALENDAR_2019_SIZE);
    const missing = calendar.filter((a) => !a.summary.es?.text || !a.summary.ko?.text).map((a) => a.slug);
    expect(missing).toEqual([]);
    // Written for each language, not copies of the English text.
    expect(calendar.filter((a) => a.summary.es!.text === a.summary.en!.text || a.summary.ko!.text === a.summary.en!.text)).toEqual([]);
    expect((await row('global-youth-camp-2019')).summary.ko).toMatchObject({ status: 'human', text: expect.stringContaining('100명') });
  });

  it('gives every seeded activity a title and a summary in all four languages, es/ko summaries written, not copied', async () => {
    const rows = await database.db.selectFrom('activities').select(['slug', 'title', 'summary']).orderBy('slug').execute();
    expect(rows).toHaveLength(activities.length);
    const missing = rows.flatMap((a) =>
      (['en', 'fr', 'es', 'ko'] as const).flatMap((lang) => [
        ...(a.title[lang]?.text.trim() ? [] : [`${a.slug} title.${lang}`]),
        ...(a.summary[lang]?.text.trim() ? [] : [`${a.slug} summary.${lang}`]),
      ]),
    );
    expect(missing).toEqual([]);
    const copies = rows.filter((a) => a.summary.es!.text === a.summary.en!.text || a.summary.ko!.text === a.summary.en!.text).map((a) => a.slug);
    expect(copies).toEqual([]);
    // The six INAES webinars carry their theme in Spanish and Korean, in the title too.
    const webinar = rows.find((a) => a.slug === 'inaes-webinar-2020-4')!;
    expect(webinar.title.es?.text).toBe('Webinario 4: Políticas públicas para los ecosistemas de la ESS: el papel de los responsables políticos');
    expect(webinar.summary.ko?.text).toContain('공공정책');
    expect(rows.find((a) => a.slug === 'sse-policy-module-research-phase-1')!.summary.es).toMatchObject({ status: 'human', text: expect.stringContaining('estudios de campo') });
  });

  it('stores the participations dated only by their year with year precision, on 1 January', async () => {
    expect(await row('wuf9-session-2018')).toMatchObject({ start_date: '2018-01-01', end_date: '2018-01-01', date_precision: 'year', tentative: false, city: 'Kuala Lumpur', country: 'MY' });
    for (const [slug, year] of [['asia-pacific-cities-summit-2017', 2017], ['sdg-training-incheon-2017', 2017], ['international-mayors-forum-lilongwe-2018', 2018], ['gsef-preparatory-webinars-2020', 2020]] as const) {
      expect(await row(slug)).toMatchObject({ start_date: `${year}-01-01`, date_precision: 'year', tentative: false });
    }
    // Not dated at all in the documents: the likeliest year, marked as still to be confirmed.
    expect(await row('uclg-culture-summit')).toMatchObject({ date_precision: 'year', tentative: true });
    expect(await row('rtes-annual-seminar')).toMatchObject({ date_precision: 'year', tentative: true, country: 'FR' });
  });

  it('refuses in the database a year-precision date that is not 1 January', async () => {
    const id = (await row('wuf9-session-2018')).id;
    await expect(database.db.updateTable('activities').set({ start_date: '2018-02-07', end_date: '2018-02-07' }).where('id', '=', id).execute()).rejects.toThrow(/activities_(year_precision_)?check/);
    await expect(database.db.updateTable('activities').set({ start_date: '2018-02-01', end_date: '2018-02-01' }).where('id', '=', id).execute()).rejects.toThrow(/activities_year_precision_check/);
    await expect(database.db.updateTable('activities').set({ date_precision: 'week' as never }).where('id', '=', id).execute()).rejects.toThrow(/activities_date_precision_check/);
    expect(await row('wuf9-session-2018')).toMatchObject({ start_date: '2018-01-01', date_precision: 'year' });
  });

  it('changes nothing when run again', async () => {
    const before = await database.db.selectFrom('activities').selectAll().orderBy('id').execute();
    await seed(database.db);
    expect(await database.db.selectFrom('activities').selectAll().orderBy('id').execute()).toEqual(before);
    // Every module's seeder runs again: slow on a busy machine, not a hang.
  }, 120_000);
});
