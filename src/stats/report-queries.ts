import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

type Db = Kysely<DB>;

/** The public meetings of a year (published ones, as the governance page shows them) with their decision counts. */
export function meetingsOfYear(db: Db, year: number) {
  return db.selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['m.slug', 'm.starts_on', 'm.date_precision', 'b.name as body'])
    .select((eb) => eb.selectFrom('meeting_decisions as d').whereRef('d.meeting_id', '=', 'm.id').select(eb.fn.countAll<string>().as('n')).as('decisions'))
    .where('m.published', '=', true)
    .where(sql`extract(year FROM m.starts_on)`, '=', year)
    .orderBy('m.starts_on').orderBy('m.slug')
    .execute();
}

/** Public resources published in a year (the library's public list). */
export function publicationsOfYear(db: Db, year: number) {
  return db.selectFrom('resources')
    .select(['slug', 'type', 'title', 'published_on'])
    .where('visibility', '=', 'public')
    .where(sql`extract(year FROM published_on)`, '=', year)
    .orderBy('published_on').orderBy('slug')
    .execute();
}
