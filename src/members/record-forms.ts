import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { resolveCountry } from '../places/countries.ts';
import { fields } from '../web/forms.ts';
import type { UploadRule } from '../web/uploads.ts';
import { MEMBER_CATEGORIES, MEMBER_KINDS } from './domain.ts';
import { HISTORY_STATUSES, type ExistingMember, type HistoryStep, type MemberRecordInput } from './records.ts';

const blankAsUndefined = (value: unknown) => (value === '' || value === undefined || value === null ? undefined : typeof value === 'string' ? value.trim() : value);
const website = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : ''),
  z.union([z.literal(''), z.string().max(500, { error: 'validation.too_long' }).regex(/^https?:\/\/[^\s]+$/, { error: 'validation.url' })]),
);
const optionalEmail = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : ''),
  z.union([z.literal(''), z.string().max(254, { error: 'validation.too_long' }).pipe(z.email({ error: 'validation.email' }))]),
);
/**
 * A country as an ISO code or its name in any of the four languages; blank for an international
 * network, which has none (an unknown name is refused, never guessed).
 */
const country = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() ? (resolveCountry(value.trim()) ?? '?') : ''),
  z.string().refine((value) => value !== '?', { error: 'validation.country' }),
);
const coordinate = (limit: number) =>
  z.preprocess(
    (value) => blankAsUndefined(typeof value === 'string' ? value.replace(',', '.') : value),
    z.coerce.number({ error: 'validation.record_coordinate' }).min(-limit, { error: 'validation.record_coordinate' }).max(limit, { error: 'validation.record_coordinate' }).optional(),
  );
const day = z.iso.date({ error: 'validation.date' });

/** What an existing member is entered with, from the form or a CSV row (same names, same messages). */
const existingShape = {
  name: fields.text(200),
  name_lang: z.enum(LANGS, { error: 'validation.choose' }),
  kind: z.enum(MEMBER_KINDS, { error: 'validation.choose' }),
  category: z.enum(MEMBER_CATEGORIES, { error: 'validation.choose' }),
  city: fields.text(120, false),
  country,
  website,
  latitude: coordinate(90),
  longitude: coordinate(180),
  joined_on: day,
};

const coordinatesTogether = (value: { latitude?: number; longitude?: number }) => (value.latitude === undefined) === (value.longitude === undefined);

function toExisting(value: z.output<z.ZodObject<typeof existingShape>>, history: HistoryStep[]): ExistingMember {
  return {
    name: value.name, lang: value.name_lang, kind: value.kind, category: value.category, city: value.city, country: value.country,
    website: value.website, latitude: value.latitude ?? null, longitude: value.longitude ?? null, joinedOn: value.joined_on, history,
  };
}

/**
 * The status history as typed: one step a line, "YYYY-MM-DD status reason" (status in its code:
 * active, suspended, withdrawn, disqualified), days in order and not before the joining day.
 */
export function parseHistory(text: string, joinedOn: string): HistoryStep[] | null {
  const steps: HistoryStep[] = [];
  let previous = joinedOn;
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const match = /^(\d{4}-\d{2}-\d{2})\s+([a-z]+)\s*(.*)$/.exec(line);
    if (!match || !day.safeParse(match[1]).success || !(HISTORY_STATUSES as readonly string[]).includes(match[2]!) || match[1]! < previous) return null;
    steps.push({ on: match[1]!, status: match[2] as HistoryStep['status'], reason: match[3]!.slice(0, 2000) });
    previous = match[1]!;
  }
  return steps;
}

/** The back-office form adding one existing member. */
export const newMemberForm = z
  .object({ ...existingShape, history: fields.text(10_000, false) })
  .refine(coordinatesTogether, { path: ['latitude'], error: 'validation.record_coordinates_pair' })
  .superRefine((value, issues) => {
    if (parseHistory(value.history, value.joined_on) === null) issues.addIssue({ code: 'custom', path: ['history'], message: 'validation.record_history' });
  })
  .transform((value) => toExisting(value, parseHistory(value.history, value.joined_on)!));

/**
 * One CSV row: the same fields, and the status it ended with (`status`, from `status_on`) instead
 * of a history. Blank status: active.
 */
export const importRowForm = z
  .object({
    ...existingShape,
    name_lang: z.preprocess((value) => blankAsUndefined(value) ?? 'en', existingShape.name_lang),
    status: z.preprocess((value) => blankAsUndefined(value) ?? 'active', z.enum(HISTORY_STATUSES, { error: 'validation.choose' })),
    status_on: z.preprocess(blankAsUndefined, day.optional()),
  })
  .refine(coordinatesTogether, { path: ['latitude'], error: 'validation.record_coordinates_pair' })
  .refine((value) => value.status === 'active' || value.status_on !== undefined, { path: ['status_on'], error: 'validation.record_status_on' })
  .refine((value) => value.status_on === undefined || value.status_on >= value.joined_on, { path: ['status_on'], error: 'validation.record_status_order' })
  .transform((value) => toExisting(value, value.status === 'active' ? [] : [{ on: value.status_on!, status: value.status, reason: '' }]));

/** Every field of a member and of its organisation. */
export const recordForm = z
  .object({
    ...Object.fromEntries(LANGS.flatMap((lang) => [[`name_${lang}`, fields.text(200, false)], [`description_${lang}`, fields.text(3000, false)]])),
    kind: existingShape.kind,
    category: existingShape.category,
    city: existingShape.city,
    country,
    website,
    latitude: existingShape.latitude,
    longitude: existingShape.longitude,
    focal_name: fields.text(200, false),
    focal_email: optionalEmail,
    focal_phone: fields.text(50, false),
    head_name: fields.text(200, false),
    head_title: fields.text(200, false),
    general_email: optionalEmail,
  })
  .refine(coordinatesTogether, { path: ['latitude'], error: 'validation.record_coordinates_pair' })
  .transform((value): MemberRecordInput => {
    const texts = (prefix: string) => Object.fromEntries(LANGS.map((lang) => [lang, String(value[`${prefix}_${lang}` as keyof typeof value] ?? '')])) as Record<Lang, string>;
    return {
      names: texts('name'), descriptions: texts('description'), kind: value.kind, category: value.category, city: value.city, country: value.country,
      website: value.website, latitude: value.latitude ?? null, longitude: value.longitude ?? null,
      contacts: {
        focal: { name: value.focal_name, email: value.focal_email, phone: value.focal_phone },
        head: { name: value.head_name, title: value.head_title },
        general: { email: value.general_email },
      },
    };
  });

const slug = z.string({ error: 'validation.choose' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'validation.choose' }).max(200, { error: 'validation.choose' });
export const mergeForm = z.object({ kept: slug, duplicate: slug }).refine((value) => value.kept !== value.duplicate, { path: ['duplicate'], error: 'validation.record_merge_same' });

export const importForm = z.object({ intent: z.enum(['dry_run', 'import'], { error: 'validation.choose' }) });
/** A members CSV: UTF-8 text, at most 1 MB (the whole network is a few kilobytes). */
export const IMPORT_RULE: UploadRule = { types: ['text/plain'], maxBytes: 1024 * 1024 };

/** The secretariat invites a member's contact. */
export const inviteForm = z.object({ email: fields.email(), name: fields.text(200), lang: z.enum(LANGS, { error: 'validation.choose' }) });

/** A contact's edit of its member: the description in one language, the website, the focal point. */
export const ownEditForm = z.object({
  description: fields.text(3000, false),
  description_lang: z.enum(LANGS, { error: 'validation.choose' }),
  website,
  focal_name: fields.text(200, false),
  focal_email: optionalEmail,
  focal_phone: fields.text(50, false),
});

export const changeDecisionForm = z.object({ decision: z.enum(['publish', 'reject'], { error: 'validation.choose' }) });
export const reviewSettingForm = z.object({ review: z.enum(['yes', 'no'], { error: 'validation.choose' }) });
