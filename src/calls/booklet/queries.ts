import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Translatable } from '../../i18n/translatable.ts';
import './tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Everything a booklet is made of, in five queries whatever the number of entries: the archive's
 * programme tables (read only; the initiatives module writes them) and the secretariat's text.
 */
export async function bookletInputs(db: Db, eventSlug: string) {
  const [event, days, sessions, workshops, entries, settings] = await Promise.all([
    db.selectFrom('programme_events').selectAll().where('event_slug', '=', eventSlug).executeTakeFirst(),
    db.selectFrom('programme_days').select(['id', 'position', 'date']).where('event_slug', '=', eventSlug).orderBy('position').execute(),
    db.selectFrom('programme_sessions').select(['id', 'code', 'day_id', 'position']).where('event_slug', '=', eventSlug).orderBy('position').execute(),
    db.selectFrom('programme_workshops').select(['id', 'code', 'session_id', 'title', 'position', 'room', 'moderators', 'partner']).where('event_slug', '=', eventSlug).orderBy('position').execute(),
    db.selectFrom('initiatives as i').leftJoin('organisations as o', 'o.id', 'i.organisation_id')
      .select(['i.slug', 'i.code', 'i.kind', 'i.workshop_id', 'i.title', 'i.summary', 'i.city', 'i.country', 'i.presenters', 'i.links', 'o.name as organisation'])
      .where('i.event_slug', '=', eventSlug)
      .orderBy(sql`string_to_array(i.code, '.')::int[]`)
      .execute(),
    db.selectFrom('booklets').select(['front_matter', 'partners']).where('event_slug', '=', eventSlug).executeTakeFirst(),
  ]);
  return { eventSlug, event: event ?? null, days, sessions, workshops, entries, settings: settings ?? { front_matter: null, partners: [] } };
}

export type BookletInputs = Awaited<ReturnType<typeof bookletInputs>>;

/** Events whose programme has entries: each has a booklet. */
export async function eventsWithProgramme(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('initiatives').select('event_slug').distinct().orderBy('event_slug').execute();
  return rows.map((row) => row.event_slug);
}

export function bookletSettings(db: Db, eventSlug: string) {
  return db.selectFrom('booklets').select(['front_matter', 'partners', 'updated_at']).where('event_slug', '=', eventSlug).executeTakeFirst();
}

export async function saveBookletSettings(trx: Transaction<DB>, eventSlug: string, values: { front_matter: Translatable | null; partners: string[] }) {
  const row = { front_matter: values.front_matter ? JSON.stringify(values.front_matter) : null, partners: values.partners };
  await trx.insertInto('booklets').values({ event_slug: eventSlug, ...row })
    .onConflict((oc) => oc.column('event_slug').doUpdateSet({ ...row, updated_at: sql<Date>`now()` }))
    .execute();
}

export function bookletFile(db: Db, eventSlug: string, lang: string, hash: string) {
  return db.selectFrom('booklet_files').selectAll().where('event_slug', '=', eventSlug).where('lang', '=', lang).where('content_hash', '=', hash).executeTakeFirst();
}

/** Notes that a file for this hash is wanted; true when the row is new (the caller then enqueues the job). */
export async function requestBookletFile(db: Db, eventSlug: string, lang: string, hash: string): Promise<boolean> {
  const inserted = await db.insertInto('booklet_files').values({ event_slug: eventSlug, lang, content_hash: hash })
    .onConflict((oc) => oc.doNothing()).returning('content_hash').executeTakeFirst();
  return Boolean(inserted);
}

export async function setBookletProgress(db: Db, eventSlug: string, lang: string, hash: string, values: { state: 'running' | 'failed'; progress: number; error?: string | null }) {
  await db.updateTable('booklet_files').set({ ...values, updated_at: sql<Date>`now()` })
    .where('event_slug', '=', eventSlug).where('lang', '=', lang).where('content_hash', '=', hash).execute();
}

export async function markBookletReady(db: Db, eventSlug: string, lang: string, hash: string, values: { file_key: string; byte_size: number; page_count: number }) {
  await db.insertInto('booklet_files').values({ event_slug: eventSlug, lang, content_hash: hash, state: 'ready', progress: 100, ...values })
    .onConflict((oc) => oc.columns(['event_slug', 'lang', 'content_hash']).doUpdateSet({ state: 'ready', progress: 100, error: null, ...values, updated_at: sql<Date>`now()` }))
    .execute();
}

/** Removes the rows of older editions of the same booklet, returning the file keys to delete. */
export async function dropOlderBookletFiles(db: Db, eventSlug: string, lang: string, keep: string): Promise<string[]> {
  const rows = await db.deleteFrom('booklet_files').where('event_slug', '=', eventSlug).where('lang', '=', lang)
    .where('content_hash', '!=', keep).returning('file_key').execute();
  return rows.map((row) => row.file_key).filter((key): key is string => Boolean(key));
}

/** Marks a waiting row as asked again now (see pdfStatus). */
export async function touchBookletFile(db: Db, eventSlug: string, lang: string, hash: string) {
  await db.updateTable('booklet_files').set({ updated_at: sql<Date>`now()` })
    .where('event_slug', '=', eventSlug).where('lang', '=', lang).where('content_hash', '=', hash).execute();
}
