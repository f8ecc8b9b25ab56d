import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { SelectionFilters } from './filters.ts';
import type { Decision, Dimension } from './tables.ts';
import './tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function findCall(db: Db, slug: string) {
  return db.selectFrom('calls').select(['id', 'slug', 'title', 'state', 'event_slug', 'themes', 'languages']).where('slug', '=', slug).executeTakeFirst();
}
export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

/**
 * The submitted submissions of a call matching the facets that SQL can test (the score range is
 * tested on the review summaries, which come from their own query). One query whatever the count.
 */
export function selectionRows(db: Db, callId: number, filters: SelectionFilters) {
  let query = db.selectFrom('submissions as s').leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.title', 's.source_lang', 's.lang', 's.region', 's.country', 's.themes', 's.organisation_name', 's.decision',
      's.decision_released_at', 's.version', 's.code', 's.workshop_id', 'o.kind as organisation_kind'])
    .where('s.call_id', '=', callId).where('s.state', '=', 'submitted');
  if (filters.theme.length) query = query.where(sql<boolean>`s.themes && ${sql.val(filters.theme)}::text[]`);
  if (filters.region.length) query = query.where('s.region', 'in', filters.region as never[]);
  if (filters.country.length) query = query.where('s.country', 'in', filters.country);
  if (filters.language.length) query = query.where('s.source_lang', 'in', filters.language);
  if (filters.kind.length) query = query.where(sql<string>`coalesce(o.kind, 'other')`, 'in', filters.kind);
  if (filters.state.length) {
    query = query.where((eb) => eb.or(filters.state.map((state) => {
      if (state === 'undecided') return eb('s.decision', 'is', null);
      if (state === 'pending') return eb.and([eb('s.decision', 'is not', null), eb('s.decision_released_at', 'is', null)]);
      if (state === 'released') return eb('s.decision_released_at', 'is not', null);
      return eb('s.decision', '=', state);
    })));
  }
  return query.orderBy('s.id').execute();
}
export type SelectionRow = Awaited<ReturnType<typeof selectionRows>>[number];

/** Accepted submissions counted per value of one dimension, straight from the rows. */
export async function acceptedCounts(db: Db, callId: number): Promise<Record<Dimension, Map<string, number>>> {
  const rows = await sql<{ dimension: Dimension; value: string; count: number }>`
    WITH accepted AS (SELECT * FROM submissions WHERE call_id = ${callId} AND state = 'submitted' AND decision = 'accepted')
    SELECT 'region' AS dimension, region AS value, count(*)::int AS count FROM accepted WHERE region IS NOT NULL GROUP BY region
    UNION ALL SELECT 'country', country, count(*)::int FROM accepted WHERE country IS NOT NULL GROUP BY country
    UNION ALL SELECT 'language', source_lang, count(*)::int FROM accepted WHERE source_lang IS NOT NULL GROUP BY source_lang
    UNION ALL SELECT 'theme', theme, count(*)::int FROM accepted, unnest(themes) AS theme GROUP BY theme`.execute(db);
  const counts: Record<Dimension, Map<string, number>> = { region: new Map(), country: new Map(), theme: new Map(), language: new Map() };
  for (const row of rows.rows) counts[row.dimension].set(row.value, row.count);
  return counts;
}

export function callTargets(db: Db, callId: number) {
  return db.selectFrom('call_targets').select(['dimension', 'value', 'target']).where('call_id', '=', callId).execute();
}

/** The countries the call's submissions come from: the ones a target can be set for. */
export async function submittedCountries(db: Db, callId: number): Promise<string[]> {
  const rows = await db.selectFrom('submissions').select('country').distinct()
    .where('call_id', '=', callId).where('state', '=', 'submitted').where('country', 'is not', null).orderBy('country').execute();
  return rows.map((row) => row.country!).filter(Boolean);
}

export async function replaceTargets(trx: Transaction<DB>, callId: number, targets: { dimension: Dimension; value: string; target: number }[]) {
  await trx.deleteFrom('call_targets').where('call_id', '=', callId).execute();
  if (targets.length) await trx.insertInto('call_targets').values(targets.map((t) => ({ call_id: callId, ...t }))).execute();
}

/** One decision, only if the form's version is the stored one and the decision is not yet released. */
export function updateDecision(trx: Transaction<DB>, callId: number, id: number, decision: Decision | null, version: number) {
  return trx.updateTable('submissions')
    .set({ decision, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id).where('call_id', '=', callId).where('version', '=', version).where('decision_released_at', 'is', null)
    .returning(['id', 'version']).executeTakeFirst();
}

/** The same decision on many submissions: one statement, released decisions left as they are. */
export async function updateDecisions(trx: Transaction<DB>, callId: number, ids: number[], decision: Decision | null): Promise<number> {
  if (!ids.length) return 0;
  const result = await trx.updateTable('submissions')
    .set({ decision, version: sql`version + 1`, updated_at: sql`now()` })
    .where('call_id', '=', callId).where(sql<boolean>`id = ANY(${sql.val(ids)}::int[])`).where('decision_released_at', 'is', null)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function submissionState(db: Db, callId: number, id: number) {
  return db.selectFrom('submissions').select(['id', 'version', 'decision_released_at']).where('id', '=', id).where('call_id', '=', callId).executeTakeFirst();
}

export async function themeNames(db: Db) {
  return db.selectFrom('initiative_themes').select(['slug', 'name']).orderBy('position').execute();
}
