import { z } from 'zod';
import { isIsoDay } from '../activities/dates.ts';
import { LANGS } from '../i18n/langs.ts';
import { fields } from '../web/forms.ts';
import { SECTION_KINDS } from './tables.ts';

/** Input shapes of the newsletter back-office; messages are catalog keys. */
const lang = z.enum(LANGS, { error: 'validation.invalid' });
const day = fields.text(10).refine((value) => isIsoDay(value), { error: 'validation.newsletter_date' });
const count = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().regex(/^\d{1,2}$/, { error: 'validation.newsletter_events_count' }).transform(Number).pipe(z.number().max(20, { error: 'validation.newsletter_events_count' })));

export const issueForm = z.object({
  slug: fields.text(10).refine((value) => /^\d{4}-(0[1-9]|1[0-2])(-\d{1,2})?$/.test(value), { error: 'validation.newsletter_slug' }),
  issue_date: day,
  source_lang: lang,
  fallback_lang: lang,
  events_count: count,
});

export const settingsForm = z.object({ issue_date: day, fallback_lang: lang, events_count: count });

/** One line, no control characters: the subject becomes a mail header. */
const subject = fields.text(200, false).refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error: 'validation.newsletter_subject_line' });

export const editionForm = (sectionIds: number[]) =>
  z
    .object({
      status: z.enum(['draft', 'ready', 'skipped'], { error: 'validation.invalid' }),
      subject,
      intro: fields.text(5000, false),
      ...Object.fromEntries(sectionIds.flatMap((id) => [[`title_${id}`, fields.text(200, false)], [`body_${id}`, fields.text(5000, false)]])),
    })
    .superRefine((value, context) => {
      // A ready edition needs its subject; a draft may be saved half-written, a skip needs nothing.
      if (value.status === 'ready' && value.subject === '') context.addIssue({ code: 'custom', path: ['subject'], message: 'validation.required' });
    });

export const sectionForm = z.object({ kind: z.enum(SECTION_KINDS, { error: 'validation.invalid' }) });

export const sectionContentForm = z.object({
  member_slug: fields.text(120, false),
  news: fields.list(z.string().regex(/^\d{1,9}$/, { error: 'validation.invalid' }).transform(Number)),
});

export const scheduleForm = z.object({
  at: fields.text(16).refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}:00Z`)), { error: 'validation.newsletter_schedule_at' }),
});

export const testSendForm = z.object({ email: fields.email(), lang });
