import type { Selectable } from 'kysely';
import type { CallReviewPhasesTable } from '../../db/types.ts';

export type Phase = Selectable<CallReviewPhasesTable>;
export type OthersRule = Phase['others_reviews'];

/**
 * The rules in force at `now`: the open phase's, or — outside every phase — read-only under the
 * rules of the phase that last closed (else the next one), blind and private when there is none.
 */
export interface PhaseState {
  phase: Phase | null;
  open: boolean;
  blind: boolean;
  others: OthersRule;
  /** Why the form is read-only: no phase at all, not yet open, or closed. */
  reason: 'none' | 'not_yet' | 'closed' | null;
  /** The call's IANA zone, in which the phase's dates are shown. */
  timeZone: string;
}

export function phaseAt(phases: Phase[], timeZone: string, now = new Date()): PhaseState {
  const open = phases.find((p) => p.opens_at <= now && now < p.closes_at);
  if (open) return { phase: open, open: true, blind: !open.reviewers_see_names, others: open.others_reviews, reason: null, timeZone };
  const past = phases.filter((p) => p.closes_at <= now).at(-1);
  const next = phases.find((p) => p.opens_at > now);
  const shown = past ?? next ?? null;
  if (!shown) return { phase: null, open: false, blind: true, others: 'never', reason: 'none', timeZone };
  return { phase: shown, open: false, blind: !shown.reviewers_see_names, others: shown.others_reviews, reason: past ? 'closed' : 'not_yet', timeZone };
}

/** Others' reviews are shown never, once the reviewer has sent their own, or always. */
export function showsOthers(rule: OthersRule, ownSent: boolean): boolean {
  return rule === 'always' || (rule === 'after_own' && ownSent);
}
