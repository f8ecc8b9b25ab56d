import { sql, type Kysely } from 'kysely';
import { can, type Actor, type Permission } from '../auth/permissions.ts';
import type { DB } from '../db/types.ts';
import { countOverdue } from '../members/fees/domain.ts';

/** One line of the back-office home: how many things wait on this person, and where they are. */
export interface Waiting { key: string; count: number; path: string }

interface Source { key: string; permission: Permission; path: string; count: (db: Kysely<DB>) => Promise<number> }

const countOf = async (query: Promise<{ n: number } | undefined>) => Number((await query)?.n ?? 0);

const SOURCES: Source[] = [
  { key: 'applications_review', permission: 'members.review', path: '/admin/applications?status=submitted',
    count: (db) => countOf(db.selectFrom('membership_applications').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'submitted').executeTakeFirst()) },
  { key: 'applications_decide', permission: 'members.decide', path: '/admin/applications?status=recommended&status=not_recommended',
    count: (db) => countOf(db.selectFrom('membership_applications').select(sql<number>`count(*)::int`.as('n')).where('status', 'in', ['recommended', 'not_recommended']).executeTakeFirst()) },
  { key: 'news_review', permission: 'news.review', path: '/admin/news',
    count: (db) => countOf(db.selectFrom('news_items').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'submitted').executeTakeFirst()) },
  { key: 'translations', permission: 'translations.translate', path: '/admin/translations',
    count: async (db) => (await sql<{ n: number }>`SELECT coalesce(sum(n), 0)::int AS n FROM translation_unit_counts WHERE state IN ('missing', 'outdated', 'machine')`.execute(db)).rows[0]?.n ?? 0 },
  { key: 'fees_overdue', permission: 'members.manage', path: '/admin/fees', count: (db) => countOverdue(db) },
];

/** What waits on this person, for the sources their roles let them act on (counted together). */
export async function waitingFor(db: Kysely<DB>, user: Actor): Promise<Waiting[]> {
  const mine = SOURCES.filter((source) => can(user, source.permission));
  const counts = await Promise.all(mine.map((source) => source.count(db)));
  return mine.map((source, index) => ({ key: source.key, count: counts[index]!, path: source.path }));
}
