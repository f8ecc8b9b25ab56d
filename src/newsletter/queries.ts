import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import type { SectionKind, SectionTexts } from './tables.ts';
import './tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function listIssues(db: Db, options: { status?: 'sent' } = {}) {
  let query = db.selectFrom('newsletter_issues').selectAll();
  if (options.status) query = query.where('status', '=', options.status);
  return query.orderBy('number', 'desc').execute();
}

export function findIssue(db: Db, by: { id: number } | { slug: string }) {
  const query = db.selectFrom('newsletter_issues').selectAll();
  return ('id' in by ? query.where('id', '=', by.id) : query.where('slug', '=', by.slug)).executeTakeFirst();
}

export function lockIssue(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('newsletter_issues').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function nextNumber(db: Db): Promise<number> {
  const row = await db.selectFrom('newsletter_issues').select(sql<number>`coalesce(max(number), 0) + 1`.as('next')).executeTakeFirstOrThrow();
  return Number(row.next);
}

export function insertIssue(trx: Transaction<DB>, values: { number: number; slug: string; issue_date: string; source_lang: Lang; fallback_lang: Lang; events_count: number; created_by: number | null }) {
  return trx.insertInto('newsletter_issues').values(values).returning(['id', 'slug']).executeTakeFirstOrThrow();
}

export function updateIssue(trx: Db, id: number, values: Partial<{ status: 'draft' | 'scheduled' | 'sending' | 'sent'; scheduled_at: Date | null; sent_at: Date | null; source_revision: number; events_count: number; fallback_lang: Lang; issue_date: string }>) {
  return trx.updateTable('newsletter_issues').set({ ...values, updated_at: new Date() }).where('id', '=', id).executeTakeFirst();
}

export function listEditions(db: Db, issueIds: number[]) {
  if (issueIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('newsletter_editions').selectAll().where('issue_id', 'in', issueIds).execute();
}

export function upsertEdition(trx: Db, values: { issue_id: number; lang: Lang; status: 'draft' | 'ready' | 'skipped'; subject: string; intro: string; based_on_revision: number }) {
  return trx
    .insertInto('newsletter_editions')
    .values({ ...values, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['issue_id', 'lang']).doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

export function listSections(db: Db, issueId: number) {
  return db.selectFrom('newsletter_sections').selectAll().where('issue_id', '=', issueId).orderBy('position').execute();
}

export function insertSection(trx: Db, values: { issue_id: number; position: number; kind: SectionKind; texts?: SectionTexts; member_slug?: string | null; news_ids?: number[] }) {
  return trx
    .insertInto('newsletter_sections')
    .values({ ...values, texts: JSON.stringify(values.texts ?? {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateSection(trx: Db, id: number, values: { texts?: SectionTexts; member_slug?: string | null; news_ids?: number[]; position?: number }) {
  const { texts, ...rest } = values;
  return trx
    .updateTable('newsletter_sections')
    .set({ ...rest, ...(texts ? { texts: JSON.stringify(texts) } : {}) })
    .where('id', '=', id)
    .executeTakeFirst();
}

export function deleteSection(trx: Db, issueId: number, id: number) {
  return trx.deleteFrom('newsletter_sections').where('issue_id', '=', issueId).where('id', '=', id).executeTakeFirst();
}

/** Counts of an issue's deliveries by status. */
export async function deliveryCounts(db: Db, issueId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select(['status', sql<number>`count(*)::int`.as('count')])
    .where('issue_id', '=', issueId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}
