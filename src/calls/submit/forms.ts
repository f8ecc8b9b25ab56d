import { z } from 'zod';
import { LANGS, type Lang } from '../../i18n/langs.ts';
import { isCountryCode } from '../../places/countries.ts';
import { fields, parseInput, type FieldErrors } from '../../web/forms.ts';
import type { SubmissionPresenter } from '../../db/types.ts';

/** Limits of the form, beside the call's own (attachments, questions). */
export const LIMITS = { title: 300, summary: 5000, organisation: 300, city: 200, presenters: 10, presenterField: 200, links: 5, link: 500 } as const;

export interface Question {
  id: number;
  kind: 'text' | 'choice' | 'number';
  required: boolean;
  max_length: number | null;
  min_value: string | number | null;
  max_value: string | number | null;
  choices: { value: string }[];
}

export interface CallRules {
  languages: string[];
  themes: string[];
  questions: Question[];
}

export const startForm = z.object({
  email: fields.email(),
  source_lang: z.enum(LANGS, { error: 'calls_submit.v.source_lang' }),
});

export interface Draft {
  source_lang: Lang;
  organisation_name: string;
  city: string;
  country: string;
  title: string;
  summary: string;
  themes: string[];
  links: string[];
  presenters: SubmissionPresenter[];
  answers: Record<string, string | number>;
}

type Raw = Record<string, unknown>;
const one = (raw: Raw, name: string): string => String([raw[name]].flat()[0] ?? '').trim();
const many = (raw: Raw, name: string): string[] => (raw[name] === undefined ? [] : [raw[name]].flat().map((value) => String(value ?? '')));

const fixed = z.object({
  organisation_name: fields.text(LIMITS.organisation, false),
  city: fields.text(LIMITS.city, false),
  title: fields.text(LIMITS.title, false),
  summary: fields.text(LIMITS.summary, false),
});

/** The rows of presenters as posted (name, organisation, role side by side), blank rows dropped later. */
export function presenterRows(raw: Raw): SubmissionPresenter[] {
  const names = many(raw, 'presenter_name');
  const organisations = many(raw, 'presenter_organisation');
  const roles = many(raw, 'presenter_role');
  return names.map((name, index) => ({ name: name.trim(), organisation: (organisations[index] ?? '').trim(), role: (roles[index] ?? '').trim() }));
}

/** Moves or removes a presenter as the button pressed asks ("presenter_up_2"); without script, each is a submit button. */
export function applyPresenterIntent(rows: SubmissionPresenter[], intent: string): SubmissionPresenter[] {
  const match = /^presenter_(up|down|remove)_(\d+)$/.exec(intent);
  if (!match) return rows;
  const index = Number(match[2]);
  const result = [...rows];
  if (index >= result.length) return result;
  if (match[1] === 'remove') result.splice(index, 1);
  else {
    const other = match[1] === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= result.length) return result;
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function parseAnswers(raw: Raw, questions: Question[], errors: FieldErrors): Record<string, string | number> {
  const answers: Record<string, string | number> = {};
  for (const question of questions) {
    const name = `q_${question.id}`;
    const value = one(raw, name);
    if (!value) continue;
    if (question.kind === 'text') {
      if (question.max_length && [...value].length > question.max_length) errors[name] = 'calls_submit.v.answer_too_long';
      else answers[question.id] = value;
    } else if (question.kind === 'choice') {
      if (!question.choices.some((choice) => choice.value === value)) errors[name] = 'calls_submit.v.answer_choice';
      else answers[question.id] = value;
    } else {
      const number = /^-?\d+([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : Number.NaN;
      const min = question.min_value === null ? -Infinity : Number(question.min_value);
      const max = question.max_value === null ? Infinity : Number(question.max_value);
      if (!Number.isFinite(number)) errors[name] = 'calls_submit.v.answer_number';
      else if (number < min || number > max) errors[name] = 'calls_submit.v.answer_range';
      else answers[question.id] = number;
    }
  }
  return answers;
}

/**
 * Reads the draft form against the call's rules. Drafts may be incomplete: only what is written is
 * checked here (formats, limits, choices); missingForSubmission adds what submitting requires.
 */
export function parseDraft(raw: Raw, call: CallRules, intent = ''): { draft: Draft; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsed = parseInput(fixed, raw);
  if (!parsed.ok) Object.assign(errors, parsed.fields);
  const base = parsed.ok ? parsed.data : { organisation_name: one(raw, 'organisation_name'), city: one(raw, 'city'), title: one(raw, 'title'), summary: one(raw, 'summary') };
  const sourceLang = one(raw, 'source_lang');
  if (!call.languages.includes(sourceLang)) errors.source_lang = 'calls_submit.v.source_lang';
  const country = one(raw, 'country').toUpperCase();
  if (country && !isCountryCode(country)) errors.country = 'calls_submit.v.country';
  const themes = [...new Set(many(raw, 'themes'))];
  if (themes.some((theme) => !call.themes.includes(theme))) errors.themes = 'calls_submit.v.theme';
  const links = one(raw, 'links').split(/\s*\n\s*/).map((line) => line.trim()).filter(Boolean);
  if (links.length > LIMITS.links) errors.links = 'calls_submit.v.links_count';
  else if (links.some((link) => link.length > LIMITS.link || !isWebLink(link))) errors.links = 'calls_submit.v.link';
  const rows = applyPresenterIntent(presenterRows(raw), intent);
  const presenters = rows.filter((row) => row.name || row.organisation || row.role);
  if (presenters.length > LIMITS.presenters) errors.presenters = 'calls_submit.v.presenters_count';
  else if (presenters.some((row) => !row.name)) errors.presenters = 'calls_submit.v.presenter_name';
  else if (presenters.some((row) => [row.name, row.organisation ?? '', row.role ?? ''].some((text) => text.length > LIMITS.presenterField))) errors.presenters = 'validation.too_long';
  const answers = parseAnswers(raw, call.questions, errors);
  const draft: Draft = { ...base, source_lang: sourceLang as Lang, country, themes, links, presenters, answers };
  return { draft, errors };
}

/** What submitting requires on top of a valid draft, as message keys by field. */
export function missingForSubmission(draft: Draft, call: CallRules): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of ['organisation_name', 'city', 'country', 'title', 'summary'] as const) if (!draft[name]) errors[name] = 'validation.required';
  if (draft.presenters.length === 0) errors.presenters = 'calls_submit.v.presenter_required';
  if (call.themes.length > 0 && draft.themes.length === 0) errors.themes = 'calls_submit.v.theme_required';
  for (const question of call.questions) if (question.required && draft.answers[question.id] === undefined) errors[`q_${question.id}`] = 'calls_submit.v.answer_required';
  return errors;
}

/** The version the form was loaded at: a save from an older one is refused (409), never merged. */
export function versionOf(raw: Raw): number | null {
  const value = one(raw, 'version');
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}
