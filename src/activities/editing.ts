import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/i18n.ts';
import { LANGS } from '../i18n/langs.ts';
import { original, setText, sourceLang, type Translatable } from '../i18n/translatable.ts';
import { findOrCreateOrganisation } from '../organisations/domain.ts';
import { regionOf } from '../places/regions.ts';
import { HttpError } from '../web/http-error.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import { TEXT_FIELDS, type ActivityInput, type LangTexts, type OrganisationFormInput } from './forms.ts';
import { uidFor } from './uid.ts';
import { reindexSearch } from '../search/indexer.ts';

/**
 * Back-office writes. The UID never changes; each change that a calendar shows (dates, tentative
 * flag, title, place) raises SEQUENCE and LAST-MODIFIED, so subscribers see an update of the same
 * event — a tentative date confirmed later replaces the draft instead of duplicating it.
 */
function columns(input: ActivityInput) {
  return {
    type: input.type,
    start_date: input.start_date,
    end_date: input.end_date,
    date_precision: input.precision,
    tentative: input.tentative,
    format: input.format,
    city: input.city || null,
    country: input.country || null,
    region: input.country ? regionOf(input.country) : null,
    venue: input.venue || null,
    participants: input.participants,
    registration_open: input.registration_open,
    capacity: input.capacity,
    waiting_list: input.waiting_list,
    registration_closes: input.registration_closes || null,
    edition: input.edition,
  };
}

/** The series chosen by slug; an unknown one is refused next to its field. */
async function seriesId(trx: Transaction<DB>, slug: string): Promise<number | null> {
  if (!slug) return null;
  const row = await trx.selectFrom('activity_series').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new HttpError(400, 'error.bad_request', { series: 'validation.act_series' });
  return row.id;
}

export async function createActivity(db: Kysely<DB>, input: ActivityInput, lang: Lang, actorId: number): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const taken = async (candidate: string) => Boolean(await trx.selectFrom('activities').select('id').where('slug', '=', candidate).executeTakeFirst());
    if (input.slug && (await taken(input.slug))) throw new HttpError(409, 'error.bad_request', { slug: 'validation.act_slug_taken' });
    const slug = input.slug || (await uniqueSlug(slugify(input.title) || 'activity', taken));
    const { id } = await trx
      .insertInto('activities')
      .values({ slug, uid: uidFor(slug), title: JSON.stringify(original(lang, input.title)), summary: JSON.stringify(original(lang, input.summary)), ...columns(input), series_id: await seriesId(trx, input.series) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'activity.create', entityType: 'activity', entityId: id, details: { slug } });
    await reindex(trx, id);
    return slug;
  });
}

function withText(field: Translatable, lang: Lang, text: string): Translatable {
  const source = sourceLang(field);
  return setText(field, lang, text, !source || source === lang ? 'original' : 'human');
}

export async function updateActivity(db: Kysely<DB>, slug: string, input: ActivityInput, lang: Lang, actorId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('activities').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
    if (!current) return false;
    const next = { ...columns(input), series_id: await seriesId(trx, input.series) };
    const title = withText(current.title, lang, input.title);
    const summary = withText(current.summary, lang, input.summary);
    const visible =
      next.start_date !== current.start_date || next.end_date !== current.end_date || next.date_precision !== current.date_precision ||
      next.tentative !== current.tentative || next.city !== current.city || next.country !== current.country || next.venue !== current.venue ||
      JSON.stringify(title) !== JSON.stringify(current.title);
    await trx
      .updateTable('activities')
      .set({
        ...next,
        title: JSON.stringify(title),
        summary: JSON.stringify(summary),
        sequence: visible ? current.sequence + 1 : current.sequence,
        updated_at: new Date(),
      })
      .where('id', '=', current.id)
      .execute();
    await reindex(trx, current.id);
    await recordAudit(trx, {
      actorId,
      action: 'activity.update',
      entityType: 'activity',
      entityId: current.id,
      details: {
        slug,
        from: { start: current.start_date, end: current.end_date, tentative: current.tentative, series: current.series_id, edition: current.edition },
        to: { start: next.start_date, end: next.end_date, tentative: next.tentative, series: next.series_id, edition: next.edition },
      },
    });
    return true;
  });
}

export function adminActivityList(db: Kysely<DB>) {
  return db
    .selectFrom('activities')
    .select(['slug', 'title', 'type', 'start_date', 'end_date', 'date_precision', 'tentative', 'registration_open'])
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

/**
 * One field's texts after an edit in every language. The original is written first (so a change
 * of it marks every translation outdated through setText), then each translation the editor
 * touched — a changed text or a changed status — with the status chosen; an untouched outdated
 * translation stays outdated. An empty translation is removed; an empty original body empties it.
 */
function editField(field: Translatable, fallbackSource: Lang, texts: Record<Lang, { text: string; status: LangTexts['status'] }>, at: string): Translatable {
  const source = sourceLang(field) ?? fallbackSource;
  const sourceText = texts[source].text;
  if (!sourceText) return {};
  let next: Translatable = field[source]?.text === sourceText && field[source]?.status === 'original' ? { ...field } : setText(field, source, sourceText, 'original', at);
  for (const lang of LANGS) {
    if (lang === source) continue;
    const { text, status } = texts[lang];
    const before = field[lang];
    if (!text) {
      delete next[lang];
      continue;
    }
    const touched = !before || before.text !== text || (status !== 'outdated' && before.status !== status);
    if (touched) next = setText(next, lang, text, status === 'outdated' ? 'human' : status, at);
  }
  return next;
}

const sameText = (a: Translatable, b: Translatable) => JSON.stringify(a) === JSON.stringify(b);

/** Saves title, summary and body in every language. Returns false for an unknown activity. */
export async function updateTexts(db: Kysely<DB>, slug: string, texts: Record<Lang, LangTexts>, actorId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('activities').select(['id', 'title', 'summary', 'body', 'sequence']).where('slug', '=', slug).forUpdate().executeTakeFirst();
    if (!current) return false;
    const source = sourceLang(current.title) ?? 'en';
    const at = new Date().toISOString();
    const next = {} as Record<(typeof TEXT_FIELDS)[number], Translatable>;
    const changed: string[] = [];
    for (const field of TEXT_FIELDS) {
      const perLang = Object.fromEntries(LANGS.map((lang) => [lang, { text: texts[lang][field], status: texts[lang].status }])) as Record<Lang, { text: string; status: LangTexts['status'] }>;
      next[field] = editField(current[field], source, perLang, at);
      for (const lang of LANGS) {
        if (JSON.stringify(next[field][lang] ?? null) !== JSON.stringify(current[field][lang] ?? null)) changed.push(`${field}.${lang}`);
      }
    }
    if (changed.length === 0) return true;
    await trx
      .updateTable('activities')
      .set({
        title: JSON.stringify(next.title),
        summary: JSON.stringify(next.summary),
        body: JSON.stringify(next.body),
        // The feed shows the title and summary: a change there is an update of the same event.
        sequence: sameText(next.title, current.title) && sameText(next.summary, current.summary) ? current.sequence : current.sequence + 1,
        updated_at: new Date(),
      })
      .where('id', '=', current.id)
      .execute();
    await reindex(trx, current.id);
    await recordAudit(trx, { actorId, action: 'activity.texts', entityType: 'activity', entityId: current.id, details: { slug, changed } });
    return true;
  });
}

export async function activityTexts(db: Kysely<DB>, slug: string) {
  return db.selectFrom('activities').select(['id', 'slug', 'title', 'summary', 'body']).where('slug', '=', slug).executeTakeFirst();
}

/** Adds an organiser or partner, found or created among the shared organisations (name + city + country). */
export async function addOrganisation(db: Kysely<DB>, slug: string, input: OrganisationFormInput, lang: Lang, actorId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const activity = await trx.selectFrom('activities').select('id').where('slug', '=', slug).forUpdate().executeTakeFirst();
    if (!activity) return false;
    const organisation = await findOrCreateOrganisation(trx, { name: input.name, lang, city: input.city || null, country: input.country || null });
    const last = await trx
      .selectFrom('activity_organisations')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('activity_id', '=', activity.id)
      .where('role', '=', input.role)
      .executeTakeFirst();
    const inserted = await trx
      .insertInto('activity_organisations')
      .values({ activity_id: activity.id, organisation_id: organisation.id, role: input.role, position: (last?.position ?? -1) + 1 })
      .onConflict((oc) => oc.doNothing())
      .returning('organisation_id')
      .executeTakeFirst();
    if (!inserted) throw new HttpError(409, 'error.bad_request', { name: 'validation.act_org_already' });
    await reindex(trx, activity.id);
    await recordAudit(trx, {
      actorId, action: 'activity.organisation.add', entityType: 'activity', entityId: activity.id,
      details: { slug, organisation: organisation.slug, created: organisation.created, role: input.role },
    });
    return true;
  });
}

/** Removes an organiser or partner link (the shared organisation itself stays). */
export async function removeOrganisation(db: Kysely<DB>, slug: string, organisationId: number, role: 'organiser' | 'partner', actorId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const activity = await trx.selectFrom('activities').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!activity) return false;
    const removed = await trx
      .deleteFrom('activity_organisations')
      .where('activity_id', '=', activity.id)
      .where('organisation_id', '=', organisationId)
      .where('role', '=', role)
      .returning('organisation_id')
      .executeTakeFirst();
    if (!removed) return false;
    await reindex(trx, activity.id);
    await recordAudit(trx, { actorId, action: 'activity.organisation.remove', entityType: 'activity', entityId: activity.id, details: { slug, organisationId, role } });
    return true;
  });
}

export function seriesChoices(db: Kysely<DB>) {
  return db.selectFrom('activity_series').select(['slug', 'title']).orderBy('position').orderBy('id').execute();
}

/** Keeps the one search current: an activity row is indexed as an activity, or as an event when it has a parent. */
async function reindex(trx: Transaction<DB>, id: number): Promise<void> {
  await reindexSearch(trx, 'activity', [id]);
  await reindexSearch(trx, 'event', [id]);
}
