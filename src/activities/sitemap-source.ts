import type { SitemapSource } from '../web/sitemap.ts';

/** The activities listing, the calendar, every activity (sub-events included: each has its page) and every series. */
export const activitySitemap: SitemapSource = async (db) => {
  const [activities, series] = await Promise.all([
    db.selectFrom('activities').select(['slug', 'updated_at']).orderBy('start_date').orderBy('id').execute(),
    db.selectFrom('activity_series').select('slug').orderBy('position').orderBy('id').execute(),
  ]);
  const newest = activities.reduce<Date | null>((latest, a) => (!latest || a.updated_at > latest ? a.updated_at : latest), null);
  return [
    { path: '/activities', updated: newest },
    { path: '/calendar', updated: newest },
    ...activities.map((a) => ({ path: `/activities/${a.slug}`, updated: a.updated_at })),
    ...series.map((s) => ({ path: `/activities/series/${s.slug}` })),
  ];
};
