import { sql, type Kysely, type Transaction } from 'kysely';
import { icsCalendar } from '../activities/ics.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { translator } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/langs.ts';
import { textOf, type Translatable } from '../i18n/translatable.ts';
import { queueMail } from '../mail/outbox.ts';
import { countryName } from '../places/countries.ts';
import './convocation-tables.ts';
import { agendaOf, meetingDetail } from './queries.ts';

type Db = Kysely<DB> | Transaction<DB>;
export const ATTENDANCE = ['present', 'excused', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** A seat of the body on the meeting's first day, with the addresses it is convened at. */
export interface Seat {
  mandateId: number;
  role: string;
  /** The member organisation's name, or the person's name (as one original text). */
  holder: Translatable;
  addresses: { email: string; lang: Lang; sentAt: Date | null }[];
  attendance: Attendance | null;
}

/**
 * The seats of the meeting's body on its first day: a member's seat is convened through the
 * member's contact accounts (still active), a person's seat at the person's own address.
 */
export async function seatsOf(db: Db, meetingId: number): Promise<Seat[]> {
  const { rows } = await sql<{ mandate_id: number; role: string; holder: Translatable; email: string | null; lang: Lang | null; sent_at: Date | null; attendance: Attendance | null }>`
    SELECT md.id AS mandate_id, md.role,
      coalesce(o.name, jsonb_build_object('en', jsonb_build_object('text', p.name, 'status', 'original'))) AS holder, addr.email, addr.lang, c.sent_at, a.status AS attendance
    FROM meetings mt
    JOIN mandates md ON md.body_id = mt.body_id
      AND (md.starts_on IS NULL OR md.starts_on <= mt.starts_on) AND (md.ends_on IS NULL OR md.ends_on >= mt.starts_on)
    LEFT JOIN members m ON m.id = md.member_id
    LEFT JOIN organisations o ON o.id = m.organisation_id
    LEFT JOIN people p ON p.id = md.person_id
    LEFT JOIN LATERAL (
      SELECT u.email, u.lang FROM member_contacts mc JOIN users u ON u.id = mc.user_id
        WHERE mc.member_id = md.member_id AND u.disabled_at IS NULL
      UNION ALL SELECT p.email, p.lang WHERE p.email IS NOT NULL
    ) addr ON true
    LEFT JOIN meeting_convocations c ON c.meeting_id = mt.id AND c.email = addr.email
    LEFT JOIN meeting_attendance a ON a.meeting_id = mt.id AND a.mandate_id = md.id
    WHERE mt.id = ${meetingId}
    ORDER BY md.position, md.id, addr.email`.execute(db);
  const seats = new Map<number, Seat>();
  for (const row of rows) {
    const seat = seats.get(row.mandate_id) ?? { mandateId: row.mandate_id, role: row.role, holder: row.holder, addresses: [], attendance: row.attendance };
    seats.set(row.mandate_id, seat);
    if (row.email && !seat.addresses.some((one) => one.email === row.email)) seat.addresses.push({ email: row.email, lang: row.lang ?? 'en', sentAt: row.sent_at });
  }
  return [...seats.values()];
}

/**
 * Sends the convocation to every address of the body's seats not yet convened: the agenda, the
 * dates and place, and the meeting as an .ics, each in the addressee's language. The rows that mark
 * an address convened and the mails are one transaction: pressing twice convenes nobody twice.
 */
export async function sendConvocations(ctx: Pick<AppContext, 'db' | 'jobs' | 'config'>, meetingId: number, actorId: number): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await trx.selectFrom('meetings').select('id').where('id', '=', meetingId).forUpdate().executeTakeFirst();
    if (!meeting) return -1;
    const [detail, agenda, seats] = await Promise.all([meetingDetail(trx, meetingId), agendaOf(trx, [meetingId]), seatsOf(trx, meetingId)]);
    let sent = 0;
    for (const seat of seats) {
      for (const address of seat.addresses.filter((one) => !one.sentAt)) {
        const claimed = await trx.insertInto('meeting_convocations').values({ meeting_id: meetingId, email: address.email, mandate_id: seat.mandateId, sent_by: actorId })
          .onConflict((oc) => oc.doNothing()).returning('email').executeTakeFirst();
        if (!claimed) continue;
        await queueMail(trx, ctx.jobs, 'governance.convocation', convocationMail(ctx, detail!, agenda, address));
        sent += 1;
      }
    }
    await recordAudit(trx, { actorId, action: 'governance.meeting.convene', entityType: 'meeting', entityId: meetingId, details: { sent } });
    return sent;
  });
}

type MeetingRow = NonNullable<Awaited<ReturnType<typeof meetingDetail>>>;

function convocationMail(ctx: Pick<AppContext, 'config'>, meeting: MeetingRow, agenda: Awaited<ReturnType<typeof agendaOf>>, to: { email: string; lang: Lang }) {
  const t = translator(to.lang);
  const body = textOf(meeting.body_name, to.lang);
  const when = meeting.starts_on === meeting.ends_on ? t.date(meeting.starts_on, 'long') : `${t.date(meeting.starts_on, 'long')} – ${t.date(meeting.ends_on, 'long')}`;
  const place = [t(`governance.format.${meeting.format}`), meeting.city, meeting.country ? countryName(meeting.country, to.lang) : null].filter(Boolean).join(' · ');
  const url = `${ctx.config.baseUrl}/${to.lang}/governance`;
  const items = agenda.map((item, index) => `${index + 1}. ${textOf(item.title, to.lang)}`);
  const ics = icsCalendar(body, [{
    uid: `${meeting.slug}@meetings.${new URL(ctx.config.baseUrl).hostname}`, sequence: 0, updatedAt: new Date(`${meeting.starts_on}T00:00:00Z`),
    summary: body, description: items.join('\n'), location: place, url,
    start_date: meeting.starts_on, end_date: meeting.ends_on,
    date_precision: meeting.date_precision === 'month' ? 'month' : 'day', tentative: meeting.date_precision !== 'day',
  }]);
  return {
    to: to.email,
    subject: t('governance.convocation.subject', { body, when }),
    text: [t('governance.convocation.intro', { body, when }), place, '', t('governance.agenda'), ...(items.length ? items : [t('governance.convocation.no_agenda')]), '', url].join('\n'),
    attachments: [{ filename: `${meeting.slug}.ics`, contentType: 'text/calendar; method=PUBLISH; charset=utf-8', content: ics }],
  };
}

/** Records who attended, seat by seat (only seats of the body on the meeting's day). */
export async function recordAttendance(ctx: Pick<AppContext, 'db'>, meetingId: number, actorId: number, marks: Map<number, Attendance>) {
  await ctx.db.transaction().execute(async (trx) => {
    const seats = new Set((await seatsOf(trx, meetingId)).map((seat) => seat.mandateId));
    const rows = [...marks].filter(([mandateId]) => seats.has(mandateId))
      .map(([mandateId, status]) => ({ meeting_id: meetingId, mandate_id: mandateId, status, recorded_by: actorId, recorded_at: new Date() }));
    if (rows.length) {
      await trx.insertInto('meeting_attendance').values(rows)
        .onConflict((oc) => oc.columns(['meeting_id', 'mandate_id']).doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), recorded_by: eb.ref('excluded.recorded_by'), recorded_at: eb.ref('excluded.recorded_at') })))
        .execute();
    }
    await recordAudit(trx, { actorId, action: 'governance.meeting.attendance', entityType: 'meeting', entityId: meetingId, details: { recorded: rows.length } });
  });
}
