import type { Transaction } from 'kysely';
import { NEWS } from '../../seed/news.ts';
import type { DB } from '../db/types.ts';
import { translated } from '../i18n/translatable.ts';

/** The seeded announcements, matched by slug: running the seed again updates them in place. */
export async function seedNews(trx: Transaction<DB>): Promise<void> {
  for (const entry of NEWS) {
    const at = entry.publishedAt;
    const row = {
      kind: 'announcement' as const,
      title: JSON.stringify(translated('en', entry.title, at)),
      summary: JSON.stringify(translated('en', entry.summary, at)),
      body: JSON.stringify(translated('en', entry.body, at)),
      source_lang: 'en',
      status: 'accepted' as const,
      published_at: new Date(at),
      updated_at: new Date(at),
    };
    await trx
      .insertInto('news_items')
      .values({ slug: entry.slug, ...row, created_at: new Date(at) })
      .onConflict((oc) => oc.column('slug').doUpdateSet(row))
      .execute();
  }
}
