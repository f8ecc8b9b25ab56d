import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { editTranslations, sourceLang, translated, type Translatable } from '../i18n/translatable.ts';
import { findOrCreateOrganisation } from '../organisations/domain.ts';
import { nameKey } from '../places/normalize.ts';
import { regionOf } from '../places/regions.ts';
import { reindexSearch } from '../search/indexer.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import type { InitiativeInput } from './editor-form.ts';
import { organisationKindOf } from './programme.ts';
import { sdgsFor } from './themes.ts';

/**
 * Creating and editing an initiative from the back-office. Each save is one transaction: the row,
 * its organisation, its search entry and its audit line are written together or not at all; the
 * page cache is cleared once it is committed.
 */
type Ctx = Pick<AppContext, 'db' | 'pageCache'>;

/** A problem with fields (message keys), found before anything is written. */
export class InitiativeInputError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('initiative input');
  }
}

export function adminInitiatives(db: Kysely<DB>) {
  return db.selectFrom('initiatives').select(['slug', 'code', 'title', 'event_slug', 'kind', 'updated_at'])
    .orderBy('event_slug').orderBy(sql`string_to_array(code, '.')::int[]`).execute();
}

/** The stored initiative with its organisation's name, for the form; null when there is none. */
export function initiativeForEditing(db: Kysely<DB>, slug: string) {
  return db.selectFrom('initiatives as i').leftJoin('organisations as o', 'o.id', 'i.organisation_id')
    .selectAll('i').select('o.name as organisation_name').where('i.slug', '=', slug).executeTakeFirst();
}

/** The workshops an initiative can be placed in, with their session, by event. */
export function workshopChoices(db: Kysely<DB>) {
  return db.selectFrom('programme_workshops as w').innerJoin('programme_sessions as s', 's.id', 'w.session_id')
    .select(['w.id', 'w.event_slug', 'w.code', 'w.title', 's.code as session_code'])
    .orderBy('w.event_slug').orderBy(sql`string_to_array(w.code, '.')::int[]`).execute();
}

export type EditableInitiative = NonNullable<Awaited<ReturnType<typeof initiativeForEditing>>>;


const textsOf = (input: InitiativeInput, key: 'title' | 'summary') => Object.fromEntries(LANGS.map((lang) => [lang, input.texts[lang][key]])) as Record<Lang, string>;

async function checkWorkshop(trx: Transaction<DB>, eventSlug: string, workshopId: number | null) {
  if (workshopId === null) return;
  const workshop = await trx.selectFrom('programme_workshops').select('event_slug').where('id', '=', workshopId).executeTakeFirst();
  if (!workshop || workshop.event_slug !== eventSlug) throw new InitiativeInputError({ workshop: 'validation.initiative_workshop' });
}

async function checkCode(trx: Transaction<DB>, eventSlug: string, code: string, exceptId: number | null) {
  let query = trx.selectFrom('initiatives').select('id').where('event_slug', '=', eventSlug).where('code', '=', code);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw new InitiativeInputError({ code: 'validation.initiative_code_taken' });
}

async function columns(trx: Transaction<DB>, input: InitiativeInput, lang: Lang) {
  const organisation = input.organisation
    ? await findOrCreateOrganisation(trx, { name: input.organisation, lang, kind: organisationKindOf(input.organisation, input.kind), city: input.city, country: input.country })
    : null;
  return {
    code: input.code,
    kind: input.kind,
    workshop_id: input.workshopId,
    organisation_id: organisation?.id ?? null,
    city: input.city,
    subregion: input.subregion,
    country: input.country,
    region: input.country ? regionOf(input.country) : null,
    latitude: input.latitude,
    longitude: input.longitude,
    presenters: JSON.stringify(input.presenters),
    links: input.links,
    themes: input.themes,
    sdgs: sdgsFor(input.themes),
  };
}

export async function createInitiative(ctx: Ctx, actorId: number, input: InitiativeInput): Promise<string> {
  const slug = await ctx.db.transaction().execute(async (trx) => {
    const taken = async (candidate: string) => Boolean(await trx.selectFrom('initiatives').select('id').where('slug', '=', candidate).executeTakeFirst());
    if (input.slug && (await taken(input.slug))) throw new InitiativeInputError({ slug: 'validation.initiative_slug_taken' });
    await checkWorkshop(trx, input.event, input.workshopId);
    await checkCode(trx, input.event, input.code, null);
    const source = input.originalLang;
    // The importer's identity of an entry: a later import of the same booklet finds this row.
    const dedupKey = `${nameKey(input.texts[source].title)}|${nameKey(input.organisation)}`;
    const duplicate = await trx.selectFrom('initiatives').select('id').where('event_slug', '=', input.event).where('dedup_key', '=', dedupKey).executeTakeFirst();
    if (duplicate) throw new InitiativeInputError({ [`title_${source}`]: 'validation.initiative_duplicate' });
    const slug = input.slug || (await uniqueSlug(slugify(input.texts[source].title).slice(0, 70).replace(/-+$/, '') || 'initiative', taken));
    const pick = (key: 'title' | 'summary') => Object.fromEntries(LANGS.filter((lang) => input.texts[lang][key]).map((lang) => [lang, input.texts[lang][key]]));
    const { id } = await trx.insertInto('initiatives').values({
      ...(await columns(trx, input, source)),
      slug,
      event_slug: input.event,
      dedup_key: dedupKey,
      title: JSON.stringify(translated(source, pick('title'))),
      summary: input.texts[source].summary ? JSON.stringify(translated(source, pick('summary'))) : null,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'initiatives.initiative.create', entityType: 'initiative', entityId: id, details: { slug, event: input.event, code: input.code } });
    await reindexSearch(trx, 'initiative', [id]);
    return slug;
  });
  await ctx.pageCache.invalidate();
  return slug;
}

/** Saves every field of an initiative; false when there is no such initiative. */
export async function updateInitiative(ctx: Ctx, actorId: number, slug: string, input: InitiativeInput): Promise<boolean> {
  const done = await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('initiatives').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
    if (!current) return false;
    // The event and the original language are fixed once written: the form shows them, not as fields.
    const source = sourceLang(current.title) ?? input.originalLang;
    if (!input.texts[source].title) throw new InitiativeInputError({ [`title_${source}`]: 'validation.required' });
    await checkWorkshop(trx, current.event_slug, input.workshopId);
    await checkCode(trx, current.event_slug, input.code, current.id);
    const next = await columns(trx, input, source);
    const title = editTranslations(current.title, source, textsOf(input, 'title'))!;
    const summary = editTranslations(current.summary, source, textsOf(input, 'summary'));
    await trx.updateTable('initiatives').where('id', '=', current.id).set({
      ...next,
      title: JSON.stringify(title),
      summary: summary ? JSON.stringify(summary) : null,
      updated_at: sql<Date>`now()`,
    }).execute();
    const before: Record<string, unknown> = { ...current, presenters: JSON.stringify(current.presenters) };
    const changed = Object.keys(next).filter((key) => JSON.stringify(before[key]) !== JSON.stringify((next as Record<string, unknown>)[key]));
    if (JSON.stringify(title) !== JSON.stringify(current.title)) changed.push('title');
    if (JSON.stringify(summary) !== JSON.stringify(current.summary)) changed.push('summary');
    await recordAudit(trx, { actorId, action: 'initiatives.initiative.update', entityType: 'initiative', entityId: current.id, details: { slug, changed } });
    await reindexSearch(trx, 'initiative', [current.id]);
    return true;
  });
  if (done) await ctx.pageCache.invalidate();
  return done;
}
