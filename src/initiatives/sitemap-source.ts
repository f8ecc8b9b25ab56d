import type { SitemapSource } from '../web/sitemap.ts';

/** The archive, every initiative and the programme of every event the archive holds. */
export const initiativeSitemap: SitemapSource = async (db) => {
  const [initiatives, events] = await Promise.all([
    db.selectFrom('initiatives').select(['slug', 'updated_at']).orderBy('event_slug').orderBy('id').execute(),
    db.selectFrom('programme_sessions').select('event_slug').distinct().orderBy('event_slug').execute(),
  ]);
  return [
    { path: '/initiatives' },
    ...events.map((e) => ({ path: `/initiatives/programme/${e.event_slug}` })),
    ...initiatives.map((i) => ({ path: `/initiatives/${i.slug}`, updated: i.updated_at })),
  ];
};
