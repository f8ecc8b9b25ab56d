import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';

/**
 * Test and bench support: active subscribers written straight into the table, as a finished
 * double opt-in leaves them (the subscription journey itself is tested by its own module).
 */
export async function addActiveSubscribers(db: Kysely<DB>, people: { email: string; lang: Lang }[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < people.length; start += 1000) {
    const rows = people.slice(start, start + 1000).map((p) => ({
      email: p.email,
      lang: p.lang,
      topics: ['newsletter'],
      status: 'active' as const,
      consent: JSON.stringify({ at: new Date().toISOString(), method: 'import', text: 'synthetic', lang: p.lang, source: 'test' }),
      confirmed_at: new Date(),
    }));
    const inserted = await db.insertInto('subscribers').values(rows as never).returning('id').execute();
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}
