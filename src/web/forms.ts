import { z } from 'zod';

/**
 * Form and API input parsing. Schemas carry message keys (from the catalogs) as their error
 * messages, so the same validator serves HTML forms and the API in every language.
 */
export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors };

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): Parsed<z.output<T>> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, data: result.data };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    // A form field is the top-level name: an error in the third checked role belongs to "roles".
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    fields[field] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  return { ok: false, fields };
}

/** Reusable field shapes. Strings are trimmed; over-long input is refused, never cut silently. */
export const fields = {
  email: () =>
    z
      .string({ error: 'validation.required' })
      .trim()
      .toLowerCase()
      .min(1, { error: 'validation.required' })
      .max(254, { error: 'validation.too_long' })
      .pipe(z.email({ error: 'validation.email' })),
  /** A missing field counts as empty, so "required" is the message whether it was blank or absent. */
  text: (max: number, required = true) =>
    z.preprocess(
      (value) => (value === undefined || value === null ? '' : typeof value === 'string' ? value.trim() : value),
      z
        .string({ error: 'validation.invalid' })
        .max(max, { error: 'validation.too_long' })
        .refine((value) => !required || value.length > 0, { error: 'validation.required' }),
    ),
  /** Form checkboxes arrive as a string for one value and an array for several. */
  list: <T extends z.ZodType>(item: T) =>
    z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item)),
};
