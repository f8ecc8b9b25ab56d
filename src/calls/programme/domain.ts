import { sql, type Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/types.ts';
import { LANGS, type Lang } from '../../i18n/langs.ts';
import { sourceLang, translated, type Translatable } from '../../i18n/translatable.ts';
import { compareCodes } from '../../initiatives/codes.ts';
import { publishInitiative } from '../../initiatives/publish.ts';
import { HttpError } from '../../web/http-error.ts';
import type { CallRow } from '../selection/queries.ts';
import type { WorkshopInput } from './forms.ts';
import { callProgramme, lastItem, nextPosition, publishable } from './queries.ts';

/**
 * The programme of a call: days → sessions → workshops of its event (the archive's own tables, so
 * the public programme page and the booklet read them as they are), and the accepted submissions
 * placed into workshops.
 *
 * Numbering rule: a submission gets its code (session.workshop.item, the next free item number of
 * the workshop) when first placed, and keeps it when moved, so a printed or mailed number stays
 * true; only "Renumber" rewrites every code from the current order (in each workshop, its own
 * numbers first, then those moved in). Taking it out of the programme clears its code.
 */
type Ctx = Pick<AppContext, 'db' | 'pageCache'>;

async function change<T>(ctx: Ctx, actorId: number, call: CallRow, action: string, details: Record<string, unknown>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const value = await work(trx);
    await recordAudit(trx, { actorId, action: `calls.programme.${action}`, entityType: 'call', entityId: call.id, details: { call: call.slug, ...details } });
    return value;
  });
  await ctx.pageCache.invalidate();
  return result;
}

/** The archive names an event's programme by its programme_events row: the call's title until set. */
async function ensureEvent(trx: Transaction<DB>, call: CallRow) {
  await trx.insertInto('programme_events').values({ event_slug: call.event_slug, title: JSON.stringify(call.title) })
    .onConflict((oc) => oc.column('event_slug').doNothing()).execute();
}

export function addDay(ctx: Ctx, actorId: number, call: CallRow, date: string | null) {
  return change(ctx, actorId, call, 'day', { date }, async (trx) => {
    await ensureEvent(trx, call);
    const position = await nextPosition(trx, 'programme_days', call.event_slug);
    await trx.insertInto('programme_days').values({ event_slug: call.event_slug, position, date }).execute();
  });
}

export function addSession(ctx: Ctx, actorId: number, call: CallRow, dayId: number | null) {
  return change(ctx, actorId, call, 'session', { dayId }, async (trx) => {
    await ensureEvent(trx, call);
    if (dayId !== null) {
      const day = await trx.selectFrom('programme_days').select('id').where('id', '=', dayId).where('event_slug', '=', call.event_slug).executeTakeFirst();
      if (!day) throw new HttpError(400, 'programme.error.day', { day: 'programme.error.day' });
    }
    const codes = await trx.selectFrom('programme_sessions').select('code').where('event_slug', '=', call.event_slug).execute();
    const code = String(Math.max(0, ...codes.map((row) => Number(row.code))) + 1);
    const position = await nextPosition(trx, 'programme_sessions', call.event_slug);
    await trx.insertInto('programme_sessions').values({ event_slug: call.event_slug, day_id: dayId, code, position }).execute();
  });
}

function workshopTitle(input: WorkshopInput, stored: Translatable | null): Translatable {
  const source = (stored && sourceLang(stored)) || input.source;
  const texts = Object.fromEntries(LANGS.filter((lang) => input.titles[lang]).map((lang) => [lang, input.titles[lang]])) as Partial<Record<Lang, string>>;
  if (!texts[source]) throw new HttpError(400, 'programme.error.title', { [`title_${source}`]: 'programme.error.title' });
  return translated(source, texts);
}

export function addWorkshop(ctx: Ctx, actorId: number, call: CallRow, input: WorkshopInput) {
  return change(ctx, actorId, call, 'workshop', { session: input.sessionId }, async (trx) => {
    const session = await trx.selectFrom('programme_sessions').select(['id', 'code']).where('id', '=', input.sessionId).where('event_slug', '=', call.event_slug).executeTakeFirst();
    if (!session) throw new HttpError(400, 'programme.error.session', { session: 'programme.error.session' });
    const siblings = await trx.selectFrom('programme_workshops').select(['code', 'position']).where('session_id', '=', session.id).execute();
    const n = Math.max(0, ...siblings.map((row) => Number(row.code.split('.')[1]))) + 1;
    const position = Math.max(0, ...(await trx.selectFrom('programme_workshops').select('position').where('event_slug', '=', call.event_slug).execute()).map((r) => r.position)) + 1;
    await trx.insertInto('programme_workshops').values({
      event_slug: call.event_slug, session_id: session.id, code: `${session.code}.${n}`, position,
      title: JSON.stringify(workshopTitle(input, null)), room: input.room, moderators: input.moderators, partner: input.partner,
    }).execute();
  });
}

export function updateWorkshop(ctx: Ctx, actorId: number, call: CallRow, workshopId: number, input: WorkshopInput) {
  return change(ctx, actorId, call, 'workshop_update', { workshop: workshopId }, async (trx) => {
    const current = await trx.selectFrom('programme_workshops').select(['id', 'title']).where('id', '=', workshopId).where('event_slug', '=', call.event_slug).executeTakeFirst();
    if (!current) throw new HttpError(404, 'error.not_found');
    await trx.updateTable('programme_workshops').where('id', '=', workshopId)
      .set({ title: JSON.stringify(workshopTitle(input, current.title)), room: input.room, moderators: input.moderators, partner: input.partner }).execute();
  });
}

/** Places (or moves, or takes out) one accepted submission; the form's version guards a stale page. */
export function place(ctx: Ctx, actorId: number, call: CallRow, input: { submissionId: number; workshopId: number | null; version: number }) {
  return change(ctx, actorId, call, 'place', input, async (trx) => {
    const item = await trx.selectFrom('submissions').select(['id', 'decision', 'code', 'version', 'workshop_id'])
      .where('id', '=', input.submissionId).where('call_id', '=', call.id).where('state', '=', 'submitted').forUpdate().executeTakeFirst();
    if (!item) throw new HttpError(404, 'error.not_found');
    if (item.version !== input.version) throw new HttpError(409, 'selection.error.stale');
    if (item.decision !== 'accepted') throw new HttpError(409, 'programme.error.not_accepted');
    let code: string | null = null;
    if (input.workshopId !== null) {
      const workshop = await trx.selectFrom('programme_workshops').select(['id', 'code']).where('id', '=', input.workshopId).where('event_slug', '=', call.event_slug).executeTakeFirst();
      if (!workshop) throw new HttpError(400, 'programme.error.workshop', { workshop: 'programme.error.workshop' });
      code = item.code ?? `${workshop.code}.${(await lastItem(trx, call.id, call.event_slug, workshop.code)) + 1}`;
    }
    await trx.updateTable('submissions').set({ workshop_id: input.workshopId, code, version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', item.id).execute();
    return code;
  });
}

/** Gives every placed submission the code of where it now is: workshop by workshop, in their current order. */
export function renumber(ctx: Ctx, actorId: number, call: CallRow) {
  return change(ctx, actorId, call, 'renumber', {}, async (trx) => {
    const programme = await callProgramme(trx, call.id, call.event_slug);
    const sessionOrder = new Map(programme.sessions.map((s) => [s.id, s.position]));
    const workshops = [...programme.workshops].sort((a, b) => (sessionOrder.get(a.session_id) ?? 0) - (sessionOrder.get(b.session_id) ?? 0) || a.position - b.position);
    const codes: { id: number; code: string }[] = [];
    for (const workshop of workshops) {
      // Those already numbered in this workshop keep their order; those moved in follow, in code order.
      const own = (code: string | null) => (code?.startsWith(`${workshop.code}.`) ? 0 : 1);
      const items = programme.items.filter((item) => item.workshop_id === workshop.id)
        .sort((a, b) => own(a.code) - own(b.code) || compareCodes(a.code ?? '', b.code ?? '') || a.id - b.id);
      items.forEach((item, index) => codes.push({ id: item.id, code: `${workshop.code}.${index + 1}` }));
    }
    if (!codes.length) return 0;
    // Cleared first: the unique (call, code) index holds at every statement, and codes may swap.
    await trx.updateTable('submissions').set({ code: null }).where('call_id', '=', call.id).where('workshop_id', 'is not', null).execute();
    await sql`UPDATE submissions AS s SET code = v.code, version = s.version + 1, updated_at = now()
      FROM unnest(${sql.val(codes.map((c) => c.id))}::int[], ${sql.val(codes.map((c) => c.code))}::text[]) AS v(id, code)
      WHERE s.id = v.id`.execute(trx);
    return codes.length;
  });
}

/**
 * Publishes the programme: the call becomes 'published' and every accepted, placed submission an
 * initiative of the archive (updated, never duplicated, on a later publication: initiative_id).
 */
export function publish(ctx: Ctx, actorId: number, call: CallRow) {
  return change(ctx, actorId, call, 'publish', {}, async (trx) => {
    await ensureEvent(trx, call);
    const rows = await publishable(trx, call.id);
    if (!rows.length) throw new HttpError(409, 'programme.error.nothing_placed');
    for (const row of rows) {
      const source = (row.source_lang ?? row.lang) as Lang;
      const id = await publishInitiative(trx, {
        id: row.initiative_id, eventSlug: call.event_slug, code: row.code!, workshopId: row.workshop_id,
        title: row.title ?? translated(source, { [source]: `#${row.id}` }), summary: row.summary, sourceLang: source,
        organisation: row.organisation_name, city: row.city, country: row.country, latitude: row.latitude, longitude: row.longitude,
        presenters: row.presenters as { name?: string; role?: string | null; organisation?: string | null }[], links: row.links, themes: row.themes,
      }).catch((error: { code?: string }) => {
        if (error.code === '23505') throw new HttpError(409, 'programme.error.code_taken');
        throw error;
      });
      if (id !== row.initiative_id) await trx.updateTable('submissions').set({ initiative_id: id }).where('id', '=', row.id).execute();
    }
    // The archive's code constraint is deferred (renumbered imports swap codes): checked here, named.
    await sql`SET CONSTRAINTS initiatives_event_code IMMEDIATE`.execute(trx).catch((error: { code?: string }) => {
      throw error.code === '23505' ? new HttpError(409, 'programme.error.code_taken') : error;
    });
    await trx.updateTable('calls').set({ state: 'published', updated_at: sql`now()` }).where('id', '=', call.id).execute();
    return rows.length;
  });
}
