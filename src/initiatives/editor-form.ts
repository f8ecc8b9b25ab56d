import { z } from 'zod';
import type { InitiativePresenter } from '../db/types.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { isCountryCode } from '../places/countries.ts';
import { fields, type FieldErrors } from '../web/forms.ts';
import { EVENT_SLUG } from './codes.ts';
import { THEME_SLUGS } from './themes.ts';

/**
 * The back-office form of one initiative: every field the archive shows. Presenters come as
 * numbered rows (presenter_name_0, presenter_role_0, …) so that rows can be added and removed
 * without JavaScript; a row left blank, or ticked "remove", is dropped.
 */
export type Values = Record<string, string | string[] | undefined>;
export const KINDS = ['initiative', 'thematic_workshop'] as const;
export const PRESENTER_FIELDS = ['name', 'role', 'organisation', 'url'] as const;
const MAX_PRESENTERS = 40;

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const isUrl = (value: string) => /^https?:\/\/[^\s<>"]+$/.test(value) && value.length <= 500;

const optionalSlug = z.preprocess(trimmed, z.string().max(120, { error: 'validation.too_long' }).regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, { error: 'validation.initiative_slug' }));

const coordinate = (limit: number, key: string) =>
  z.preprocess(trimmed, z.string().max(30, { error: key })
    .refine((value) => value === '' || (/^-?\d{1,3}(?:[.,]\d+)?$/.test(value) && Math.abs(Number(value.replace(',', '.'))) <= limit), { error: key })
    .transform((value) => (value === '' ? null : Number(value.replace(',', '.')))));

const links = z.preprocess(
  (value) => (typeof value === 'string' ? value : ''),
  z.string().max(20 * 501, { error: 'validation.too_long' })
    .transform((value) => [...new Set(value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))])
    .refine((list) => list.length <= 20 && list.every(isUrl), { error: 'validation.initiative_links' }),
);

const TEXTS = Object.fromEntries(LANGS.flatMap((lang) => [[`title_${lang}`, fields.text(300, false)], [`summary_${lang}`, fields.text(6000, false)]]));

const schema = z.object({
  event: z.preprocess(trimmed, z.string().max(100, { error: 'validation.initiative_event' }).regex(EVENT_SLUG, { error: 'validation.initiative_event' })),
  slug: optionalSlug,
  code: z.preprocess(trimmed, z.string().regex(/^\d{1,4}(?:\.\d{1,4}){1,2}$/, { error: 'validation.initiative_code' })),
  kind: z.enum(KINDS, { error: 'validation.choose' }),
  original_lang: z.enum(LANGS, { error: 'validation.choose' }),
  organisation: fields.text(300, false),
  city: fields.text(120, false),
  subregion: fields.text(120, false),
  country: z.preprocess((value) => trimmed(value).toUpperCase(), z.string().refine((value) => value === '' || isCountryCode(value), { error: 'validation.initiative_country' })),
  latitude: coordinate(90, 'validation.initiative_latitude'),
  longitude: coordinate(180, 'validation.initiative_longitude'),
  workshop: z.preprocess(trimmed, z.string().regex(/^(?:\d{1,9})?$/, { error: 'validation.choose' }).transform((value) => (value ? Number(value) : null))),
  themes: fields.list(z.enum(THEME_SLUGS as [string, ...string[]], { error: 'validation.choose' })),
  links,
  ...TEXTS,
});

export interface InitiativeInput {
  event: string;
  slug: string;
  code: string;
  kind: (typeof KINDS)[number];
  originalLang: Lang;
  texts: Record<Lang, { title: string; summary: string }>;
  organisation: string;
  city: string | null;
  subregion: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  workshopId: number | null;
  themes: string[];
  links: string[];
  presenters: InitiativePresenter[];
}

/** Row numbers present in the posted form, in order. */
export function presenterRows(values: Values): number[] {
  const rows = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = key.match(/^presenter_(?:name|role|organisation|url)_(\d{1,2})$/);
    if (match) rows.add(Number(match[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

function readPresenters(values: Values, errors: FieldErrors): InitiativePresenter[] {
  const presenters: InitiativePresenter[] = [];
  for (const row of presenterRows(values)) {
    if (values[`presenter_remove_${row}`]) continue;
    const get = (field: string) => trimmed([values[`presenter_${field}_${row}`]].flat()[0]);
    const [name, role, organisation, url] = PRESENTER_FIELDS.map(get) as [string, string, string, string];
    if (!name && !role && !organisation && !url) continue;
    if (!name) errors[`presenter_name_${row}`] = 'validation.required';
    else if (name.length > 120) errors[`presenter_name_${row}`] = 'validation.too_long';
    if (role.length > 300) errors[`presenter_role_${row}`] = 'validation.too_long';
    if (organisation.length > 300) errors[`presenter_organisation_${row}`] = 'validation.too_long';
    if (url && !isUrl(url)) errors[`presenter_url_${row}`] = 'validation.initiative_url';
    presenters.push({ name, role: role || null, organisation: organisation || null, url: url || null });
  }
  if (presenters.length > MAX_PRESENTERS) errors.presenter_name_0 ??= 'validation.too_long';
  return presenters;
}

/**
 * Reads the posted form. All problems are gathered at once (zod's, the presenters', the original
 * title, coordinates given by halves) so the page names every field to fix in one answer.
 */
export function parseInitiativeForm(values: Values, fixedSource?: Lang): { ok: true; data: InitiativeInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length ? String(issue.path[0]) : '_form';
      errors[field] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
    }
  }
  const presenters = readPresenters(values, errors);
  const posted = trimmed(values.original_lang);
  const source = fixedSource ?? ((LANGS as readonly string[]).includes(posted) ? (posted as Lang) : null);
  if (source && !trimmed(values[`title_${source}`])) errors[`title_${source}`] = 'validation.required';
  if (parsed.success && (parsed.data.latitude === null) !== (parsed.data.longitude === null)) {
    errors[parsed.data.latitude === null ? 'latitude' : 'longitude'] = 'validation.initiative_both_coordinates';
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  const data = parsed.data;
  const record = data as unknown as Record<string, string>;
  const texts = Object.fromEntries(LANGS.map((lang) => [lang, { title: record[`title_${lang}`] ?? '', summary: record[`summary_${lang}`] ?? '' }])) as InitiativeInput['texts'];
  return {
    ok: true,
    data: {
      event: data.event,
      slug: data.slug,
      code: data.code,
      kind: data.kind,
      originalLang: fixedSource ?? data.original_lang,
      texts,
      organisation: data.organisation,
      city: data.city || null,
      subregion: data.subregion || null,
      country: data.country || null,
      latitude: data.latitude,
      longitude: data.longitude,
      workshopId: data.workshop,
      themes: [...new Set(data.themes)],
      links: data.links,
      presenters,
    },
  };
}
