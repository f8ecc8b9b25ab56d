import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { translator } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/langs.ts';
import { textOf, type Translatable } from '../i18n/translatable.ts';
import { queueMail } from '../mail/outbox.ts';
import './outreach-tables.ts';

type Db = Kysely<DB> | Transaction<DB>;
export const AUDIENCES = ['confirmed', 'waiting', 'all'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The join link of an online event, for its confirmed registrants only (never on a public page). */
export async function joinLinkOf(db: Db, activityId: number): Promise<string | null> {
  const row = await db.selectFrom('activity_join_links').select('url').where('activity_id', '=', activityId).executeTakeFirst();
  return row?.url ?? null;
}

/** Sets or (with an empty url) removes the join link; audited. */
export async function saveJoinLink(db: Kysely<DB>, activityId: number, url: string, actorId: number) {
  await db.transaction().execute(async (trx) => {
    if (url) {
      await trx.insertInto('activity_join_links').values({ activity_id: activityId, url, updated_by: actorId })
        .onConflict((oc) => oc.column('activity_id').doUpdateSet({ url, updated_by: actorId, updated_at: new Date() })).execute();
    } else {
      await trx.deleteFrom('activity_join_links').where('activity_id', '=', activityId).execute();
    }
    await recordAudit(trx, { actorId, action: url ? 'activity.join_link.set' : 'activity.join_link.remove', entityType: 'activity', entityId: activityId });
  });
}

/** How many registrations each audience reaches (cancelled ones never). */
export async function audienceCounts(db: Db, activityId: number): Promise<Record<Audience, number>> {
  const { rows } = await sql<{ confirmed: number; waiting: number }>`
    SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waiting')::int AS waiting
    FROM registrations WHERE activity_id = ${activityId}`.execute(db);
  const { confirmed, waiting } = rows[0]!;
  return { confirmed, waiting, all: confirmed + waiting };
}

/**
 * The secretariat's message to an event's registrants: one mail per registration of the audience,
 * queued with the mailing's row in one transaction (the outbox delivers each once). The join link
 * goes only to confirmed registrants, whatever the audience.
 */
export async function mailRegistrants(
  ctx: Pick<AppContext, 'db' | 'jobs' | 'config'>,
  activity: { id: number; slug: string; title: Translatable },
  input: { audience: Audience; subject: string; body: string; with_join_link: boolean },
  actorId: number,
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const statuses: ('confirmed' | 'waiting')[] = input.audience === 'all' ? ['confirmed', 'waiting'] : [input.audience];
    const recipients = await trx.selectFrom('registrations').select(['email', 'lang', 'status'])
      .where('activity_id', '=', activity.id).where('status', 'in', statuses).orderBy('id').execute();
    const link = input.with_join_link ? await joinLinkOf(trx, activity.id) : null;
    const { id } = await trx.insertInto('activity_mailings').values({ activity_id: activity.id, ...input, with_join_link: Boolean(link), recipients: recipients.length, sent_by: actorId })
      .returning('id').executeTakeFirstOrThrow();
    for (const person of recipients) {
      const t = translator(person.lang as Lang);
      const lines = [input.body, ''];
      if (link && person.status === 'confirmed') lines.push(t('outreach.mail.join', { url: link }), '');
      lines.push(t('outreach.mail.footer', { title: textOf(activity.title, person.lang as Lang), url: `${ctx.config.baseUrl}/${person.lang}/activities/${activity.slug}` }));
      await queueMail(trx, ctx.jobs, 'activity.mailing', { to: person.email, subject: input.subject, text: lines.join('\n') });
    }
    await recordAudit(trx, { actorId, action: 'activity.mailing', entityType: 'activity', entityId: activity.id, details: { mailing: id, recipients: recipients.length } });
    return recipients.length;
  });
}

export function mailingsOf(db: Db, activityId: number) {
  return db.selectFrom('activity_mailings').select(['id', 'audience', 'subject', 'recipients', 'with_join_link', 'created_at'])
    .where('activity_id', '=', activityId).orderBy('created_at', 'desc').limit(20).execute();
}
