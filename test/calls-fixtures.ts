import crypto from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { hashToken } from '../src/auth/tokens.ts';
import { original } from '../src/i18n/translatable.ts';
import type { Lang } from '../src/i18n/langs.ts';
import type { CallsTable, DB, SubmissionsTable } from '../src/db/types.ts';

/**
 * Rows for tests of the calls modules, written straight to the tables (the calls' own forms are
 * tested in their own files). Each returns the new row's id; a submission also returns the token of
 * its resume link.
 */
export async function insertCall(db: Kysely<DB>, values: Partial<Insertable<CallsTable>> & { slug: string }): Promise<number> {
  const day = 24 * 3600 * 1000;
  const row = await db.insertInto('calls').values({
    event_slug: values.slug,
    title: JSON.stringify(original('en', `Call ${values.slug}`)),
    state: 'open',
    opens_at: new Date(Date.now() - 7 * day),
    closes_at: new Date(Date.now() + 30 * day),
    themes: ['local-development', 'public-policy'],
    ...values,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSubmission(
  db: Kysely<DB>,
  callId: number,
  values: Partial<Insertable<SubmissionsTable>> & { titleText?: string; summaryText?: string; lang?: Lang } = {},
): Promise<{ id: number; token: string }> {
  const { titleText = `Initiative ${crypto.randomBytes(3).toString('hex')}`, summaryText = 'A short summary.', ...rest } = values;
  const lang = (values.source_lang ?? values.lang ?? 'en') as Lang;
  const token = crypto.randomBytes(24).toString('base64url');
  const row = await db.insertInto('submissions').values({
    call_id: callId,
    token_hash: hashToken(token),
    state: 'submitted',
    lang,
    source_lang: lang,
    email: `submitter-${crypto.randomBytes(4).toString('hex')}@example.org`,
    title: JSON.stringify(original(lang, titleText)),
    summary: JSON.stringify(original(lang, summaryText)),
    organisation_name: 'Example cooperative',
    city: 'Bilbao',
    country: 'ES',
    region: 'europe',
    presenters: JSON.stringify([{ name: 'Ana Ruiz', role: 'Director', organisation: 'Example cooperative' }]),
    submitted_at: new Date(),
    ...rest,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, token };
}
