import { sql, type Kysely, type Transaction } from 'kysely';
import { can, PERMISSIONS, type Actor } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { translator } from '../i18n/i18n.ts';
import { textOf, type Translatable } from '../i18n/translatable.ts';
import type { Lang } from '../i18n/langs.ts';
import { queueMail } from '../mail/outbox.ts';
import './tables.ts';
import { DEFAULT_DELIVERY, DELIVERIES, NOTICE_EVENT_NAMES, NOTICE_EVENTS, type Delivery, type NoticeEvent } from './events.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Ctx = Pick<AppContext, 'jobs' | 'config'>;

/** The roles that hold a permission, as a SQL array (admins hold every one). */
function rolesFor(event: NoticeEvent): string[] {
  const rule = PERMISSIONS[NOTICE_EVENTS[event]];
  return Array.isArray(rule) ? ['admin', ...rule] : ['admin'];
}

/**
 * Records that something happened, in the caller's transaction, and queues a mail at once to each
 * person who asked for one mail each: nothing is sent for a change that is rolled back.
 */
export async function noticeStaff(trx: Transaction<DB>, ctx: Ctx, event: NoticeEvent, notice: { subject: string | Translatable; path: string }) {
  const subjects = typeof notice.subject === 'string' ? null : notice.subject;
  const subject = typeof notice.subject === 'string' ? notice.subject : textOf(notice.subject, 'en');
  const { id } = await trx.insertInto('staff_notices').values({ event, subject: subject.slice(0, 200), subjects: subjects && JSON.stringify(subjects), path: notice.path })
    .returning('id').executeTakeFirstOrThrow();
  const recipients = await recipientsOf(trx, event, 'each');
  for (const person of recipients) {
    const t = translator(person.lang);
    await queueMail(trx, ctx.jobs, `notice.${event}`, {
      to: person.email,
      subject: t(`notices.mail.subject.${event}`),
      text: [t(`notices.event.${event}`), noticeLine(subjectIn({ subject, subjects }, person.lang), `${ctx.config.baseUrl}/${person.lang}${notice.path}`), '', t('notices.mail.settings', { link: settingsLink(ctx, person.lang) })].join('\n'),
    });
  }
  return id;
}

/** The subject in the reader's language when the thing named has it, else as recorded. */
function subjectIn(notice: { subject: string; subjects: Translatable | null }, lang: Lang): string {
  return textOf(notice.subjects, lang) || notice.subject;
}

function noticeLine(subject: string, link: string): string {
  // One line of its own whatever was typed: line breaks in an organisation's name stay on its line.
  const name = subject.replace(/\s+/g, ' ').trim();
  return name ? `${name}\n${link}` : link;
}

const settingsLink = (ctx: Ctx, lang: Lang) => `${ctx.config.baseUrl}/${lang}/account/notices`;

/** Active staff allowed to act on the event whose choice for it (or the default) is `delivery`. */
async function recipientsOf(db: Db, event: NoticeEvent, delivery: Delivery) {
  return db.selectFrom('users as u')
    .leftJoin('staff_notice_settings as s', (join) => join.onRef('s.user_id', '=', 'u.id').on('s.event', '=', event))
    .select(['u.id', 'u.email', 'u.lang'])
    .where('u.disabled_at', 'is', null)
    .where(sql<boolean>`u.roles && ${sql.val(rolesFor(event))}::text[]`)
    .where(sql<string>`coalesce(s.delivery, ${DEFAULT_DELIVERY})`, '=', delivery)
    .orderBy('u.id')
    .execute() as Promise<{ id: number; email: string; lang: Lang }[]>;
}

/** A person's choice for every event they may receive. */
export async function noticeSettings(db: Db, user: Actor): Promise<{ event: NoticeEvent; delivery: Delivery }[]> {
  const rows = await db.selectFrom('staff_notice_settings').select(['event', 'delivery']).where('user_id', '=', user.id).execute();
  const chosen = new Map(rows.map((row) => [row.event, row.delivery as Delivery]));
  return NOTICE_EVENT_NAMES.filter((event) => can(user, NOTICE_EVENTS[event]))
    .map((event) => ({ event, delivery: chosen.get(event) ?? DEFAULT_DELIVERY }));
}

export async function saveNoticeSettings(db: Kysely<DB>, user: Actor, choices: Partial<Record<NoticeEvent, Delivery>>) {
  const rows = NOTICE_EVENT_NAMES.filter((event) => can(user, NOTICE_EVENTS[event]) && choices[event])
    .map((event) => ({ user_id: user.id, event, delivery: choices[event]! }));
  if (!rows.length) return;
  await db.insertInto('staff_notice_settings').values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'event']).doUpdateSet({ delivery: (eb) => eb.ref('excluded.delivery') }))
    .execute();
}

export const isDelivery = (value: unknown): value is Delivery => DELIVERIES.includes(value as Delivery);

/**
 * The daily digest: each person gets one mail with the notices, since their last digest, of the
 * events they take as a digest. The mail and the mark of what it covered are one transaction, so a
 * digest is sent once even when the job runs twice.
 */
export async function sendDigests(ctx: Pick<AppContext, 'db' | 'jobs' | 'config'>): Promise<number> {
  const staff = await ctx.db.selectFrom('users').select(['id', 'email', 'lang', 'roles'])
    .where('disabled_at', 'is', null).where(sql<boolean>`roles && ${sql.val([...new Set(NOTICE_EVENT_NAMES.flatMap(rolesFor))])}::text[]`)
    .orderBy('id').execute();
  let sent = 0;
  for (const person of staff) {
    const done = await ctx.db.transaction().execute((trx) => digestFor(trx, ctx, { ...person, lang: person.lang as Lang }));
    if (done) sent += 1;
  }
  return sent;
}

async function digestFor(trx: Transaction<DB>, ctx: Ctx, person: { id: number; email: string; lang: Lang; roles: string[] }): Promise<boolean> {
  const last = await trx.selectFrom('staff_notice_digests').select('through_id').where('user_id', '=', person.id).forUpdate().executeTakeFirst();
  const settings = await noticeSettings(trx, person);
  const events = settings.filter((one) => one.delivery === 'digest').map((one) => one.event);
  const latest = await trx.selectFrom('staff_notices').select(sql<number>`coalesce(max(id), 0)`.as('id')).executeTakeFirstOrThrow();
  // A person's first digest covers the last day only, not everything before they joined.
  const since = last?.through_id ?? (await trx.selectFrom('staff_notices').select(sql<number>`coalesce(max(id), 0)`.as('id'))
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`).executeTakeFirstOrThrow()).id;
  const notices = events.length ? await trx.selectFrom('staff_notices').select(['event', 'subject', 'subjects', 'path'])
    .where('id', '>', since).where('id', '<=', latest.id).where('event', 'in', events).orderBy('id').limit(500).execute() : [];
  await trx.insertInto('staff_notice_digests').values({ user_id: person.id, through_id: latest.id })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ through_id: latest.id, sent_at: new Date() })).execute();
  if (!notices.length) return false;
  const t = translator(person.lang);
  const lines = notices.map((notice) => `- ${t(`notices.event.${notice.event}`)} ${noticeLine(subjectIn(notice, person.lang), `${ctx.config.baseUrl}/${person.lang}${notice.path}`).replace('\n', '\n  ')}`);
  await queueMail(trx, ctx.jobs, 'notice.digest', {
    to: person.email,
    subject: t.plural('notices.mail.digest_subject', notices.length),
    text: [t.plural('notices.mail.digest_intro', notices.length), '', ...lines, '', t('notices.mail.settings', { link: settingsLink(ctx, person.lang) })].join('\n'),
  });
  return true;
}
