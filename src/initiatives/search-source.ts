import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Translatable } from '../i18n/translatable.ts';
import { placeNames } from '../places/place-names.ts';
import { reindexSearch } from '../search/indexer.ts';
import type { SearchDocument, SearchSource } from '../search/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Initiatives of the archive: title, summary, the holding organisation, place and presenters' names. */
export const initiativeSearchSource: SearchSource = {
  kind: 'initiative',
  async load(db: Executor, ids?: number[]): Promise<SearchDocument[]> {
    let query = db
      .selectFrom('initiatives as i')
      .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
      .leftJoin('programme_events as e', 'e.event_slug', 'i.event_slug')
      .select(['i.id', 'i.slug', 'i.title', 'i.summary', 'i.city', 'i.region', 'i.themes', 'i.presenters', 'i.country', 'o.name as organisation', 'e.starts_on']);
    if (ids) query = query.where('i.id', 'in', ids.length ? ids : [0]);
    const rows = await query.execute();
    return rows.map((row) => {
      const organisation = Object.values((row.organisation ?? {}) as Translatable).map((entry) => entry?.text ?? '');
      const presenters = (row.presenters ?? []).map((presenter) => presenter.name);
      return {
        kind: 'initiative',
        sourceId: row.id,
        slug: row.slug,
        path: `/initiatives/${row.slug}`,
        title: row.title as Translatable,
        summary: (row.summary ?? {}) as Translatable,
        bodies: [],
        // The place in every language, so that "카트만두" finds an initiative in "Katmandou".
        names: [...new Set([...organisation, ...presenters, ...placeNames(row.city, row.country)].filter(Boolean))],
        date: row.starts_on ?? null,
        region: row.region,
        themes: row.themes,
        visibility: 'public',
      };
    });
  },
};

/**
 * An organisation renamed or merged: its initiatives' index rows hold its name (the archive's text
 * query and the site search find an initiative by it), so they are written again, in the same transaction.
 */
export async function reindexOrganisationInitiatives(trx: Executor, organisationId: number): Promise<void> {
  const rows = await trx.selectFrom('initiatives').select('id').where('organisation_id', '=', organisationId).execute();
  await reindexSearch(trx, 'initiative', rows.map((row) => row.id));
}
