import { LANGS, isLang, type Lang } from '../../i18n/langs.ts';
import type { FieldErrors } from '../../web/forms.ts';
import { slugify } from '../../web/slug.ts';
import { ATTACHMENT_KIND_NAMES, ATTACHMENT_KINDS, isTimeZone, MAX_ATTACHMENT_MB, MAX_ATTACHMENTS, QUESTION_KINDS, zonedToInstant, type AttachmentKind, type QuestionKind } from './model.ts';

/**
 * The call form (create and edit), read by hand rather than with a schema: its questions are a
 * variable list of numbered fields (q0_kind, q0_label_fr…), and every problem is reported at once
 * against its own field, as a message key of calls.json.
 */
export type CallValues = Record<string, string | string[] | undefined>;
export const LIMITS = { title: 300, body: 20_000, label: 2000, choice: 200, choices: 30, questions: 30, maxLength: 100_000 } as const;
/** How many question slots the form carries: the stored ones plus one blank to add a question. */
export const QUESTION_SLOTS = LIMITS.questions;

export interface QuestionInput {
  id: number | null;
  position: number;
  kind: QuestionKind;
  labels: Record<Lang, string>;
  required: boolean;
  maxLength: number | null;
  min: number | null;
  max: number | null;
  /** Each choice's value (stable slug of its original label) and its label in each language. */
  choices: { value: string; labels: Record<Lang, string> }[];
}

export interface CallInput {
  slug: string;
  source: Lang;
  titles: Record<Lang, string>;
  bodies: Record<Lang, string>;
  forum: string;
  eventSlug: string;
  themes: string[];
  opensAt: Date | null;
  closesAt: Date | null;
  timeZone: string;
  languages: Lang[];
  attachmentTypes: string[];
  attachmentMaxBytes: number;
  maxAttachments: number;
  receivedReported: number | null;
  questions: QuestionInput[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const one = (value: unknown) => (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').replace(/\r\n/g, '\n').trim();
const many = (value: unknown) => [...new Set((Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => String(v).trim()).filter(Boolean))];
const LINE_BREAK = /[\r\n\u2028\u2029\0]/;
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** An integer in [min, max], '' → null; anything else is the field's error. */
function integer(text: string, min: number, max: number): number | null | 'bad' {
  if (text === '') return null;
  if (!/^-?\d{1,12}$/.test(text)) return 'bad';
  const n = Number(text);
  return n < min || n > max ? 'bad' : n;
}

function number(text: string): number | null | 'bad' {
  if (text === '') return null;
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(text) ? Number(text) : 'bad';
}

function texts(values: CallValues, prefix: string): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, one(values[`${prefix}_${lang}`])])) as Record<Lang, string>;
}

function readTexts(values: CallValues, source: Lang, errors: FieldErrors) {
  const titles = texts(values, 'title');
  const bodies = texts(values, 'body');
  for (const lang of LANGS) {
    if (titles[lang].length > LIMITS.title) errors[`title_${lang}`] = 'validation.too_long';
    else if (LINE_BREAK.test(titles[lang])) errors[`title_${lang}`] = 'calls.error.line_break';
    if (bodies[lang].length > LIMITS.body) errors[`body_${lang}`] = 'validation.too_long';
  }
  if (!titles[source]) errors[`title_${source}`] = 'validation.required';
  return { titles, bodies };
}

function readDates(values: CallValues, errors: FieldErrors) {
  const timeZone = one(values.time_zone) || 'UTC';
  if (!isTimeZone(timeZone)) {
    errors.time_zone = 'calls.error.time_zone';
    return { timeZone, opensAt: null, closesAt: null };
  }
  const at = (name: 'opens_at' | 'closes_at') => {
    const text = one(values[name]);
    if (!text) return null;
    const instant = zonedToInstant(text, timeZone);
    if (!instant) errors[name] = 'calls.error.date';
    return instant;
  };
  const opensAt = at('opens_at');
  const closesAt = at('closes_at');
  if (opensAt && closesAt && closesAt <= opensAt) errors.closes_at = 'calls.error.closes_before_opens';
  return { timeZone, opensAt, closesAt };
}

function readAttachments(values: CallValues, errors: FieldErrors) {
  const kinds = many(values.attachment_kinds);
  if (kinds.some((kind) => !(ATTACHMENT_KIND_NAMES as string[]).includes(kind))) errors.attachment_kinds = 'calls.error.attachment_kind';
  const mb = integer(one(values.attachment_max_mb) || '5', 1, MAX_ATTACHMENT_MB);
  if (mb === 'bad' || mb === null) errors.attachment_max_mb = 'calls.error.attachment_size';
  const count = integer(one(values.max_attachments) || '0', 0, MAX_ATTACHMENTS);
  if (count === 'bad' || count === null) errors.max_attachments = 'calls.error.attachment_count';
  return {
    attachmentTypes: kinds.filter((kind): kind is AttachmentKind => kind in ATTACHMENT_KINDS).map((kind) => ATTACHMENT_KINDS[kind]),
    attachmentMaxBytes: typeof mb === 'number' ? mb * 1024 * 1024 : 0,
    maxAttachments: typeof count === 'number' ? count : 0,
  };
}

/** One numbered question slot; null when the slot is blank (no kind chosen) or asked to be removed. */
function readQuestion(values: CallValues, i: number, source: Lang, errors: FieldErrors): QuestionInput | null {
  const p = `q${i}_`;
  const kind = one(values[`${p}kind`]);
  if (!kind || one(values[`${p}remove`])) return null;
  if (!(QUESTION_KINDS as readonly string[]).includes(kind)) {
    errors[`${p}kind`] = 'calls.error.question_kind';
    return null;
  }
  const idText = one(values[`${p}id`]);
  const position = integer(one(values[`${p}position`]) || String(i + 1), 1, 1000);
  if (position === 'bad' || position === null) errors[`${p}position`] = 'calls.error.position';
  const labels = texts(values, `${p}label`);
  for (const lang of LANGS) if (labels[lang].length > LIMITS.label) errors[`${p}label_${lang}`] = 'validation.too_long';
  if (!labels[source]) errors[`${p}label_${source}`] = 'validation.required';
  const question: QuestionInput = {
    id: /^\d{1,9}$/.test(idText) ? Number(idText) : null,
    position: typeof position === 'number' ? position : i + 1,
    kind: kind as QuestionKind,
    labels,
    required: Boolean(one(values[`${p}required`])),
    maxLength: null,
    min: null,
    max: null,
    choices: [],
  };
  if (kind === 'text') {
    const max = integer(one(values[`${p}max_length`]) || '2000', 1, LIMITS.maxLength);
    if (max === 'bad') errors[`${p}max_length`] = 'calls.error.max_length';
    else question.maxLength = max;
  }
  if (kind === 'number') readBounds(values, p, question, errors);
  if (kind === 'choice') question.choices = readChoices(values, p, source, errors);
  return question;
}

function readBounds(values: CallValues, p: string, question: QuestionInput, errors: FieldErrors) {
  const min = number(one(values[`${p}min`]));
  const max = number(one(values[`${p}max`]));
  if (min === 'bad') errors[`${p}min`] = 'calls.error.number';
  if (max === 'bad') errors[`${p}max`] = 'calls.error.number';
  if (typeof min === 'number' && typeof max === 'number' && max < min) errors[`${p}max`] = 'calls.error.min_max';
  question.min = typeof min === 'number' ? min : null;
  question.max = typeof max === 'number' ? max : null;
}

/** Choices one per line in each language, line n of a translation translating line n of the original. */
function readChoices(values: CallValues, p: string, source: Lang, errors: FieldErrors) {
  const perLang = Object.fromEntries(LANGS.map((lang) => [lang, lines(one(values[`${p}choices_${lang}`]))])) as Record<Lang, string[]>;
  const originals = perLang[source];
  const name = `${p}choices_${source}`;
  if (originals.length < 2) errors[name] = 'calls.error.choices_few';
  else if (originals.length > LIMITS.choices || LANGS.some((lang) => perLang[lang].some((line) => line.length > LIMITS.choice))) errors[name] = 'calls.error.choices_many';
  for (const lang of LANGS) {
    if (lang !== source && perLang[lang].length > 0 && perLang[lang].length !== originals.length) errors[`${p}choices_${lang}`] = 'calls.error.choices_count';
  }
  const seen = new Set<string>();
  return originals.map((line, n) => {
    let value = slugify(line);
    while (seen.has(value)) value = `${value}-${n + 1}`;
    seen.add(value);
    return { value, labels: Object.fromEntries(LANGS.map((lang) => [lang, perLang[lang][n] ?? ''])) as Record<Lang, string> };
  });
}

export function parseCallForm(values: CallValues, fixedSource?: Lang): { ok: true; data: CallInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const chosen = one(values.original_lang);
  if (!fixedSource && !isLang(chosen)) errors.original_lang = 'calls.error.choose';
  const source: Lang = fixedSource ?? (isLang(chosen) ? chosen : 'en');
  const slug = one(values.slug);
  if (slug && (!SLUG.test(slug) || slug.length > 100)) errors.slug = 'calls.error.slug';
  const forum = one(values.forum);
  if (!forum) errors.forum = 'calls.error.forum';
  const eventSlug = one(values.event_slug);
  if (!eventSlug) errors.event_slug = 'validation.required';
  else if (!SLUG.test(eventSlug) || eventSlug.length > 100) errors.event_slug = 'calls.error.slug';
  const languages = many(values.languages);
  if (languages.length === 0) errors.languages = 'calls.error.languages';
  else if (!languages.every(isLang)) errors.languages = 'calls.error.choose';
  const reported = integer(one(values.received_count_reported), 0, 1_000_000);
  if (reported === 'bad') errors.received_count_reported = 'calls.error.number';
  const themes = many(values.themes);
  if (themes.length > 50 || themes.some((theme) => !SLUG.test(theme))) errors.themes = 'calls.error.unknown_theme';
  const { titles, bodies } = readTexts(values, source, errors);
  const dates = readDates(values, errors);
  const attachments = readAttachments(values, errors);
  const questions: QuestionInput[] = [];
  for (let i = 0; i < QUESTION_SLOTS; i++) {
    const question = readQuestion(values, i, source, errors);
    if (question) questions.push(question);
  }
  // Equal positions keep the form's order; the stored positions are then 1, 2, 3…
  questions.sort((a, b) => a.position - b.position);
  questions.forEach((question, n) => (question.position = n + 1));
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      slug, source, titles, bodies, forum, eventSlug, themes, ...dates, ...attachments,
      languages: languages as Lang[],
      receivedReported: typeof reported === 'number' ? reported : null,
      questions,
    },
  };
}
