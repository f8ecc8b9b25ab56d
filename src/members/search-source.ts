import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Translatable } from '../i18n/translatable.ts';
import type { SearchDocument, SearchSource } from '../search/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Members as the one search lists them: the organisation's name and place, and the public description. */
export const memberSearchSource: SearchSource = {
  kind: 'member',
  async load(db: Executor, ids?: number[]): Promise<SearchDocument[]> {
    let query = db
      .selectFrom('members')
      .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
      .select(['members.id', 'members.slug', 'members.description', 'members.joined_on', 'o.name', 'o.city', 'o.country', 'o.region']);
    if (ids) query = query.where('members.id', 'in', ids.length ? ids : [0]);
    const rows = await query.execute();
    return rows.map((row) => {
      const names = Object.values(row.name as Translatable).map((entry) => entry?.text ?? '');
      const description = (row.description ?? {}) as Translatable;
      return {
        kind: 'member',
        sourceId: row.id,
        slug: row.slug,
        path: `/members/${row.slug}`,
        title: row.name as Translatable,
        summary: description,
        bodies: [],
        names: [...new Set([...names, row.city ?? ''].filter(Boolean))],
        date: row.joined_on,
        region: row.region,
        themes: [],
        visibility: 'public',
      };
    });
  },
};
