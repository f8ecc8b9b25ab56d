import { z } from 'zod';
import { fields } from '../web/forms.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { ROLES } from './permissions.ts';

export const passwordSignInForm = z.object({
  email: fields.email(),
  password: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(1024, { error: 'validation.too_long' }),
  next: z.string().optional(),
});

export const linkRequestForm = z.object({ email: fields.email() });

export const newUserForm = z.object({
  email: fields.email(),
  name: fields.text(200, false),
  roles: fields.list(z.enum(ROLES, { error: 'validation.role' })).refine((roles) => roles.length > 0, { error: 'validation.role_required' }),
  lang: z.enum(['en', 'fr', 'es', 'ko'], { error: 'validation.invalid' }).default('en'),
  password: z
    .string()
    .max(1024, { error: 'validation.too_long' })
    .refine((value) => value === '' || value.length >= MIN_PASSWORD_LENGTH, { error: 'validation.password_short' })
    .default(''),
});
export type NewUser = z.output<typeof newUserForm>;
