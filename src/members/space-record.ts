import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Translatable } from '../i18n/translatable.ts';

export interface MemberDecision {
  kind: string; outcome: string | null; method: string;
  votes_for: number | null; votes_against: number | null; abstentions: number | null;
  subject: Translatable | null;
}

/** Meetings a member's contacts see in their space: the latest ones of every body, members-only included. */
const MEETINGS_SHOWN = 12;

/**
 * What a member's space shows of the member's life in the network, one query per part: the
 * bodies' meetings (agenda, summary, every attachment meant for members, the member's attendance),
 * the registrations and news contributions of its contacts, and its submissions to calls.
 * Minutes stay the secretariat's working text; members read the summary.
 */
export async function memberRecord(db: Kysely<DB>, member: { id: number; organisation_id: number }) {
  const [meetings, registrations, news, submissions] = await Promise.all([
    sql<{ id: number; slug: string; body_name: Translatable; starts_on: string; ends_on: string; date_precision: 'day' | 'week' | 'month'; format: string; summary: Translatable | null;
      agenda: Translatable[]; attachments: { id: number; file_name: string }[]; attendance: string | null; decisions: MemberDecision[] }>`
      SELECT mt.id, mt.slug, b.name AS body_name, mt.starts_on::text, mt.ends_on::text, mt.date_precision, mt.format, mt.summary,
        coalesce((SELECT jsonb_agg(i.title ORDER BY i.position) FROM meeting_agenda_items i WHERE i.meeting_id = mt.id), '[]') AS agenda,
        coalesce((SELECT jsonb_agg(jsonb_build_object('id', a.id, 'file_name', a.file_name) ORDER BY a.id) FROM meeting_attachments a WHERE a.meeting_id = mt.id), '[]') AS attachments,
        (SELECT string_agg(DISTINCT at.status, ',') FROM meeting_attendance at JOIN mandates md ON md.id = at.mandate_id
          WHERE at.meeting_id = mt.id AND md.member_id = ${member.id}) AS attendance,
        -- Decisions as members read them: the new member is named when admitted; an applicant that
        -- was turned down or deferred is not named to the whole network.
        coalesce((SELECT jsonb_agg(jsonb_build_object('kind', d.kind, 'outcome', d.outcome, 'method', d.method,
            'votes_for', d.votes_for, 'votes_against', d.votes_against, 'abstentions', d.abstentions,
            'subject', CASE WHEN d.outcome = 'approved' THEN o.name END) ORDER BY d.id)
          FROM meeting_decisions d LEFT JOIN members dm ON dm.id = d.member_id LEFT JOIN organisations o ON o.id = dm.organisation_id
          WHERE d.meeting_id = mt.id), '[]') AS decisions
      FROM meetings mt JOIN bodies b ON b.id = mt.body_id
      ORDER BY mt.starts_on DESC, mt.id DESC LIMIT ${MEETINGS_SHOWN}`.execute(db),
    db.selectFrom('registrations as r').innerJoin('activities as a', 'a.id', 'r.activity_id')
      .select(['a.slug', 'a.title', 'a.start_date', 'r.name', 'r.status', 'r.attended'])
      // An unconfirmed registration is nobody's yet (its address may be someone else's).
      .where('r.status', '<>', 'pending')
      .where('r.email', 'in', db.selectFrom('member_contacts as c').innerJoin('users as u', 'u.id', 'c.user_id').select('u.email').where('c.member_id', '=', member.id))
      .orderBy('a.start_date', 'desc').limit(50).execute(),
    db.selectFrom('news_items as n')
      .select(['n.id', 'n.slug', 'n.title', 'n.status', 'n.created_at'])
      .where('n.submitted_by', 'in', db.selectFrom('member_contacts').select('user_id').where('member_id', '=', member.id))
      .orderBy('n.created_at', 'desc').limit(50).execute(),
    db.selectFrom('submissions as s').innerJoin('calls as c', 'c.id', 's.call_id')
      .select(['c.slug', 'c.title as call_title', 's.title', 's.state', 's.submitted_at',
        sql<string | null>`CASE WHEN s.decision_released_at IS NOT NULL THEN s.decision END`.as('decision')])
      .where('s.organisation_id', '=', member.organisation_id).where('s.state', '<>', 'draft')
      .orderBy('s.submitted_at', 'desc').limit(50).execute(),
  ]);
  return { meetings: meetings.rows, registrations, news, submissions };
}

export type MemberRecord = Awaited<ReturnType<typeof memberRecord>>;
