import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import type { Translatable } from '../i18n/translatable.ts';
import type { SearchDocument, SearchKind, SearchSource } from '../search/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The activities table holds both: a row without parent is an `activity` (a forum, a research
 * project), a row with one is an `event` (a dated occurrence: one webinar, one phase).
 */
function activitySource(kind: Extract<SearchKind, 'activity' | 'event'>): SearchSource {
  return {
    kind,
    async load(db: Executor, ids?: number[]): Promise<SearchDocument[]> {
      let query = db
        .selectFrom('activities as a')
        .select(['a.id', 'a.slug', 'a.title', 'a.summary', 'a.body', 'a.start_date', 'a.city', 'a.venue', 'a.region', 'a.themes', 'a.speakers'])
        .where('a.parent_id', kind === 'activity' ? 'is' : 'is not', null);
      if (ids) query = query.where('a.id', 'in', ids.length ? ids : [0]);
      const rows = await query.execute();
      const organisers = await organiserNames(db, rows.map((row) => row.id));
      return rows.map((row) => {
        const body = row.body as Translatable;
        return {
          kind,
          sourceId: row.id,
          slug: row.slug,
          path: `/activities/${row.slug}`,
          title: row.title as Translatable,
          summary: row.summary as Translatable,
          bodies: Object.entries(body).map(([lang, entry]) => ({ lang: lang as Lang, text: entry?.text ?? '' })),
          names: [...new Set([...(organisers.get(row.id) ?? []), ...row.speakers, row.city ?? '', row.venue ?? ''].filter(Boolean))],
          date: row.start_date,
          region: row.region,
          themes: row.themes,
          visibility: 'public',
        };
      });
    },
  };
}

async function organiserNames(db: Executor, activityIds: number[]): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>();
  if (!activityIds.length) return names;
  const rows = await db
    .selectFrom('activity_organisations as ao')
    .innerJoin('organisations as o', 'o.id', 'ao.organisation_id')
    .select(['ao.activity_id', 'o.name'])
    .where('ao.activity_id', 'in', activityIds)
    .execute();
  for (const row of rows) {
    const list = names.get(row.activity_id) ?? [];
    list.push(...Object.values(row.name as Translatable).map((entry) => entry?.text ?? ''));
    names.set(row.activity_id, list);
  }
  return names;
}

export const activitySearchSource = activitySource('activity');
export const eventSearchSource = activitySource('event');
