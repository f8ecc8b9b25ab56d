import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { THEME_SLUGS } from '../search/glossary.ts';
import { fields } from '../web/forms.ts';
import { DOCUMENT_TYPES, type UploadRule } from '../web/uploads.ts';

export const RESOURCE_TYPES = [
  'report', 'policy_paper', 'case_study', 'declaration', 'position_paper', 'presentation',
  'training_material', 'newsletter_issue', 'press_release', 'video', 'photo_gallery',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export const VISIBILITIES = ['public', 'members'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Library files: documents whose text is extracted, and pictures (stored only), checked by content. */
export const LIBRARY_FILE_RULE: UploadRule = { types: [...DOCUMENT_TYPES, 'image/png', 'image/jpeg', 'image/webp'], maxBytes: 20 * 1024 * 1024 };

const optionalSlug = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : ''),
  z.string().max(120, { error: 'validation.too_long' }).regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, { error: 'validation.library_slug' }),
);

/** "2019", "2019-07" or "2019-07-23" → a date with its precision; empty → none. */
const publication = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : ''),
  z
    .string()
    .regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/, { error: 'validation.library_date' })
    .refine((value) => value === '' || !Number.isNaN(Date.parse(`${value}${value.length === 4 ? '-01-01' : value.length === 7 ? '-01' : ''}T00:00:00Z`)) && validDay(value), { error: 'validation.library_date' })
    .transform((value) => {
      if (value === '') return { on: null, precision: 'day' as const };
      if (value.length === 4) return { on: `${value}-01-01`, precision: 'year' as const };
      if (value.length === 7) return { on: `${value}-01`, precision: 'month' as const };
      return { on: value, precision: 'day' as const };
    }),
);

function validDay(value: string): boolean {
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const lines = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value : ''),
    z
      .string()
      .max(max * 201, { error: 'validation.too_long' })
      .transform((value) => [...new Set(value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))])
      .refine((list) => list.length <= max && list.every((line) => line.length <= 200), { error: 'validation.too_long' }),
  );

const url = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : ''),
  z.string().max(500, { error: 'validation.too_long' }).refine((value) => value === '' || /^https?:\/\/[^\s<>"]+$/.test(value), { error: 'validation.library_url' }),
);

const TEXTS = Object.fromEntries(LANGS.flatMap((lang) => [[`title_${lang}`, fields.text(300, false)], [`summary_${lang}`, fields.text(3000, false)]]));

/** The metadata form (create and edit): texts in the four languages, the original one required. */
export const resourceForm = z
  .object({
    slug: optionalSlug,
    type: z.enum(RESOURCE_TYPES, { error: 'validation.choose' }),
    visibility: z.enum(VISIBILITIES, { error: 'validation.choose' }),
    original_lang: z.enum(LANGS, { error: 'validation.choose' }),
    languages: fields.list(z.enum(LANGS, { error: 'validation.choose' })),
    published: publication,
    authors: lines(30),
    publishers: lines(10),
    themes: fields.list(z.enum(THEME_SLUGS as [string, ...string[]], { error: 'validation.choose' })),
    activity: optionalSlug,
    member: optionalSlug,
    initiative: optionalSlug,
    external_url: url,
    ...TEXTS,
  })
  .transform((value) => {
    const record = value as unknown as Record<string, string>;
    const texts = Object.fromEntries(LANGS.map((lang) => [lang, { title: record[`title_${lang}`] ?? '', summary: record[`summary_${lang}`] ?? '' }])) as Record<Lang, { title: string; summary: string }>;
    return {
      slug: value.slug,
      type: value.type,
      visibility: value.visibility,
      originalLang: value.original_lang,
      languages: [...new Set(value.languages)],
      published: value.published,
      authors: value.authors,
      publishers: value.publishers,
      themes: [...new Set(value.themes)],
      activity: value.activity,
      member: value.member,
      initiative: value.initiative,
      externalUrl: value.external_url || null,
      texts,
    };
  });
export type ResourceInput = z.output<typeof resourceForm>;

/**
 * The title in the original language is required. Checked apart from the schema so that it is
 * reported together with the other fields' errors (zod skips object refinements when a field fails).
 */
export function missingTitle(values: Record<string, unknown>, source?: Lang): Record<string, string> {
  const lang = source ?? values.original_lang;
  if (typeof lang !== 'string' || !(LANGS as readonly string[]).includes(lang)) return {};
  const title = values[`title_${lang}`];
  return typeof title === 'string' && title.trim() ? {} : { [`title_${lang}`]: 'validation.required' };
}

export const fileForm = z.object({
  lang: z.preprocess((value) => (value === '' ? undefined : value), z.enum(LANGS, { error: 'validation.choose' }).optional()),
});
