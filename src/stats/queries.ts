import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Translatable } from '../i18n/translatable.ts';

type Db = Kysely<DB>;
export interface Count { key: string; count: number }

/**
 * Members counted on a day: each member's latest status event effective on or before it (the
 * history is never overwritten, so any past day reads as it stood then). Partners and honorary
 * members are not counted, as on the home page.
 */
export async function membersAsOf(db: Db, day: string, by: 'kind' | 'region' | 'country'): Promise<Count[]> {
  const column = by === 'kind' ? sql.ref('m.kind') : by === 'region' ? sql.ref('o.region') : sql.ref('o.country');
  const { rows } = await sql<{ key: string | null; count: string }>`
    SELECT ${column} AS key, count(*) AS count FROM (
      SELECT DISTINCT ON (e.member_id) e.member_id, e.status
      FROM membership_events e
      WHERE e.status IS NOT NULL AND coalesce(e.effective_on, e.at::date) <= ${day}::date
      ORDER BY e.member_id, coalesce(e.effective_on, e.at::date) DESC, e.id DESC
    ) latest
    JOIN members m ON m.id = latest.member_id
    JOIN organisations o ON o.id = m.organisation_id
    WHERE latest.status = 'active' AND m.kind NOT IN ('partner', 'honorary')
    GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db);
  return rows.map((row) => ({ key: row.key ?? '—', count: Number(row.count) }));
}

/**
 * Active members at the end of each quarter since the first status event, and on `day` itself:
 * the line drawn against the membership target. Each point reads the history as membersAsOf does.
 */
export async function membershipOverTime(db: Db, day: string): Promise<{ day: string; count: number }[]> {
  const { rows } = await sql<{ day: string; count: string }>`
    WITH first AS (SELECT min(coalesce(effective_on, at::date)) AS day FROM membership_events WHERE status IS NOT NULL),
    days AS (
      SELECT (quarter + interval '3 months' - interval '1 day')::date AS day
      FROM first, generate_series(date_trunc('quarter', first.day), ${day}::date, interval '3 months') AS quarter
      WHERE (quarter + interval '3 months' - interval '1 day')::date < ${day}::date
      UNION SELECT ${day}::date FROM first WHERE first.day IS NOT NULL)
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day, (
      SELECT count(*) FROM (
        SELECT DISTINCT ON (e.member_id) e.status
        FROM membership_events e JOIN members m ON m.id = e.member_id AND m.kind NOT IN ('partner', 'honorary')
        WHERE e.status IS NOT NULL AND coalesce(e.effective_on, e.at::date) <= days.day
        ORDER BY e.member_id, coalesce(e.effective_on, e.at::date) DESC, e.id DESC
      ) latest WHERE latest.status = 'active') AS count
    FROM days ORDER BY days.day`.execute(db);
  return rows.map((row) => ({ day: row.day, count: Number(row.count) }));
}

/**
 * Applications received (first submission), decided (the committee's decision), the median days
 * between the two, and withdrawals, as the application events stood on a day.
 */
export async function applicationsAsOf(db: Db, day: string) {
  const { rows } = await sql<{ received: string; decided: string; median_days: number | null; withdrawals: string }>`
    WITH steps AS (
      SELECT application_id,
        min(at) FILTER (WHERE action = 'submitted') AS submitted,
        min(at) FILTER (WHERE action LIKE 'decision\\_%') AS decided
      FROM membership_events WHERE application_id IS NOT NULL AND at::date <= ${day}::date
      GROUP BY application_id)
    SELECT count(submitted) AS received, count(decided) AS decided,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided - submitted) / 86400) AS median_days,
      (SELECT count(*) FROM membership_events e WHERE e.status = 'withdrawn' AND coalesce(e.effective_on, e.at::date) <= ${day}::date) AS withdrawals
    FROM steps`.execute(db);
  const row = rows[0]!;
  return { received: Number(row.received), decided: Number(row.decided), medianDays: row.median_days === null ? null : Math.round(Number(row.median_days)), withdrawals: Number(row.withdrawals) };
}

/** Activities of a year (top-level and sub-events alike, as the API lists them) counted by a column. */
export async function activitiesOfYear(db: Db, year: number, by: 'type' | 'region' | 'format'): Promise<Count[]> {
  const { rows } = await sql<{ key: string | null; count: string }>`
    SELECT ${sql.ref(by)} AS key, count(*) AS count FROM activities
    WHERE extract(year FROM start_date) = ${year}
    GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db);
  return rows.map((row) => ({ key: row.key ?? '—', count: Number(row.count) }));
}

/**
 * A year's programme against what took place. Planned: the year's top-level entries still marked
 * tentative (the provisional programme, as drafted). Held: planned entries linked to a record that
 * is not tentative and starts the same year (the event as it took place). Outside the programme:
 * such records linked to no planned entry.
 */
export async function plannedVersusHeld(db: Db, year: number) {
  const { rows } = await sql<{ planned: string; held: string; unplanned: string }>`
    WITH of_year AS (SELECT id, tentative FROM activities WHERE parent_id IS NULL AND extract(year FROM start_date) = ${year}),
    links AS (SELECT activity_id AS one, related_id AS other FROM activity_relations
      UNION SELECT related_id, activity_id FROM activity_relations),
    planned AS (SELECT id FROM of_year WHERE tentative),
    held AS (SELECT DISTINCT planned.id FROM planned
      JOIN links ON links.one = planned.id JOIN of_year record ON record.id = links.other AND NOT record.tentative)
    SELECT (SELECT count(*) FROM planned) AS planned, (SELECT count(*) FROM held) AS held,
      (SELECT count(*) FROM of_year record WHERE NOT record.tentative AND NOT EXISTS (
        SELECT 1 FROM links JOIN planned ON planned.id = links.other WHERE links.one = record.id)) AS unplanned`.execute(db);
  const row = rows[0]!;
  const planned = Number(row.planned), held = Number(row.held);
  return { planned, held, unrecorded: planned - held, unplanned: Number(row.unplanned) };
}

/** Activities per year, with the participants and countries reached where the records give them. */
export async function activitiesPerYear(db: Db) {
  const { rows } = await sql<{ year: number; count: string; participants: string | null; with_participants: string }>`
    SELECT extract(year FROM start_date)::int AS year, count(*) AS count,
      sum(participants) AS participants, count(participants) AS with_participants
    FROM activities GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.map((row) => ({ year: row.year, count: Number(row.count), participants: Number(row.participants ?? 0), withParticipants: Number(row.with_participants) }));
}

/** Activities of a year that give their participants (the seeds: 13 from 9 countries in Seoul…). */
export function reachOfYear(db: Db, year: number) {
  return db.selectFrom('activities')
    .select(['slug', 'title', 'start_date', 'participants', 'countries_count'])
    .where(sql`extract(year FROM start_date)`, '=', year)
    .where((eb) => eb.or([eb('participants', 'is not', null), eb('countries_count', 'is not', null)]))
    .orderBy('start_date').orderBy('slug')
    .execute();
}

export async function activityYears(db: Db): Promise<number[]> {
  const { rows } = await sql<{ year: number }>`SELECT DISTINCT extract(year FROM start_date)::int AS year FROM activities ORDER BY 1`.execute(db);
  return rows.map((row) => row.year);
}

/** Initiatives counted by region, country or theme (an initiative with two themes counts in both). */
export async function initiativesBy(db: Db, by: 'region' | 'country' | 'theme'): Promise<Count[]> {
  const query = by === 'theme'
    ? sql<{ key: string | null; count: string }>`SELECT theme AS key, count(*) AS count FROM initiatives, unnest(themes) AS theme GROUP BY 1 ORDER BY 2 DESC, 1`
    : sql<{ key: string | null; count: string }>`SELECT ${sql.ref(by)} AS key, count(*) AS count FROM initiatives GROUP BY 1 ORDER BY 2 DESC, 1`;
  const { rows } = await query.execute(db);
  return rows.map((row) => ({ key: row.key ?? '—', count: Number(row.count) }));
}

/** Confirmed subscribers by language and by topic (one with two topics counts under each); issues sent; deliveries by status (no tracking pixels: only what SMTP tells). */
export async function newsletterFigures(db: Db) {
  const [subscribers, topics, issues, deliveries] = await Promise.all([
    sql<{ key: string; count: string }>`SELECT lang AS key, count(*) AS count FROM subscribers WHERE status = 'active' GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db),
    sql<{ key: string; count: string }>`SELECT topic AS key, count(*) AS count FROM subscribers, unnest(topics) AS topic WHERE status = 'active' GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db),
    sql<{ count: string }>`SELECT count(*) AS count FROM newsletter_issues WHERE status = 'sent'`.execute(db),
    sql<{ key: string; count: string }>`SELECT status AS key, count(*) AS count FROM newsletter_deliveries GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db),
  ]);
  const counts = (rows: { key: string; count: string }[]) => rows.map((row) => ({ key: row.key, count: Number(row.count) }));
  return { subscribers: counts(subscribers.rows), topics: counts(topics.rows), issuesSent: Number(issues.rows[0]!.count), deliveries: counts(deliveries.rows) };
}

/**
 * Each call past its draft: submissions received (the figure the secretariat reported for a call run
 * before Passerelle, else the submissions sent, withdrawn ones included) and selected (accepted and
 * released), with the countries of the selected ones.
 */
export async function callsReceivedSelected(db: Db) {
  const { rows } = await sql<{ slug: string; title: Translatable; reported: number | null; sent: string; selected: string; countries: string }>`
    SELECT c.slug, c.title, c.received_count_reported AS reported,
      count(s.id) FILTER (WHERE s.submitted_at IS NOT NULL) AS sent,
      count(s.id) FILTER (WHERE s.decision = 'accepted' AND s.decision_released_at IS NOT NULL) AS selected,
      count(DISTINCT s.country) FILTER (WHERE s.decision = 'accepted' AND s.decision_released_at IS NOT NULL) AS countries
    FROM calls c LEFT JOIN submissions s ON s.call_id = c.id
    WHERE c.state <> 'draft'
    GROUP BY c.id ORDER BY c.closes_at DESC NULLS LAST, c.slug`.execute(db);
  return rows.map((row) => ({
    slug: row.slug, title: row.title,
    received: row.reported ?? Number(row.sent), reported: row.reported !== null,
    selected: Number(row.selected), countries: Number(row.countries),
  }));
}
