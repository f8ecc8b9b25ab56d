import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

const PUBLIC_COLUMNS = ['id', 'slug', 'kind', 'title', 'summary', 'body', 'image_key', 'image_mime', 'image_alt', 'image_id', 'link', 'source_lang', 'published_at', 'updated_at'] as const;

export async function publishedPage(db: Executor, { limit, offset, kind }: { limit: number; offset: number; kind?: 'news' | 'announcement' }) {
  let base = db.selectFrom('news_items').where('status', '=', 'accepted');
  if (kind) base = base.where('kind', '=', kind);
  const [rows, count] = await Promise.all([
    base.select(PUBLIC_COLUMNS).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function publishedBySlug(db: Executor, slug: string) {
  return db.selectFrom('news_items').select(PUBLIC_COLUMNS).where('slug', '=', slug).where('status', '=', 'accepted').executeTakeFirst();
}

export function newsById(db: Executor, id: number, lock = false) {
  let query = db.selectFrom('news_items').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function submissionsBy(db: Executor, userId: number) {
  return db
    .selectFrom('news_items')
    .select(['id', 'slug', 'kind', 'title', 'status', 'created_at', 'updated_at', 'published_at'])
    .where('submitted_by', '=', userId)
    .orderBy('updated_at', 'desc')
    .execute();
}

/** The editors' queue: items waiting for a decision first, then the rest, latest change first. */
export function reviewQueue(db: Executor) {
  return db
    .selectFrom('news_items')
    .leftJoin('users', 'users.id', 'news_items.submitted_by')
    .select(['news_items.id', 'news_items.slug', 'news_items.kind', 'news_items.title', 'news_items.status', 'news_items.updated_at', 'news_items.source_lang', 'users.email as submitter_email', 'users.name as submitter_name'])
    .orderBy((eb) => eb.case().when('news_items.status', '=', 'submitted').then(0).when('news_items.status', '=', 'changes_requested').then(1).else(2).end())
    .orderBy('news_items.updated_at', 'desc')
    .orderBy('news_items.id', 'desc')
    .limit(500)
    .execute();
}

export function reviewsOf(db: Executor, newsId: number) {
  return db
    .selectFrom('news_reviews')
    .leftJoin('users', 'users.id', 'news_reviews.reviewer_id')
    .select(['news_reviews.id', 'news_reviews.action', 'news_reviews.comment', 'news_reviews.at', 'users.name as reviewer_name', 'users.email as reviewer_email'])
    .where('news_id', '=', newsId)
    .orderBy('news_reviews.at')
    .orderBy('news_reviews.id')
    .execute();
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return (await db.selectFrom('news_items').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export function userContact(db: Executor, id: number) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'lang']).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
}

/** Published news for the API: newest first, optionally of one kind and containing words (any language). */
export async function publishedMatching(db: Executor, { kind, q, limit, offset }: { kind?: 'news' | 'announcement'; q?: string; limit: number; offset: number }) {
  let base = db.selectFrom('news_items').where('status', '=', 'accepted');
  if (kind) base = base.where('kind', '=', kind);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb(sql`title::text`, 'ilike', pattern), eb(sql`summary::text`, 'ilike', pattern), eb(sql`body::text`, 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    base.select(PUBLIC_COLUMNS).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
