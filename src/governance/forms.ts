import { z } from 'zod';
import { LANGS } from '../i18n/langs.ts';
import { isCountryCode } from '../places/countries.ts';
import { fields } from '../web/forms.ts';
import { DOCUMENT_TYPES, type UploadRule } from '../web/uploads.ts';

const date = z.iso.date({ error: 'validation.date' });
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

export const meetingForm = z
  .object({
    body: z.string({ error: 'validation.choose' }).regex(/^[a-z0-9-]{1,80}$/, { error: 'validation.choose' }),
    starts_on: date,
    ends_on: z.preprocess((value) => (value === '' ? undefined : value), date.optional()),
    format: z.enum(['online', 'in_person', 'hybrid'], { error: 'validation.choose' }),
    city: fields.text(120, false),
    country: z.preprocess((value) => (value === '' || value === undefined ? undefined : String(value).toUpperCase()), z.string().refine(isCountryCode, { error: 'validation.country' }).optional()),
    published: checkbox,
  })
  .refine((value) => !value.ends_on || value.ends_on >= value.starts_on, { path: ['ends_on'], error: 'validation.date_order' });

export const meetingRecordForm = z.object({
  minutes: fields.text(20_000, false),
  summary: fields.text(5_000, false),
  summary_lang: z.enum(LANGS, { error: 'validation.choose' }),
  published: checkbox,
  summary_published: checkbox,
});

export const agendaForm = z.object({ title: fields.text(300), title_lang: z.enum(LANGS, { error: 'validation.choose' }) });

export const mandateForm = z
  .object({
    body: z.string({ error: 'validation.choose' }).regex(/^[a-z0-9-]{1,80}$/, { error: 'validation.choose' }),
    member: z.string().max(200).default(''),
    person: fields.text(200, false),
    // Where a person holding a seat is convened to the body's meetings (members: their contacts).
    person_email: z.preprocess((value) => (value === '' ? undefined : value), fields.email().optional()),
    person_lang: z.preprocess((value) => (value === '' ? undefined : value), z.enum(LANGS, { error: 'validation.choose' }).optional()),
    role: z.enum(['chair', 'co_chair', 'vice_chair', 'international_network', 'regional_network', 'member', 'advisor', 'secretary_general', 'observer'], { error: 'validation.choose' }),
    region: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america'], { error: 'validation.choose' }).optional()),
    holder_form: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['feminine', 'masculine', 'neutral'], { error: 'validation.choose' }).optional()),
    starts_on: date,
  })
  .refine((value) => (value.member === '') !== (value.person === ''), { path: ['member'], error: 'validation.member_or_person' });

export const endMandateForm = z.object({ ends_on: date });

/** Meeting attachments: documents and pictures, checked by content, at most 10 MB. */
export const ATTACHMENT_RULE: UploadRule = { types: [...DOCUMENT_TYPES, 'image/png', 'image/jpeg'], maxBytes: 10 * 1024 * 1024 };

export const attachmentForm = z.object({ public: checkbox });
/** Marks an attachment public or members-only: the value is explicit, so an empty post changes nothing. */
export const attachmentVisibilityForm = z.object({ public: z.enum(['true', 'false'], { error: 'validation.choose' }).transform((value) => value === 'true') });
