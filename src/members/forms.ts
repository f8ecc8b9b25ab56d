import { z } from 'zod';
import { isCountryCode } from '../places/countries.ts';
import { fields } from '../web/forms.ts';
import { DOCUMENT_TYPES, type UploadRule } from '../web/uploads.ts';

export const APPLICANT_KINDS = ['local_government', 'sse_network', 'other_organisation'] as const;
export const APPLICANT_CATEGORIES = ['city', 'regional_government', 'local_sse_network', 'national_sse_network', 'regional_network',
  'international_network', 'support_organisation', 'other_stakeholder'] as const;

export const DOCUMENT_RULE: UploadRule = { types: DOCUMENT_TYPES, maxBytes: 5 * 1024 * 1024 };
export const MAX_DOCUMENTS = 5;

const optionalEmail = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : ''),
  z.union([z.literal(''), z.string().max(254, { error: 'validation.too_long' }).pipe(z.email({ error: 'validation.email' }))]),
);
const website = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : ''),
  z.union([z.literal(''), z.string().max(500, { error: 'validation.too_long' }).regex(/^https?:\/\/[^\s]+$/, { error: 'validation.url' })]),
);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === '' || value === undefined ? undefined : value), z.enum(values, { error: 'validation.choose' }).optional());

/**
 * The application as the applicant saves it: a draft needs only the organisation and an e-mail
 * (the link to come back is sent there); submitting needs everything (`submitApplicationForm`).
 */
export const draftApplicationForm = z.object({
  organisation_name: fields.text(200),
  email: fields.email(),
  kind: optionalEnum(APPLICANT_KINDS),
  category: optionalEnum(APPLICANT_CATEGORIES),
  country: z.preprocess(
    (value) => (typeof value === 'string' && value !== '' ? value.toUpperCase() : undefined),
    z.string().refine(isCountryCode, { error: 'validation.country' }).optional(),
  ),
  city: fields.text(120, false),
  website,
  focal_name: fields.text(200, false),
  focal_phone: fields.text(50, false),
  head_name: fields.text(200, false),
  head_title: fields.text(200, false),
  general_email: optionalEmail,
  signatory_name: fields.text(200, false),
  signatory_title: fields.text(200, false),
  sse_situation: fields.text(5000, false),
  intent: z.enum(['save', 'submit']).catch('save'),
});
export type DraftApplication = z.output<typeof draftApplicationForm>;

/** What must be filled before an application goes to the secretariat, as field → message key. */
export function missingForSubmission(draft: DraftApplication): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const field of ['kind', 'category', 'country', 'city', 'focal_name', 'signatory_name', 'signatory_title', 'sse_situation'] as const) {
    if (!draft[field]) missing[field] = field === 'kind' || field === 'category' || field === 'country' ? 'validation.choose' : 'validation.required';
  }
  return missing;
}

export const reviewForm = z.object({
  status: z.enum(['needs_information', 'recommended', 'not_recommended'], { error: 'validation.choose' }),
  comment: fields.text(5000, false),
});

export const commentForm = z.object({ comment: fields.text(5000) });

const count = z.preprocess((value) => (value === '' || value === undefined ? null : value), z.coerce.number({ error: 'validation.number' }).int({ error: 'validation.number' }).min(0, { error: 'validation.number' }).max(1000, { error: 'validation.number' }).nullable());

export const decisionForm = z
  .object({
    meeting_id: z.coerce.number({ error: 'validation.choose' }).int({ error: 'validation.choose' }).positive({ error: 'validation.choose' }),
    outcome: z.enum(['approved', 'rejected', 'deferred'], { error: 'validation.choose' }),
    method: z.enum(['vote', 'consensus'], { error: 'validation.choose' }),
    votes_for: count,
    votes_against: count,
    abstentions: count,
    note: fields.text(2000, false),
  })
  .superRefine((value, context) => {
    if (value.method === 'vote' && value.votes_for === null) context.addIssue({ code: 'custom', path: ['votes_for'], message: 'validation.votes_required' });
  });

export const feeForm = z.object({ fee: z.enum(['paid', 'waived'], { error: 'validation.choose' }), note: fields.text(1000, false) });

// A disqualification is the committee's decision: `endMembership` refuses it, and `disqualifyForm` records it against a meeting.
export const endMembershipForm = z.object({
  outcome: z.enum(['withdrawn', 'disqualified'], { error: 'validation.choose' }),
  reason: fields.text(2000),
  effective_on: z.iso.date({ error: 'validation.date' }),
});

/** Suspension and reinstatement: the reason, and the day it takes effect. */
// Field names differ from the withdrawal form's: the forms share one page, and ids must be unique.
export const statusChangeForm = z.object({
  change_reason: fields.text(2000),
  change_on: z.iso.date({ error: 'validation.date' }),
});

/** A disqualification, decided by the steering committee in one of its meetings. */
export const disqualifyForm = z
  .object({
    meeting_id: z.coerce.number({ error: 'validation.choose' }).int({ error: 'validation.choose' }).positive({ error: 'validation.choose' }).max(2_147_483_647, { error: 'validation.choose' }),
    method: z.enum(['vote', 'consensus'], { error: 'validation.choose' }),
    votes_for: count,
    votes_against: count,
    abstentions: count,
    disqualify_reason: fields.text(2000),
    disqualify_on: z.iso.date({ error: 'validation.date' }),
  })
  .superRefine((value, context) => {
    if (value.method === 'vote' && value.votes_for === null) context.addIssue({ code: 'custom', path: ['votes_for'], message: 'validation.votes_required' });
  });
export type DisqualifyInput = z.output<typeof disqualifyForm>;

export const targetForm = z.object({
  baseline: z.coerce.number({ error: 'validation.number' }).int({ error: 'validation.number' }).min(0, { error: 'validation.number' }).max(100000, { error: 'validation.number' }),
  target: z.coerce.number({ error: 'validation.number' }).int({ error: 'validation.number' }).min(1, { error: 'validation.number' }).max(100000, { error: 'validation.number' }),
  deadline: z.iso.date({ error: 'validation.date' }),
});

export const LOGO_RULE: UploadRule = { types: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 1024 * 1024 };

/** The secretariat's edit of a member's description (in one language) and private contacts. */
export const profileForm = z.object({
  description: fields.text(3000, false),
  description_lang: z.enum(['en', 'fr', 'es', 'ko'], { error: 'validation.choose' }),
  focal_name: fields.text(200, false),
  focal_email: optionalEmail,
  focal_phone: fields.text(50, false),
  head_name: fields.text(200, false),
  head_title: fields.text(200, false),
  general_email: optionalEmail,
});
export type ProfileInput = z.output<typeof profileForm>;
