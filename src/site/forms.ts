import { z } from 'zod';
import { fields } from '../web/forms.ts';

const colour = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value ?? ''),
  z
    .string({ error: 'validation.invalid' })
    .refine((value) => value === '' || /^#[0-9a-f]{6}$/.test(value), { error: 'validation.colour' })
    .transform((value) => (value === '' ? null : value)),
);

/** The settings form (and only it: the API has no settings). An empty colour is the default one. */
export const siteSettingsForm = z.object({
  short_name: fields.text(40),
  brand_colour: colour,
  accent_colour: colour,
  remove_logo: z.preprocess((value) => value === 'on' || value === '1', z.boolean()),
});

export type SiteSettingsInput = z.output<typeof siteSettingsForm>;
