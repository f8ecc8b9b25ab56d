import { z } from 'zod';
import { LANGS } from '../i18n/i18n.ts';

/**
 * Shared shapes of the JSON API (/api/v1): `?lang=` picks the language of translatable fields,
 * `?limit=&offset=` page through lists, and every list answers `{ items, total }`.
 * Errors answer `{ error: { code, message, fields } }` (see web/errors.tsx).
 */
export const MAX_LIMIT = 100;

export const langQuery = z.object({
  lang: z.enum(LANGS).default('en').describe('Language of translatable fields (en, fr, es, ko)'),
});

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(20).describe(`Items per page, 1 to ${MAX_LIMIT}`),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Items to skip'),
});

export const listQuery = langQuery.extend(pageQuery.shape);

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()) }),
});
