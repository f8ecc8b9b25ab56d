import { zonedToInstant } from '../admin/model.ts';
import { LANGS, isLang, type Lang } from '../../i18n/langs.ts';
import type { FieldErrors } from '../../web/forms.ts';

export type Values = Record<string, string | string[] | undefined>;
export type Result<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

const str = (value: unknown) => (typeof value === 'string' ? value.trim() : Array.isArray(value) ? String(value[0] ?? '').trim() : '');
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map(String);
const done = <T>(errors: FieldErrors, data: T): Result<T> => (Object.keys(errors).length ? { ok: false, errors } : { ok: true, data });
const int = (value: string) => (/^-?\d{1,6}$/.test(value) ? Number(value) : null);

export const DECISIONS = ['accepted', 'waitlisted', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface Category { id: number; required: boolean; min_score: number; max_score: number; weight: number | string }
export interface ReviewInput { scores: Record<string, number>; comment: string | null; decision: Decision | null; version: number; next: boolean }

/** A review: every required category scored, every score a whole number within its bounds. */
export function parseReview(values: Values, categories: Category[]): Result<ReviewInput> {
  const errors: FieldErrors = {};
  const scores: Record<string, number> = {};
  for (const category of categories) {
    const name = `score_${category.id}`;
    const raw = str(values[name]);
    if (raw === '') {
      if (category.required) errors[name] = 'calls_review.error.score_required';
      continue;
    }
    const score = int(raw);
    if (score === null || score < category.min_score || score > category.max_score) errors[name] = 'calls_review.error.score_range';
    else scores[String(category.id)] = score;
  }
  const comment = str(values.comment).replace(/\r\n/g, '\n');
  if (comment.length > 10_000) errors.comment = 'calls_review.error.too_long';
  const decision = str(values.proposed_decision);
  if (decision && !(DECISIONS as readonly string[]).includes(decision)) errors.proposed_decision = 'calls_review.error.decision';
  const version = int(str(values.version));
  if (version === null || version < 0) errors._form = 'calls_review.error.version';
  return done(errors, { scores, comment: comment || null, decision: (decision || null) as Decision | null, version: version ?? 0, next: str(values.next) === '1' });
}

export interface PhaseInput { name: string; opensAt: Date; closesAt: Date; seeNames: boolean; others: 'never' | 'after_own' | 'always' }

/** "2027-03-01" (midnight) or "2027-03-01T09:00", a wall-clock time in the call's zone. */
const date = (value: string, zone: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? zonedToInstant(`${value}T00:00`, zone) : zonedToInstant(value, zone));

/** A phase; dates are read in the call's time zone (the form names it), as the call's own dates. */
export function parsePhase(values: Values, zone: string): Result<PhaseInput> {
  const errors: FieldErrors = {};
  const name = str(values.name);
  if (!name) errors.name = 'validation.required';
  else if (name.length > 200) errors.name = 'validation.too_long';
  const opensAt = date(str(values.opens_at), zone);
  const closesAt = date(str(values.closes_at), zone);
  if (!opensAt) errors.opens_at = 'calls_review.error.date';
  if (!closesAt) errors.closes_at = 'calls_review.error.date';
  else if (opensAt && closesAt <= opensAt) errors.closes_at = 'calls_review.error.closes_before';
  const others = str(values.others_reviews);
  if (!['never', 'after_own', 'always'].includes(others)) errors.others_reviews = 'validation.invalid';
  return done(errors, { name, opensAt: opensAt!, closesAt: closesAt!, seeNames: str(values.see_names) === '1', others: others as PhaseInput['others'] });
}

export interface CategoryInput { source: Lang; labels: Record<Lang, string>; weight: number; required: boolean; min: number; max: number }

export function parseCategory(values: Values): Result<CategoryInput> {
  const errors: FieldErrors = {};
  const source = isLang(values.source) ? values.source : 'en';
  const labels = Object.fromEntries(LANGS.map((l) => [l, str(values[`label_${l}`])])) as Record<Lang, string>;
  if (!labels[source]) errors[`label_${source}`] = 'validation.required';
  for (const l of LANGS) if (labels[l].length > 300) errors[`label_${l}`] = 'validation.too_long';
  const weight = Number(str(values.weight));
  if (!(weight > 0 && weight <= 100)) errors.weight = 'calls_review.error.weight';
  const min = int(str(values.min_score));
  const max = int(str(values.max_score));
  if (min === null) errors.min_score = 'validation.invalid';
  if (max === null) errors.max_score = 'validation.invalid';
  else if (min !== null && max <= min) errors.max_score = 'calls_review.error.max_below_min';
  return done(errors, { source, labels, weight, required: str(values.required) === '1', min: min ?? 0, max: max ?? 0 });
}

export interface InviteInput {
  email: string; name: string; lang: Lang; languages: Lang[]; cap: number;
  organisation: string | null; city: string | null; country: string | null;
  conflictOrganisations: string[]; conflictSubmissions: number[];
}

export function parseInvite(values: Values): Result<InviteInput> {
  const errors: FieldErrors = {};
  const email = str(values.email).toLowerCase();
  if (!email) errors.email = 'validation.required';
  else if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'validation.email';
  const name = str(values.name);
  if (name.length > 200) errors.name = 'validation.too_long';
  const languages = list(values.languages).filter(isLang) as Lang[];
  if (languages.length === 0) errors.languages = 'calls_review.error.languages';
  const cap = int(str(values.cap));
  if (cap === null || cap < 0 || cap > 10_000) errors.cap = 'calls_review.error.cap';
  const country = str(values.country).toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) errors.country = 'validation.invalid';
  const lines = (value: unknown) => str(value).split(/[\n,;]/).map((s) => s.trim()).filter(Boolean);
  const conflictOrganisations = lines(values.conflict_organisations).map((s) => s.toLowerCase());
  const rawSubmissions = lines(values.conflict_submissions);
  const conflictSubmissions = rawSubmissions.map((s) => int(s.replace(/^#/, '')));
  if (conflictSubmissions.some((n) => n === null || n <= 0)) errors.conflict_submissions = 'calls_review.error.submission_numbers';
  const organisation = str(values.organisation);
  const city = str(values.city);
  if (organisation.length > 300 || city.length > 200 || conflictOrganisations.length > 100 || rawSubmissions.length > 1000) errors._form = 'validation.too_long';
  const lang = isLang(values.lang) ? values.lang : 'en';
  return done(errors, {
    email, name: name || email.split('@')[0]!, lang, languages, cap: cap ?? 0,
    organisation: organisation || null, city: city || null, country: country || null,
    conflictOrganisations, conflictSubmissions: conflictSubmissions as number[],
  });
}

export function parseAssignment(values: Values): Result<{ submissionId: number; reviewerId: number }> {
  const submissionId = int(str(values.submission_id).replace(/^#/, ''));
  const reviewerId = int(str(values.reviewer_id));
  const errors: FieldErrors = {};
  if (submissionId === null || submissionId <= 0) errors.submission_id = 'calls_review.error.submission_numbers';
  if (reviewerId === null || reviewerId <= 0) errors.reviewer_id = 'validation.required';
  return done(errors, { submissionId: submissionId ?? 0, reviewerId: reviewerId ?? 0 });
}

export function parseAutoAssign(values: Values): Result<{ perSubmission: number }> {
  const n = int(str(values.per_submission));
  if (n === null || n < 1 || n > 20) return { ok: false, errors: { per_submission: 'calls_review.error.per_submission' } };
  return { ok: true, data: { perSubmission: n } };
}
