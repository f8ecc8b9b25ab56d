import { z } from 'zod';
import { fields } from '../../web/forms.ts';
import { isCurrency, parseAmount } from './money.ts';

const KINDS = ['local_government', 'sse_network', 'other_organisation', 'honorary', 'partner'] as const;
const REGIONS = ['africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america'] as const;

const year = z.coerce.number({ error: 'validation.fee_year' }).int({ error: 'validation.fee_year' }).min(2000, { error: 'validation.fee_year' }).max(2200, { error: 'validation.fee_year' });
const optionalYear = z.preprocess((value) => (value === '' || value === undefined ? null : value), year.nullable());
const day = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : value),
  z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.fee_date' })
    .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value), { error: 'validation.fee_date' }),
);
const currency = z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
  z.string({ error: 'validation.fee_currency' }).refine((code) => /^[A-Z]{3}$/.test(code) && isCurrency(code), { error: 'validation.fee_currency' }));

/** A schedule: the amount is typed in the currency's units ("1500", "1500.50") and kept in minor units. */
export const scheduleForm = z
  .object({
    member_kind: z.enum(KINDS, { error: 'validation.choose' }),
    region: z.preprocess((value) => (value === '' || value === undefined ? null : value), z.enum(REGIONS, { error: 'validation.choose' }).nullable()),
    from_year: year,
    to_year: optionalYear,
    amount: fields.text(30),
    currency,
  })
  .transform((value, context) => {
    const minor = parseAmount(value.amount, value.currency);
    if (minor === null) {
      context.addIssue({ code: 'custom', path: ['amount'], message: value.amount.trim().startsWith('-') ? 'validation.fee_negative' : 'validation.fee_amount' });
      return z.NEVER;
    }
    if (value.to_year !== null && value.to_year < value.from_year) {
      context.addIssue({ code: 'custom', path: ['to_year'], message: 'validation.fee_years' });
      return z.NEVER;
    }
    return { member_kind: value.member_kind, region: value.region, from_year: value.from_year, to_year: value.to_year, amount_minor: minor, currency: value.currency };
  });

export const renewalForm = z.object({ year, due_on: day });
export const paymentForm = z.object({ paid_on: day, reference: fields.text(200) });
export const waiverForm = z.object({ reason: fields.text(2000) });
export const SCHEDULE_KINDS = KINDS;
export const SCHEDULE_REGIONS = REGIONS;
