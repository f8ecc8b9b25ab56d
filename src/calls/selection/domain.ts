import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/types.ts';
import { REGIONS } from '../../places/regions.ts';
import { HttpError } from '../../web/http-error.ts';
import { reviewSummaries, type ReviewSummary } from '../scores.ts';
import type { SelectionFilters } from './filters.ts';
import { acceptedCounts, callTargets, replaceTargets, selectionRows, submissionState, submittedCountries, updateDecision, updateDecisions, type CallRow, type SelectionRow } from './queries.ts';
import type { Decision, Dimension } from './tables.ts';

type Ctx = Pick<AppContext, 'db' | 'pageCache'>;
export const DECISIONS: Decision[] = ['accepted', 'waitlisted', 'rejected'];
export const DIMENSIONS: Dimension[] = ['region', 'country', 'theme', 'language'];

export interface RankedRow extends SelectionRow {
  rank: number | null;
  summary: ReviewSummary | null;
}

/** Mean first, then median; a submission nobody has reviewed yet comes last, unranked. */
export function compareSummaries(a: ReviewSummary | null, b: ReviewSummary | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return b.mean - a.mean || b.median - a.median;
}

/**
 * The ranked table: the rows the facets select, each with its review summary and its rank among
 * all reviewed submissions of the call (so a filtered view still shows the overall rank). Two queries.
 */
export async function rankedSelection(db: Kysely<DB>, callId: number, filters: SelectionFilters): Promise<RankedRow[]> {
  const [rows, summaries] = await Promise.all([selectionRows(db, callId, filters), reviewSummaries(db, callId)]);
  const order = [...summaries.entries()].sort((a, b) => compareSummaries(a[1], b[1]) || a[0] - b[0]);
  const ranks = new Map(order.map(([id], index) => [id, index + 1]));
  const ranked = rows.map((row) => ({ ...row, rank: ranks.get(row.id) ?? null, summary: summaries.get(row.id) ?? null }));
  const inRange = (row: RankedRow) => {
    if (filters.minScore === null && filters.maxScore === null) return true;
    if (!row.summary) return false;
    return (filters.minScore === null || row.summary.mean >= filters.minScore) && (filters.maxScore === null || row.summary.mean <= filters.maxScore);
  };
  return ranked.filter(inRange).sort((a, b) => compareSummaries(a.summary, b.summary) || a.id - b.id);
}

export interface BalanceLine { value: string; accepted: number; target: number | null; gap: number | null }

/** Accepted so far per region, country, theme and language, beside the targets and the gap to them. */
export async function balancePanel(db: Kysely<DB>, call: CallRow): Promise<Record<Dimension, BalanceLine[]>> {
  const [counts, targets, countries] = await Promise.all([acceptedCounts(db, call.id), callTargets(db, call.id), submittedCountries(db, call.id)]);
  const values: Record<Dimension, string[]> = { region: [...REGIONS], country: countries, theme: call.themes, language: call.languages };
  const panel = {} as Record<Dimension, BalanceLine[]>;
  for (const dimension of DIMENSIONS) {
    const known = new Set([...values[dimension], ...counts[dimension].keys(), ...targets.filter((t) => t.dimension === dimension).map((t) => t.value)]);
    panel[dimension] = [...known].map((value) => {
      const accepted = counts[dimension].get(value) ?? 0;
      const target = targets.find((t) => t.dimension === dimension && t.value === value)?.target ?? null;
      return { value, accepted, target, gap: target === null ? null : target - accepted };
    });
  }
  return panel;
}

/** One decision from the row's form; a form older than the row (its version) is a 409, never overwritten. */
export async function decideOne(ctx: Ctx, actorId: number, call: CallRow, input: { id: number; decision: Decision | null; version: number }) {
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateDecision(trx, call.id, input.id, input.decision, input.version);
    if (!updated) {
      const current = await submissionState(trx, call.id, input.id);
      if (!current) throw new HttpError(404, 'error.not_found');
      throw new HttpError(409, current.decision_released_at ? 'selection.error.released' : 'selection.error.stale');
    }
    await recordAudit(trx, { actorId, action: 'calls.selection.decide', entityType: 'submission', entityId: input.id, details: { call: call.slug, decision: input.decision } });
  });
}

/** The same decision on every submission of the filtered set: one UPDATE, one transaction, one audit line. */
export async function decideMany(ctx: Ctx, actorId: number, call: CallRow, filters: SelectionFilters, decision: Decision | null): Promise<number> {
  const ids = (await rankedSelection(ctx.db, call.id, filters)).filter((row) => !row.decision_released_at).map((row) => row.id);
  return ctx.db.transaction().execute(async (trx) => {
    const count = await updateDecisions(trx, call.id, ids, decision);
    await recordAudit(trx, { actorId, action: 'calls.selection.decide_bulk', entityType: 'call', entityId: call.id, details: { call: call.slug, decision, count, filters } });
    return count;
  });
}

export async function saveTargets(ctx: Ctx, actorId: number, call: CallRow, targets: { dimension: Dimension; value: string; target: number }[]) {
  await ctx.db.transaction().execute(async (trx) => {
    await replaceTargets(trx, call.id, targets);
    await recordAudit(trx, { actorId, action: 'calls.selection.targets', entityType: 'call', entityId: call.id, details: { call: call.slug, count: targets.length } });
  });
}
