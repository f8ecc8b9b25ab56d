import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { isCountryCode, resolveCountry } from '../places/countries.ts';
import { fields } from '../web/forms.ts';
import { isIsoDay, PRECISIONS, storedDate } from './dates.ts';
import { ACTIVITY_TYPES, FORMATS } from './domain.ts';

/** Registration for an event: the same shape for the HTML form and any future API. */
export const registrationForm = z.object({
  name: fields.text(200),
  email: fields.email(),
  organisation: fields.text(200, false),
});

const optionalInt = (max: number) =>
  z.preprocess(
    (value) => (value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? null : typeof value === 'string' ? value.trim() : value),
    z.coerce.number({ error: 'validation.act_number' }).int({ error: 'validation.act_number' }).min(0, { error: 'validation.act_number' }).max(max, { error: 'validation.act_number' }).nullable(),
  );

const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/**
 * An activity as an editor writes it. Dates are YYYY-MM-DD, YYYY-MM with month precision or YYYY
 * with year precision; a date that does not exist, a date more precise than its precision (a day
 * with year precision: refused rather than silently cut) or an end before the start is refused
 * next to the field.
 */
export const activityForm = z
  .object({
    slug: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(100, { error: 'validation.too_long' }).regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, { error: 'validation.act_slug' })),
    type: z.enum(ACTIVITY_TYPES, { error: 'validation.invalid' }),
    title: fields.text(300),
    summary: fields.text(2000),
    start: fields.text(10),
    end: fields.text(10, false),
    precision: z.enum(PRECISIONS, { error: 'validation.invalid' }).default('day'),
    tentative: checkbox,
    format: z.enum(FORMATS, { error: 'validation.invalid' }).default('in-person'),
    city: fields.text(200, false),
    country: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : ''), z.string().refine((v) => v === '' || isCountryCode(v), { error: 'validation.act_country' })),
    venue: fields.text(300, false),
    participants: optionalInt(1_000_000),
    registration_open: checkbox,
    capacity: optionalInt(100_000),
    waiting_list: checkbox,
    registration_closes: fields.text(10, false),
    series: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(100, { error: 'validation.too_long' }).regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, { error: 'validation.act_series' })),
    edition: optionalInt(1000),
  })
  .superRefine((input, issues) => {
    if (input.edition !== null && !input.series) issues.addIssue({ code: 'custom', path: ['edition'], message: 'validation.act_edition_series' });
    if (input.edition === 0) issues.addIssue({ code: 'custom', path: ['edition'], message: 'validation.act_number' });
    const start = storedDate(input.start, input.precision);
    const end = input.end ? storedDate(input.end, input.precision) : start;
    const message = input.precision === 'month' ? 'validation.act_month' : input.precision === 'year' ? 'validation.act_year' : 'validation.act_date';
    if (!start) issues.addIssue({ code: 'custom', path: ['start'], message });
    if (input.end && !end) issues.addIssue({ code: 'custom', path: ['end'], message });
    if (start && end && end < start) issues.addIssue({ code: 'custom', path: ['end'], message: 'validation.act_end_before_start' });
    if (input.registration_closes && !isIsoDay(input.registration_closes)) issues.addIssue({ code: 'custom', path: ['registration_closes'], message: 'validation.act_date' });
    // Registration needs a date people can plan for; a year-only event has none (and no .ics to send).
    if (input.precision === 'year' && input.registration_open) issues.addIssue({ code: 'custom', path: ['precision'], message: 'validation.act_year_registration' });
    if (input.capacity === 0) issues.addIssue({ code: 'custom', path: ['capacity'], message: 'validation.act_number' });
  })
  .transform((input) => ({
    ...input,
    start_date: storedDate(input.start, input.precision)!,
    end_date: input.end ? storedDate(input.end, input.precision)! : storedDate(input.start, input.precision)!,
  }));

export type ActivityInput = z.output<typeof activityForm>;

export const TEXT_FIELDS = ['title', 'summary', 'body'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
const TEXT_LIMITS: Record<TextField, number> = { title: 300, summary: 2000, body: 20_000 };

export interface LangTexts {
  title: string;
  summary: string;
  body: string;
  /** For a translation: what the editor says it is. `outdated` keeps an untouched outdated translation as it is. */
  status: 'human' | 'machine' | 'outdated';
}

/**
 * Title, summary and body in every language at once (fields `title_fr`, `summary_fr`, …, `status_fr`).
 * The original language needs a title and a summary; a translation may be partial or empty (empty
 * removes it); a translated body needs an original body.
 */
export function textsForm(source: Lang) {
  const shape: Record<string, z.ZodType> = {};
  for (const lang of LANGS) {
    for (const field of TEXT_FIELDS) shape[`${field}_${lang}`] = fields.text(TEXT_LIMITS[field], lang === source && field !== 'body');
    if (lang !== source) shape[`status_${lang}`] = z.enum(['human', 'machine', 'outdated'], { error: 'validation.invalid' }).default('human');
  }
  return z
    .object(shape)
    .superRefine((input, issues) => {
      for (const lang of LANGS) {
        if (lang !== source && input[`body_${lang}`] && !input[`body_${source}`]) issues.addIssue({ code: 'custom', path: [`body_${lang}`], message: 'validation.act_body_original' });
      }
    })
    .transform((input) => {
      const texts = {} as Record<Lang, LangTexts>;
      for (const lang of LANGS) {
        texts[lang] = {
          title: input[`title_${lang}`] as string,
          summary: input[`summary_${lang}`] as string,
          body: input[`body_${lang}`] as string,
          status: lang === source ? 'human' : (input[`status_${lang}`] as LangTexts['status']),
        };
      }
      return texts;
    });
}

/** An organiser or partner added by name, city and country (a code or a name in any of the four languages). */
export const organisationForm = z.object({
  name: fields.text(300),
  city: fields.text(200, false),
  country: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().max(100, { error: 'validation.too_long' }).transform((v, issue) => {
      if (v === '') return '';
      const code = isCountryCode(v.toUpperCase()) ? v.toUpperCase() : resolveCountry(v);
      if (!code) {
        issue.addIssue({ code: 'custom', message: 'validation.act_country_name' });
        return z.NEVER;
      }
      return code;
    }),
  ),
  role: z.enum(['organiser', 'partner'], { error: 'validation.invalid' }),
});

export type OrganisationFormInput = z.output<typeof organisationForm>;
