import { sql, type Transaction } from 'kysely';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/types.ts';
import { isLang, type Lang } from '../../i18n/i18n.ts';
import { original } from '../../i18n/translatable.ts';
import { queueMail } from '../../mail/outbox.ts';
import { mayMail } from '../../mail/recipient-throttle.ts';
import { matchOrganisation } from '../../organisations/domain.ts';
import { addressKey } from '../../members/draft-limits.ts';
import { Gazetteer } from '../../places/gazetteer.ts';
import { nameKey } from '../../places/normalize.ts';
import { regionOf } from '../../places/regions.ts';
import { HttpError } from '../../web/http-error.ts';
import { sizeOf, type UploadedFile } from '../../web/uploads.ts';
import { putUpload } from '../../storage/storage.ts';
import type { Draft } from './forms.ts';
import { confirmationMail, linkMail } from './mails.ts';
import { callBySlug, draftOf, filesOf, lockSubmission, similarSubmission, submissionByHash, type SubmissionRow } from './queries.ts';

type Ctx = Pick<AppContext, 'db' | 'jobs' | 'files' | 'config'>;
export type Call = NonNullable<Awaited<ReturnType<typeof callBySlug>>>;
export { callBySlug };

/** Mails from the submission form to one address a day: links and confirmations together. */
const SUBMITTER_MAIL_LIMIT = { max: 6, windowMs: 24 * 3600_000 };
/** A draft nobody touched for this long no longer opens through its link (as /join's drafts). */
export const DRAFT_LINK_DAYS = 30;

/** Whether the call takes submissions now: open by its state and within its dates. */
export function callPhase(call: Pick<Call, 'state' | 'opens_at' | 'closes_at'>, now = new Date()): 'open' | 'not_open' | 'closed' {
  if (call.state === 'draft' || (call.opens_at && call.opens_at > now)) return 'not_open';
  if (call.state !== 'open' || (call.closes_at && call.closes_at <= now)) return 'closed';
  return 'open';
}

export function requireOpen(call: Call): void {
  const phase = callPhase(call);
  if (phase === 'not_open') throw new HttpError(409, 'calls_submit.error.not_open');
  if (phase === 'closed') throw new HttpError(409, 'calls_submit.error.closed');
}

const resumeLink = (ctx: Ctx, lang: Lang, call: Call, token: string) => `${ctx.config.baseUrl}/${lang}/calls/${call.slug}/submit/${token}`;

/**
 * Starts a submission, or mails a fresh link to the draft this address already has for the call
 * (the link is the only way back in, and only its hash is kept). The caller answers the same page
 * either way, so nobody learns from it whether an address is known; a few mails a day at most.
 */
export async function startSubmission(ctx: Ctx, input: { call: Call; email: string; sourceLang: Lang; lang: Lang }): Promise<void> {
  requireOpen(input.call);
  const token = newToken();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await mayMail(trx, 'calls.submit', input.email, SUBMITTER_MAIL_LIMIT))) return;
    const draft = await draftOf(trx, input.call.id, input.email);
    if (draft) await trx.updateTable('submissions').set({ token_hash: hashToken(token), lang: input.lang, updated_at: new Date() }).where('id', '=', draft.id).execute();
    else {
      await trx.insertInto('submissions').values({
        call_id: input.call.id, token_hash: hashToken(token), lang: input.lang, source_lang: input.sourceLang, email: input.email, state: 'draft',
      }).execute();
    }
    await queueMail(trx, ctx.jobs, 'calls.submit.link', linkMail(input.lang, { call: input.call, link: resumeLink(ctx, input.lang, input.call, token), email: input.email }));
  });
}

/** The submission behind a resume link; null for an unknown link, 410 for a draft left too long. */
export async function submissionForToken(db: Ctx['db'], call: Call, token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const submission = await submissionByHash(db, call.id, hashToken(token));
  if (!submission) return null;
  if (submission.state === 'draft' && Date.now() - submission.updated_at.getTime() > DRAFT_LINK_DAYS * 24 * 3600_000) throw new HttpError(410, 'calls_submit.error.link_expired');
  return { submission, files: await filesOf(db, submission.id) };
}

/** Editable through the link: a draft or a submitted one, while the call is open. */
export function isEditable(call: Call, submission: Pick<SubmissionRow, 'state'>): boolean {
  return submission.state !== 'withdrawn' && callPhase(call) === 'open';
}

function lockedError(call: Call, submission: Pick<SubmissionRow, 'state'>): HttpError {
  if (callPhase(call) !== 'open') return new HttpError(409, 'calls_submit.error.closed');
  return new HttpError(409, submission.state === 'withdrawn' ? 'calls_submit.error.withdrawn' : 'calls_submit.error.closed');
}

/** Locks the row and refuses a save from a stale form or on a closed call (nothing is written then). */
async function lockForChange(trx: Transaction<DB>, call: Call, id: number, version: number | null) {
  const current = await lockSubmission(trx, id);
  if (!isEditable(call, current)) throw lockedError(call, current);
  if (version !== current.version) throw new StaleVersionError(current.version);
  return current;
}

export class StaleVersionError extends Error {
  constructor(readonly current: number) {
    super('stale');
  }
}

export interface SaveInput {
  call: Call;
  submissionId: number;
  version: number | null;
  draft: Draft;
  files: UploadedFile[];
  removeFileIds: number[];
  submit: boolean;
  /** The connection's address (request.ip): its uploads count against UPLOAD_BYTES_PER_DAY. */
  address?: string;
}

/**
 * What one connection address may upload to submissions in a day, over every call and draft: a
 * visitor with many addresses (a catch-all domain gets a resume link for each) cannot fill the disk.
 */
export const UPLOAD_BYTES_PER_DAY = 200 * 1024 * 1024;

/** Serialises one address's uploads (advisory lock) and refuses one that would pass its daily quota. */
async function claimUploadQuota(trx: Transaction<DB>, from: string, bytes: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(6101, hashtext(${from}))`.execute(trx);
  const row = await trx.selectFrom('submission_files').select(sql<string>`coalesce(sum(size), 0)`.as('bytes'))
    .where('uploaded_from', '=', from).where('created_at', '>', sql<Date>`now() - interval '1 day'`).executeTakeFirstOrThrow();
  if (Number(row.bytes) + bytes > UPLOAD_BYTES_PER_DAY) throw new HttpError(429, 'calls_submit.error.quota');
}

/**
 * Saves the draft (and submits it when asked). Files are written to storage first and removed again
 * when the transaction does not commit; files removed from the draft are deleted after the commit,
 * so a rollback never loses bytes a row still names. Returns the new version.
 */
export async function saveSubmission(ctx: Ctx, input: SaveInput): Promise<{ version: number; submitted: boolean; cityNotFound: boolean }> {
  const keys = await Promise.all(input.files.map((file) => putUpload(ctx.files, file)));
  try {
    const result = await ctx.db.transaction().execute((trx) => saveInTransaction(ctx, trx, input, keys));
    for (const key of result.removedKeys) await ctx.files.delete(key).catch(() => {});
    return result;
  } catch (error) {
    await Promise.all(keys.map((key) => ctx.files.delete(key).catch(() => {})));
    throw error;
  }
}

async function saveInTransaction(ctx: Ctx, trx: Transaction<DB>, input: SaveInput, keys: string[]) {
  const { call, draft } = input;
  const current = await lockForChange(trx, call, input.submissionId, input.version);
  const existing = await filesOf(trx, current.id);
  const removed = existing.filter((file) => input.removeFileIds.includes(file.id));
  if (existing.length - removed.length + input.files.length > call.max_attachments) throw new HttpError(400, 'calls_submit.error.too_many_files');
  const from = input.address === undefined ? null : addressKey(input.address);
  if (from && input.files.length > 0) await claimUploadQuota(trx, from, input.files.reduce((sum, file) => sum + sizeOf(file), 0));
  const place = placeOf(current, draft);
  const organisationId = draft.organisation_name ? await matchOrganisation(trx, draft.organisation_name, draft.city, draft.country || null) : null;
  const submitting = input.submit && current.state === 'draft';
  const values = {
    source_lang: draft.source_lang,
    organisation_name: draft.organisation_name || null,
    organisation_id: organisationId,
    city: draft.city || null,
    country: draft.country || null,
    region: draft.country ? regionOf(draft.country) : null,
    latitude: place.latitude,
    longitude: place.longitude,
    // Written in the submitter's language and kept as its original; not a public text (no translation registry).
    title: draft.title ? JSON.stringify(original(draft.source_lang, draft.title)) : null,
    summary: draft.summary ? JSON.stringify(original(draft.source_lang, draft.summary)) : null,
    presenters: JSON.stringify(draft.presenters),
    themes: draft.themes,
    links: draft.links,
    answers: JSON.stringify(draft.answers),
    version: current.version + 1,
    updated_at: new Date(),
    ...(current.state === 'draft' ? {} : await duplicateFields(trx, current.id, call.id, organisationId, draft)),
    ...(submitting ? { state: 'submitted' as const, submitted_at: new Date(), ...(await duplicateFields(trx, current.id, call.id, organisationId, draft)) } : {}),
  };
  await trx.updateTable('submissions').set(values).where('id', '=', current.id).execute();
  if (removed.length > 0) await trx.deleteFrom('submission_files').where('id', 'in', removed.map((file) => file.id)).execute();
  for (const [index, file] of input.files.entries()) {
    await trx.insertInto('submission_files').values({ submission_id: current.id, file_key: keys[index]!, file_name: file.fileName.slice(0, 200) || 'attachment', mime: file.mime, size: sizeOf(file), uploaded_from: from }).execute();
  }
  if (submitting && (await mayMail(trx, 'calls.submit', current.email, SUBMITTER_MAIL_LIMIT))) {
    const lang: Lang = isLang(current.lang) ? current.lang : 'en';
    await queueMail(trx, ctx.jobs, 'calls.submit.confirmation', confirmationMail(lang, { call, draft, files: await filesOf(trx, current.id), email: current.email }));
  }
  return { version: current.version + 1, submitted: submitting, cityNotFound: Boolean(draft.city && draft.country && place.latitude === null), removedKeys: removed.map((file) => file.file_key) };
}

/** Coordinates from the offline gazetteer, looked up only when the place changed (autosave runs often). */
function placeOf(current: SubmissionRow, draft: Draft): { latitude: number | null; longitude: number | null } {
  if (!draft.city || !draft.country) return { latitude: null, longitude: null };
  if (current.city === draft.city && current.country === draft.country) return { latitude: current.latitude, longitude: current.longitude };
  const found = new Gazetteer().find(draft.city, draft.country);
  return { latitude: found?.latitude ?? null, longitude: found?.longitude ?? null };
}

/** The normalised organisation and title (no accents, no case), and another submission they meet. */
async function duplicateFields(trx: Transaction<DB>, id: number, callId: number, organisationId: number | null, draft: Draft) {
  const organisationKey = nameKey(draft.organisation_name);
  const titleKey = nameKey(draft.title);
  if (!organisationKey || !titleKey) return { dedup_key: null, possible_duplicate_of: null };
  const other = await similarSubmission(trx, { id, callId, organisationId, organisationKey, titleKey });
  return { dedup_key: `${organisationKey}|${titleKey}`, possible_duplicate_of: other };
}

/** Withdraws a submission (or a draft) while the call is open: kept for the record, out of review. */
export async function withdrawSubmission(ctx: Ctx, input: { call: Call; submissionId: number; version: number | null }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockForChange(trx, input.call, input.submissionId, input.version);
    await trx.updateTable('submissions').set({ state: 'withdrawn', withdrawn_at: new Date(), version: current.version + 1, updated_at: new Date() }).where('id', '=', current.id).execute();
  });
}
