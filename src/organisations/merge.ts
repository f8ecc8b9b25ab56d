import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/types.ts';
import { LANGS } from '../i18n/langs.ts';
import type { Translatable } from '../i18n/translatable.ts';
import { reindexSearch } from '../search/indexer.ts';
import { reindexOrganisationInitiatives } from '../initiatives/search-source.ts';

/**
 * Every column that points at an organisation, with the other columns of its table's primary key
 * (a row of the duplicate that would repeat one of the kept organisation's is dropped, not moved).
 * A test compares this list with the schema's foreign keys: a module that adds one adds it here.
 */
export const ORGANISATION_REFERENCES = [
  { table: 'activity_organisations', column: 'organisation_id', key: ['activity_id', 'role'] },
  { table: 'initiatives', column: 'organisation_id', key: null },
  { table: 'members', column: 'organisation_id', key: null },
  { table: 'resource_publishers', column: 'organisation_id', key: ['resource_id'] },
  { table: 'submissions', column: 'organisation_id', key: null },
] as const;

export class MergeError extends Error {}

/** Names of the kept organisation, completed by the duplicate's languages (as translations). */
function mergedName(kept: Translatable, duplicate: Translatable): Translatable {
  const next: Translatable = { ...kept };
  for (const lang of LANGS) {
    const entry = duplicate[lang];
    if (!next[lang] && entry) next[lang] = { ...entry, status: entry.status === 'original' ? 'human' : entry.status };
  }
  return next;
}

/**
 * Merges a duplicate organisation into the one kept, in one transaction: every reference moves to
 * the kept record, the kept record takes the duplicate's missing facts (place, coordinates, website,
 * names in other languages), the duplicate is deleted, and the merge is audited. Two members cannot
 * be merged this way (each has its own history): that is refused and nothing changes.
 */
export async function mergeOrganisations(db: Kysely<DB>, keptSlug: string, duplicateSlug: string, actorId: number): Promise<{ moved: Record<string, number> }> {
  if (keptSlug === duplicateSlug) throw new MergeError('same');
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('organisations').selectAll().where('slug', 'in', [keptSlug, duplicateSlug]).orderBy('id').forUpdate().execute();
    const kept = rows.find((row) => row.slug === keptSlug);
    const duplicate = rows.find((row) => row.slug === duplicateSlug);
    if (!kept) throw new MergeError('kept');
    if (!duplicate) throw new MergeError('duplicate');
    const members = await trx.selectFrom('members').select('id').where('organisation_id', 'in', [kept.id, duplicate.id]).execute();
    if (members.length > 1) throw new MergeError('two_members');
    const moved: Record<string, number> = {};
    for (const reference of ORGANISATION_REFERENCES) moved[reference.table] = await moveReferences(trx, reference, duplicate.id, kept.id);
    await trx.deleteFrom('organisations').where('id', '=', duplicate.id).execute();
    await trx
      .updateTable('organisations')
      .set({
        name: JSON.stringify(mergedName(kept.name, duplicate.name)),
        city: kept.city ?? duplicate.city,
        country: kept.country ?? duplicate.country,
        region: kept.region ?? duplicate.region,
        latitude: kept.latitude ?? duplicate.latitude,
        longitude: kept.latitude === null ? duplicate.longitude : kept.longitude,
        website: kept.website ?? duplicate.website,
        updated_at: new Date(),
      })
      .where('id', '=', kept.id)
      .execute();
    if (members[0]) await reindexSearch(trx, 'member', [members[0].id]);
    await reindexOrganisationInitiatives(trx, kept.id);
    await recordAudit(trx, { actorId, action: 'organisation.merge', entityType: 'organisation', entityId: kept.id, details: { kept: keptSlug, removed: duplicateSlug, removedId: duplicate.id, moved } });
    return { moved };
  });
}

async function moveReferences(trx: Transaction<DB>, reference: (typeof ORGANISATION_REFERENCES)[number], from: number, to: number): Promise<number> {
  const table = sql.table(reference.table);
  const column = sql.ref(reference.column);
  if (reference.key) {
    // Drop the duplicate's rows that the kept organisation already has (same activity and role, same resource).
    const same = sql.join(reference.key.map((name) => sql`d.${sql.ref(name)} = k.${sql.ref(name)}`), sql` AND `);
    await sql`DELETE FROM ${table} AS d USING ${table} AS k WHERE d.${column} = ${from} AND k.${column} = ${to} AND ${same}`.execute(trx);
  }
  const result = await sql`UPDATE ${table} SET ${column} = ${to} WHERE ${column} = ${from}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
