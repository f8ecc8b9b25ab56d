import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, SubmissionsTable } from '../../db/types.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type SubmissionRow = Selectable<SubmissionsTable>;

/** A call as the submission form needs it, with its questions in order. */
export async function callBySlug(db: Db, slug: string) {
  const call = await db
    .selectFrom('calls')
    .select(['id', 'slug', 'title', 'state', 'opens_at', 'closes_at', 'time_zone', 'themes', 'languages', 'attachment_types', 'attachment_max_bytes', 'max_attachments'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!call) return undefined;
  const questions = await db
    .selectFrom('call_questions')
    .select(['id', 'kind', 'label', 'required', 'max_length', 'min_value', 'max_value', 'choices'])
    .where('call_id', '=', call.id)
    .orderBy('position')
    .execute();
  const themeNames = call.themes.length === 0 ? [] : await db.selectFrom('initiative_themes').select(['slug', 'name']).where('slug', 'in', call.themes).execute();
  return { ...call, questions, themeNames: Object.fromEntries(themeNames.map((theme) => [theme.slug, theme.name])) };
}

export function submissionByHash(db: Db, callId: number, tokenHash: string) {
  return db.selectFrom('submissions').selectAll().where('call_id', '=', callId).where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function lockSubmission(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('submissions').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

/** The newest draft this address started for this call (a second start mails a fresh link to it). */
export function draftOf(trx: Transaction<DB>, callId: number, email: string) {
  return trx.selectFrom('submissions').select(['id']).where('call_id', '=', callId).where('email', '=', email).where('state', '=', 'draft')
    .orderBy('id', 'desc').limit(1).forUpdate().executeTakeFirst();
}

export function filesOf(db: Db, submissionId: number) {
  return db.selectFrom('submission_files').select(['id', 'file_key', 'file_name', 'mime', 'size']).where('submission_id', '=', submissionId).orderBy('id').execute();
}

export function fileOf(db: Db, submissionId: number, fileId: number) {
  return db.selectFrom('submission_files').select(['id', 'file_key', 'file_name', 'mime', 'size']).where('submission_id', '=', submissionId).where('id', '=', fileId).executeTakeFirst();
}

/**
 * Another submission of the call from the same organisation (the matched record, or the same name
 * once normalised) whose normalised title is close: pg_trgm similarity over the dedup keys' titles.
 */
export async function similarSubmission(db: Db, input: { id: number; callId: number; organisationId: number | null; organisationKey: string; titleKey: string }) {
  const row = await db
    .selectFrom('submissions')
    .select('id')
    .where('call_id', '=', input.callId)
    .where('id', '<>', input.id)
    .where('state', '<>', 'withdrawn')
    .where('dedup_key', 'is not', null)
    .where((eb) => eb.or([
      ...(input.organisationId ? [eb('organisation_id', '=', input.organisationId)] : []),
      eb(sql`split_part(dedup_key, '|', 1)`, '=', input.organisationKey),
    ]))
    .where(sql<boolean>`similarity(split_part(dedup_key, '|', 2), ${input.titleKey}) >= 0.5`)
    .orderBy(sql`similarity(split_part(dedup_key, '|', 2), ${input.titleKey})`, 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The secretariat's list: every submission of a call that was typed in (drafts included), oldest first. */
export function submissionsOfCall(db: Db, callId: number) {
  return db
    .selectFrom('submissions as s')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.state', 's.lang', 's.source_lang', 's.email', 's.title', 's.organisation_name', 's.organisation_id', 'o.name as organisation',
      's.city', 's.country', 's.region', 's.possible_duplicate_of', 's.submitted_at', 's.withdrawn_at', 's.updated_at'])
    .where('s.call_id', '=', callId)
    .where('s.imported', '=', false)
    .orderBy('s.id')
    .execute();
}

export function submissionById(db: Db, callId: number, id: number) {
  return db.selectFrom('submissions').selectAll().where('call_id', '=', callId).where('id', '=', id).executeTakeFirst();
}
