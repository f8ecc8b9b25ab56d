import { Tokens } from '@fastify/csrf';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { HttpError } from '../web/http-error.ts';

/** Editors' view of the list: counts by status and the export. */
export async function subscriberCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows = await db.selectFrom('subscribers').select(['status', (eb) => eb.fn.countAll<string>().as('count')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

export const EXPORT_COLUMNS = ['email', 'lang', 'topics', 'status', 'confirmed_at', 'consent_method', 'consent_at', 'consent_source', 'bounce_count', 'created_at'];

export async function subscribersForExport(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('subscribers')
    .select(['email', 'lang', 'topics', 'status', 'confirmed_at', 'consent', 'bounce_count', 'created_at'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    email: row.email,
    lang: row.lang,
    topics: row.topics.join(';'),
    status: row.status,
    confirmed_at: row.confirmed_at?.toISOString() ?? '',
    consent_method: row.consent.method,
    consent_at: row.consent.at,
    consent_source: row.consent.source,
    bounce_count: row.bounce_count,
    created_at: row.created_at.toISOString(),
  }));
}

/** The largest list accepted in one import. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Reads the import form: a CSV file (multipart) or pasted text, plus its fields. A CSV has no magic
 * bytes for the shared upload reader to check, so this reads its own parts (as text, size-capped)
 * and checks the CSRF token itself, like readCheckedForm does; the route says `csrf: false`.
 */
export async function readImportForm(request: FastifyRequest): Promise<{ fields: Record<string, string>; csv: string }> {
  const fields: Record<string, string> = {};
  let csv = '';
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file) {
        size += chunk.length;
        if (size > MAX_IMPORT_BYTES) throw new HttpError(413, 'error.too_large');
        chunks.push(chunk as Buffer);
      }
      if (part.fieldname === 'file' && size > 0) csv = Buffer.concat(chunks).toString('utf8');
    }
  } else {
    for (const [name, value] of Object.entries((request.body ?? {}) as Record<string, unknown>)) if (typeof value === 'string') fields[name] = value;
  }
  const secret = request.cookies._csrf;
  const token = fields._csrf ?? '';
  if (!secret || !token || !new Tokens({}).verify(secret, token)) throw new HttpError(403, 'error.csrf');
  return { fields, csv: csv || (fields.csv ?? '') };
}
