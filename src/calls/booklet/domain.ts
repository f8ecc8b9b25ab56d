import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/types.ts';
import { translator } from '../../i18n/i18n.ts';
import { LANGS, type Lang } from '../../i18n/langs.ts';
import { recordAudit } from '../../audit/audit.ts';
import { frontMatterOf, type BookletForm } from './forms.ts';
import { compilePdfDocument } from '../../pdf/index.ts';
import { buildBooklet, type Booklet } from './model.ts';
import {
  bookletFile, bookletInputs, bookletSettings, saveBookletSettings, dropOlderBookletFiles, eventsWithProgramme, markBookletReady, requestBookletFile, setBookletProgress, touchBookletFile,
} from './queries.ts';
import { bookletSource } from './source.ts';

export const BOOKLET_JOB = 'booklet.generate';
/** Bumped when the layout changes, so every cached PDF is made again. */
const LAYOUT_VERSION = '1';
const EVENT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Longer than a job may run (pg-boss expires a job after 15 minutes). */
const STALE_MINUTES = 20;

export interface BookletEdition {
  booklet: Booklet;
  source: string;
  /** SHA-256 of the layout version and the Typst source, which holds every input: the cache key. */
  hash: string;
}

/** The booklet of an event in a language, and its cache key; null when the event has no programme. */
export async function bookletEdition(db: Kysely<DB>, eventSlug: string, lang: Lang): Promise<BookletEdition | null> {
  if (!EVENT_SLUG.test(eventSlug)) return null;
  const inputs = await bookletInputs(db, eventSlug);
  if (inputs.entries.length === 0) return null;
  const booklet = buildBooklet(inputs, translator(lang));
  const source = bookletSource(booklet);
  const hash = crypto.createHash('sha256').update(`${LAYOUT_VERSION}\n${source}`).digest('hex');
  return { booklet, source, hash };
}

export type PdfStatus =
  | { state: 'ready'; fileKey: string; byteSize: number; pageCount: number }
  | { state: 'preparing'; progress: number }
  | { state: 'failed' };

/**
 * Where the PDF of this edition stands. A PDF not made yet is asked for (a row and a job, once per
 * hash), so the first reader of a changed programme starts its generation.
 */
export async function pdfStatus(ctx: Pick<AppContext, 'db' | 'jobs'>, eventSlug: string, lang: Lang, hash: string): Promise<PdfStatus> {
  const row = await bookletFile(ctx.db, eventSlug, lang, hash);
  if (row?.state === 'ready' && row.file_key) return { state: 'ready', fileKey: row.file_key, byteSize: row.byte_size ?? 0, pageCount: row.page_count ?? 0 };
  if (!row && (await requestBookletFile(ctx.db, eventSlug, lang, hash))) await enqueueBooklet(ctx, eventSlug, lang);
  // A job lost or failed for good (its retries spent) leaves its row behind: after a while it is asked again.
  if (row && Date.now() - new Date(row.updated_at).getTime() > STALE_MINUTES * 60_000) {
    await touchBookletFile(ctx.db, eventSlug, lang, hash);
    await enqueueBooklet(ctx, eventSlug, lang);
  }
  if (row?.state === 'failed') return { state: 'failed' };
  return { state: 'preparing', progress: row?.progress ?? 0 };
}

export async function enqueueBooklet(ctx: Pick<AppContext, 'jobs'>, eventSlug: string, lang: Lang): Promise<void> {
  // One waiting job per booklet: a burst of readers or of edits enqueues it once.
  await ctx.jobs.send(BOOKLET_JOB, { eventSlug, lang }, { singletonKey: `${eventSlug}:${lang}` });
}

/** Asks for the booklet of every programme in these languages (at start: GSEF2018 in fr and en). */
export async function enqueueStandingBooklets(ctx: Pick<AppContext, 'db' | 'jobs'>, langs: Lang[] = ['fr', 'en']): Promise<void> {
  for (const eventSlug of await eventsWithProgramme(ctx.db)) for (const lang of langs) await enqueueBooklet(ctx, eventSlug, lang);
}

/**
 * The job: re-reads the programme, and unless a PDF with the same hash is ready, lays it out, stores
 * it and records it, noting progress on the way; then removes older editions and their files.
 * Idempotent: run twice, the second run finds the file ready.
 */
export async function generateBooklet(ctx: Pick<AppContext, 'db' | 'files' | 'pageCache'>, eventSlug: string, lang: Lang): Promise<'made' | 'cached' | 'none'> {
  const edition = await bookletEdition(ctx.db, eventSlug, lang);
  if (!edition) return 'none';
  const existing = await bookletFile(ctx.db, eventSlug, lang, edition.hash);
  if (existing?.state === 'ready') return 'cached';
  await requestBookletFile(ctx.db, eventSlug, lang, edition.hash);
  await setBookletProgress(ctx.db, eventSlug, lang, edition.hash, { state: 'running', progress: 20, error: null });
  let made;
  try {
    made = await compilePdfDocument(edition.source);
  } catch (error) {
    await setBookletProgress(ctx.db, eventSlug, lang, edition.hash, { state: 'failed', progress: 0, error: String((error as Error).message).slice(0, 2000) });
    throw error;
  }
  await setBookletProgress(ctx.db, eventSlug, lang, edition.hash, { state: 'running', progress: 80 });
  const key = await ctx.files.put(made.pdf);
  await markBookletReady(ctx.db, eventSlug, lang, edition.hash, { file_key: key, byte_size: made.pdf.length, page_count: made.pages });
  for (const old of await dropOlderBookletFiles(ctx.db, eventSlug, lang, edition.hash)) await ctx.files.delete(old);
  // The booklet page said "being prepared": cached copies of it must go.
  await ctx.pageCache.invalidate();
  return 'made';
}

/** The job's definition, for the composition root. */
export function defineBookletJobs(ctx: AppContext): void {
  ctx.jobs.define<{ eventSlug: string; lang: Lang }>({
    name: BOOKLET_JOB,
    run: async (data) => void (await generateBooklet(ctx, data.eventSlug, data.lang)),
    retryLimit: 3,
    retryDelay: 10,
  });
}

/**
 * Saves the secretariat's text for a booklet, audited in the same transaction, and asks for the
 * booklet again in every language (the jobs exist only if the save commits).
 */
export async function saveBooklet(ctx: Pick<AppContext, 'db' | 'jobs' | 'pageCache'>, actorId: number, eventSlug: string, form: BookletForm): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await bookletSettings(trx, eventSlug);
    const frontMatter = frontMatterOf(stored?.front_matter ?? null, form);
    await saveBookletSettings(trx, eventSlug, { front_matter: frontMatter, partners: form.partners });
    await recordAudit(trx, { actorId, action: 'calls.booklet.update', entityType: 'booklet', entityId: eventSlug, details: { source: form.source, partners: form.partners.length } });
    for (const lang of LANGS) await ctx.jobs.send(BOOKLET_JOB, { eventSlug, lang }, { trx, singletonKey: `${eventSlug}:${lang}` });
  });
  await ctx.pageCache.invalidate();
}
