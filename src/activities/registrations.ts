import { sql, type Kysely, type Transaction } from 'kysely';
import { noticeStaff } from '../notices/domain.ts';
import { joinLinkOf } from './outreach.ts';
import { recordAudit } from '../audit/audit.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { translator, type Lang } from '../i18n/i18n.ts';
import { textOf } from '../i18n/translatable.ts';
import { queueMail } from '../mail/outbox.ts';
import { mayMail } from '../mail/recipient-throttle.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { datesInWords } from './dates.ts';
import { icsEventOf } from './domain.ts';
import { icsCalendar } from './ics.ts';
import { getActivity } from './queries.ts';

/**
 * Registration for an activity that opens it: an address confirmed by a mailed link, capacity, a waiting list promoted in order of
 * arrival when a seat frees up, a closing day, one registration per e-mail address. Every change
 * locks the activity row first, so two people never take the same last seat.
 */
export interface RegistrationSettings {
  registration_open: boolean;
  registration_closes: string | null;
}

export function registrationState(activity: RegistrationSettings, today: string): { open: boolean; reason?: string } {
  if (!activity.registration_open) return { open: false };
  if (activity.registration_closes && today > activity.registration_closes) return { open: false, reason: 'registration.closed' };
  return { open: true };
}

export interface RegistrationInput {
  name: string;
  email: string;
  organisation: string;
}

type Ctx = Pick<AppContext, 'db' | 'jobs' | 'config'>;

function lockActivity(trx: Transaction<DB>, where: { slug: string } | { id: number }) {
  let query = trx
    .selectFrom('activities')
    .select(['id', 'slug', 'title', 'start_date', 'end_date', 'date_precision', 'tentative', 'registration_open', 'registration_closes', 'capacity', 'waiting_list']);
  query = 'slug' in where ? query.where('slug', '=', where.slug) : query.where('id', '=', where.id);
  return query.forUpdate().executeTakeFirst();
}

type LockedActivity = NonNullable<Awaited<ReturnType<typeof lockActivity>>>;

async function confirmedCount(trx: Transaction<DB>, activityId: number): Promise<number> {
  const row = await trx
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('activity_id', '=', activityId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Registers someone, unconfirmed: the row is 'pending' and holds no seat until the address opens
 * the link mailed to it (see confirmRegistration), so made-up addresses cannot fill a small event.
 * An address already registered gets the answer a new registration would get (so the form never
 * tells who attends an event) and the address is mailed instead: a reminder of its registration
 * with a fresh cancellation link, at most once an hour per event. An address still pending is
 * mailed its link again (a fresh one, throttled), never given a second row.
 */
export async function register(ctx: Ctx, slug: string, input: RegistrationInput, lang: Lang, today: string, retried = false): Promise<{ status: 'pending' }> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const activity = await lockActivity(trx, { slug });
      if (!activity) throw notFound();
      const state = registrationState(activity, today);
      if (!state.open) throw new HttpError(409, state.reason === 'registration.closed' ? 'registration.error.closed' : 'registration.error.not_open');
      const existing = await trx
        .selectFrom('registrations')
        .select(['id', 'status', 'lang'])
        .where('activity_id', '=', activity.id)
        .where('email', '=', input.email)
        .executeTakeFirst();
      // Full without a waiting list: said now, as before, rather than after a confirmation that cannot succeed.
      const seats = activity.capacity === null ? Infinity : activity.capacity - (await confirmedCount(trx, activity.id));
      if (seats <= 0 && !activity.waiting_list) throw new HttpError(409, 'registration.error.full');
      if (existing && (existing.status === 'confirmed' || existing.status === 'waiting')) {
        await remindRegistered(trx, ctx, activity, { id: existing.id, email: input.email, lang: existing.lang as Lang, status: existing.status });
        return { status: 'pending' as const };
      }
      if (!(await mayMail(trx, `registration.address.${activity.id}`, input.email, CONFIRM_LINK_LIMIT))) return { status: 'pending' as const };
      const confirmToken = newToken();
      const values = {
        name: input.name,
        organisation: input.organisation || null,
        lang,
        status: 'pending' as const,
        // Never mailed: a pending row gets its cancellation link when it is confirmed (the column is NOT NULL UNIQUE).
        cancel_token_hash: hashToken(newToken()),
        confirm_token_hash: hashToken(confirmToken),
        confirm_by: new Date(Date.now() + CONFIRM_WINDOW_MS),
        attended: null,
      };
      if (existing) {
        await trx.updateTable('registrations').set({ ...values, created_at: new Date(), updated_at: new Date() }).where('id', '=', existing.id).execute();
      } else {
        await trx.insertInto('registrations').values({ activity_id: activity.id, email: input.email, ...values }).execute();
      }
      await mailConfirmLink(trx, ctx, activity, { email: input.email, lang, token: confirmToken });
      return { status: 'pending' as const };
    });
  } catch (error) {
    // Two identical requests raced and the unique (activity, e-mail) constraint stopped this one:
    // once more, it finds the other's registration and answers as for any registered address.
    if ((error as { code?: string }).code === '23505' && !retried) return register(ctx, slug, input, lang, today, true);
    throw error;
  }
}

/** How long a confirmation link works; pending rows past it are deleted (deleteExpiredPending). */
export const CONFIRM_WINDOW_MS = 48 * 3600_000;
/** The first link and two more on asking again, per address, event and hour. */
const CONFIRM_LINK_LIMIT = { max: 3, windowMs: 3600_000 };

/**
 * The link that confirms an address. Like mailStatus it goes to an address nobody has confirmed,
 * so it carries nothing the visitor typed: the event, its dates, the link.
 */
async function mailConfirmLink(trx: Transaction<DB>, ctx: Ctx, activity: LockedActivity, person: { email: string; lang: Lang; token: string }) {
  const t = translator(person.lang);
  const title = textOf(activity.title, person.lang);
  const text = [
    t('registration.mail.hello'),
    '',
    t('regconfirm.mail.asked', { title }),
    datesInWords(t, activity),
    '',
    t('regconfirm.mail.link', { url: `${ctx.config.baseUrl}/${person.lang}/registrations/${person.token}/confirm` }),
    '',
    t('regconfirm.mail.ignore'),
  ].join('\n');
  await queueMail(trx, ctx.jobs, 'registration.address', { to: person.email, subject: t('regconfirm.mail.subject', { title }), text, attachments: [] });
}

/** The registration behind a confirmation link: 404 when unknown or cancelled, 410 when a pending one is past its time. */
export async function findByConfirmToken(db: Kysely<DB>, token: string, now = new Date()) {
  const row = await db
    .selectFrom('registrations as r')
    .innerJoin('activities as a', 'a.id', 'r.activity_id')
    .select(['r.id', 'r.status', 'r.confirm_by', 'a.slug', 'a.title', 'a.start_date', 'a.end_date', 'a.date_precision', 'a.tentative'])
    .where('r.confirm_token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.status === 'cancelled') throw new HttpError(404, 'regconfirm.error.unknown');
  if (row.status === 'pending' && row.confirm_by! < now) throw new HttpError(410, 'regconfirm.error.expired');
  return row;
}

/**
 * Confirms an address: the registration takes a seat if one is free, else a place on the waiting
 * list (409 when the event is full and has none), and is mailed its status as a direct
 * registration used to be. Confirming again answers the same and mails nothing.
 */
export async function confirmRegistration(ctx: Ctx, token: string, today: string, now = new Date()): Promise<{ status: 'confirmed' | 'waiting'; again: boolean }> {
  const found = await findByConfirmToken(ctx.db, token, now);
  return ctx.db.transaction().execute(async (trx) => {
    const activity = (await lockActivity(trx, { slug: found.slug }))!;
    const current = await trx.selectFrom('registrations').select(['id', 'email', 'lang', 'status']).where('id', '=', found.id).forUpdate().executeTakeFirst();
    if (!current || current.status === 'cancelled') throw new HttpError(404, 'regconfirm.error.unknown');
    if (current.status !== 'pending') return { status: current.status, again: true };
    if (!registrationState(activity, today).open) throw new HttpError(409, 'registration.error.closed');
    const seats = activity.capacity === null ? Infinity : activity.capacity - (await confirmedCount(trx, activity.id));
    if (seats <= 0 && !activity.waiting_list) throw new HttpError(409, 'registration.error.full');
    const status = seats > 0 ? ('confirmed' as const) : ('waiting' as const);
    const cancelToken = newToken();
    // The waiting list is ordered by confirmation: an unconfirmed address kept nobody's place.
    await trx
      .updateTable('registrations')
      .set({ status, cancel_token_hash: hashToken(cancelToken), created_at: new Date(), updated_at: new Date() })
      .where('id', '=', current.id)
      .execute();
    await mailStatus(trx, ctx, activity, { email: current.email, lang: current.lang as Lang, status, token: cancelToken }, 'registration.confirm');
    if (status === 'waiting') await noticeStaff(trx, ctx, 'registration.full', { subject: activity.title, path: `/admin/activities/${activity.slug}/registrations` });
    return { status, again: false };
  });
}

/** Pending registrations whose link has run out: nobody confirmed the address, nothing of it is kept. */
export async function deleteExpiredPending(db: Kysely<DB>, now = new Date()): Promise<number> {
  const deleted = await db.deleteFrom('registrations').where('status', '=', 'pending').where('confirm_by', '<', now).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

export const EXPIRE_PENDING_JOB = 'registrations.pending.expire';

/** A registered address asked again: it is told its registration stands, with a fresh cancellation link. */
async function remindRegistered(
  trx: Transaction<DB>,
  ctx: Ctx,
  activity: LockedActivity,
  registration: { id: number; email: string; lang: Lang; status: 'confirmed' | 'waiting' },
) {
  if (!(await mayMail(trx, `registration.again.${activity.id}`, registration.email, REMINDER_LIMIT))) return;
  // Only the hash of the first link is kept, so the reminder carries a new one (the old one stops working).
  const token = newToken();
  await trx.updateTable('registrations').set({ cancel_token_hash: hashToken(token), updated_at: new Date() }).where('id', '=', registration.id).execute();
  await mailStatus(trx, ctx, activity, { ...registration, token, again: true }, 'registration.again');
}

const REMINDER_LIMIT = { max: 1, windowMs: 3600_000 };

/**
 * The mail about a registration's status. It goes to an address nobody has confirmed, so it carries
 * nothing the visitor wrote (not even the name typed in the form): only the event, its dates and links.
 */
async function mailStatus(
  trx: Transaction<DB>,
  ctx: Ctx,
  activity: LockedActivity,
  person: { email: string; lang: Lang; status: 'confirmed' | 'waiting'; token: string; again?: boolean },
  purpose: string,
) {
  const t = translator(person.lang);
  const title = textOf(activity.title, person.lang);
  const base = ctx.config.baseUrl;
  // An online event's link goes to those who hold a seat, never to the waiting list.
  const joinLink = person.status === 'confirmed' ? await joinLinkOf(trx, activity.id) : null;
  const text = [
    t('registration.mail.hello'),
    '',
    ...(person.again ? [t('registration.mail.again', { title })] : []),
    t(person.status === 'confirmed' ? 'registration.mail.confirmed' : 'registration.mail.waiting', { title }),
    datesInWords(t, activity),
    '',
    ...(joinLink ? [t('outreach.mail.join', { url: joinLink }), ''] : []),
    t('registration.mail.calendar', { url: `${base}/${person.lang}/activities/${activity.slug}/calendar.ics` }),
    t('registration.mail.cancel', { url: `${base}/${person.lang}/registrations/${person.token}/cancel` }),
    ...(person.again ? [t('registration.mail.new_cancel_link')] : []),
  ].join('\n');
  // A confirmed seat carries the event itself: the same VEVENT (same UID) as the feed, in the registrant's language.
  const attachments = [];
  if (person.status === 'confirmed') {
    const row = await getActivity(trx, activity.slug);
    if (row) {
      const event = icsEventOf(row, person.lang, base);
      attachments.push({ filename: `${activity.slug}.ics`, contentType: 'text/calendar; method=PUBLISH; charset=utf-8', content: icsCalendar(event.summary, [event]) });
    }
  }
  await queueMail(trx, ctx.jobs, purpose, {
    to: person.email,
    subject: t(person.again ? 'registration.mail.subject_again' : person.status === 'confirmed' ? 'registration.mail.subject_confirmed' : 'registration.mail.subject_waiting', { title }),
    text,
    attachments,
  });
}

/**
 * The last day a cancellation link is of use: the event's last day (the end of its month or year
 * when only those are known), plus one day of grace for time zones; or, when registration closes
 * later than that (an event whose registration an editor keeps open), that closing day.
 */
export function cancellableUntil(activity: { end_date: string; date_precision: 'day' | 'month' | 'year'; registration_closes: string | null }): string {
  const end = new Date(`${activity.end_date}T00:00:00Z`);
  if (activity.date_precision === 'year') end.setUTCFullYear(end.getUTCFullYear() + 1, 0, 0);
  else if (activity.date_precision === 'month') end.setUTCMonth(end.getUTCMonth() + 1, 0);
  end.setUTCDate(end.getUTCDate() + 1);
  const lastDay = end.toISOString().slice(0, 10);
  return activity.registration_closes && activity.registration_closes > lastDay ? activity.registration_closes : lastDay;
}

export class LinkExpiredError extends HttpError {
  constructor() {
    super(410, 'registration.error.link_expired');
  }
}

/** The registration behind a cancellation link; a link past its use (see cancellableUntil) is a 410. */
export async function findByToken(db: Kysely<DB>, token: string, today = new Date().toISOString().slice(0, 10)) {
  const row = await db
    .selectFrom('registrations as r')
    .innerJoin('activities as a', 'a.id', 'r.activity_id')
    .select(['r.id', 'r.status', 'r.name', 'r.email', 'a.id as activity_id', 'a.slug', 'a.title', 'a.end_date', 'a.date_precision', 'a.registration_closes'])
    .where('r.cancel_token_hash', '=', hashToken(token))
    .where('r.status', '<>', 'pending')
    .executeTakeFirst();
  if (row && today > cancellableUntil(row)) throw new LinkExpiredError();
  return row;
}

/** Cancels a registration; a freed seat goes to the first person on the waiting list, who is told by e-mail. */
export async function cancel(ctx: Ctx, token: string): Promise<{ promoted: string | null }> {
  const found = await findByToken(ctx.db, token);
  if (!found) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    const registration = await trx.selectFrom('registrations').selectAll().where('id', '=', found.id).executeTakeFirstOrThrow();
    const activity = (await lockActivity(trx, { id: registration.activity_id }))!;
    const current = await trx.selectFrom('registrations').select('status').where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
    if (current.status === 'cancelled') return { promoted: null };
    await trx.updateTable('registrations').set({ status: 'cancelled', updated_at: new Date() }).where('id', '=', found.id).execute();
    if (current.status !== 'confirmed') return { promoted: null };
    const next = await trx
      .selectFrom('registrations')
      .select(['id', 'email', 'name', 'lang'])
      .where('activity_id', '=', activity.id)
      .where('status', '=', 'waiting')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return { promoted: null };
    // A fresh token: the promoted person's earlier link stays valid only through this new one.
    const nextToken = newToken();
    await trx.updateTable('registrations').set({ status: 'confirmed', cancel_token_hash: hashToken(nextToken), updated_at: new Date() }).where('id', '=', next.id).execute();
    await mailStatus(trx, ctx, activity, { email: next.email, lang: next.lang as Lang, status: 'confirmed', token: nextToken }, 'registration.promoted');
    return { promoted: next.email };
  });
}

export function listRegistrations(db: Kysely<DB>, activityId: number) {
  return db
    .selectFrom('registrations')
    .select(['id', 'name', 'email', 'organisation', 'lang', 'status', 'attended', 'created_at'])
    .where('activity_id', '=', activityId)
    // Unconfirmed ones are left out: they hold no seat, may name someone else's address, and go within 48 hours.
    .where('status', '<>', 'pending')
    .orderBy(sql`case status when 'confirmed' then 0 when 'waiting' then 1 else 2 end`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Records who came: every confirmed registration is marked present or absent. */
export async function recordAttendance(db: Kysely<DB>, activityId: number, presentIds: number[], actorId: number) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('registrations')
      .set({ attended: presentIds.length ? sql<boolean>`id in (${sql.join(presentIds)})` : false, updated_at: new Date() })
      .where('activity_id', '=', activityId)
      .where('status', '=', 'confirmed')
      .execute();
    await recordAudit(trx, { actorId, action: 'registrations.attendance', entityType: 'activity', entityId: activityId, details: { present: presentIds.length } });
  });
}

/** Seats still free, or null when the activity sets no capacity. */
export async function seatsLeft(db: Kysely<DB>, activity: { id: number; capacity: number | null }): Promise<number | null> {
  if (activity.capacity === null) return null;
  const row = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('activity_id', '=', activity.id)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Math.max(0, activity.capacity - Number(row.count));
}
