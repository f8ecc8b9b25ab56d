import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { reindexSearch } from '../../src/search/indexer.ts';
import { translated } from '../../src/i18n/translatable.ts';
import { regionOf } from '../../src/places/regions.ts';
import { sdgsFor, THEME_SLUGS } from '../../src/initiatives/themes.ts';
import type { Generator } from '../targets.ts';
import { choose, paragraph, random, TOPICS } from './text.ts';

const AT = '2026-11-01T00:00:00.000Z';
const BATCH = 500;
const PLACES = [['Seoul', 'KR', 37.57, 126.98], ['Bilbao', 'ES', 43.26, -2.93], ['Dakar', 'SN', 14.69, -17.44], ['Montréal', 'CA', 45.5, -73.57],
  ['Mexico City', 'MX', 19.43, -99.13], ['Kampala', 'UG', 0.35, 32.58], ['Paris', 'FR', 48.86, 2.35], ['Bamako', 'ML', 12.65, -8.0],
  ['Quito', 'EC', -0.22, -78.51], ['Tokyo', 'JP', 35.68, 139.69]] as const;

/**
 * N synthetic initiatives `bench-initiative-<i>` over 20 events (sessions and workshops are not
 * needed for the listing's facets), with places a little scattered so the map clusters for real;
 * indexed for the site search as the app indexes each initiative it writes (the archive's text
 * query reads that index).
 */
export const syntheticInitiatives: Generator = {
  name: 'initiatives',
  async seed(db: Kysely<DB>, size: number): Promise<number> {
    await seedInitiativeRange(db, 1, size);
    return size;
  },
};

/** Writes and indexes the synthetic initiatives numbered `from` to `to`; returns their ids. */
export async function seedInitiativeRange(db: Kysely<DB>, from: number, to: number): Promise<number[]> {
  const batches: number[][] = [];
  for (let start = from; start <= to; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(start + BATCH, to + 1); i++) rows.push(initiative(i));
    batches.push((await db.insertInto('initiatives').values(rows).returning('id').execute()).map((row) => row.id));
  }
  // As a bulk import would: the word index takes new entries into its pending list, merged into the
  // index once at the end (one by one, as the site writes them, 50,000 initiatives took 13 minutes).
  await sql`ALTER INDEX search_texts_match SET (fastupdate = on)`.execute(db);
  try {
    for (const ids of batches) await reindexSearch(db, 'initiative', ids);
    await sql`SELECT gin_clean_pending_list('search_texts_match')`.execute(db);
  } finally {
    await sql`ALTER INDEX search_texts_match SET (fastupdate = off)`.execute(db);
  }
  return batches.flat();
}

function initiative(i: number) {
  const next = random(i * 104729);
  const topic = choose(next, TOPICS);
  const [city, country, latitude, longitude] = choose(next, PLACES);
  const themes = [choose(next, THEME_SLUGS), choose(next, THEME_SLUGS)].filter((v, k, all) => all.indexOf(v) === k);
  const title = { en: `Initiative on ${topic.en} ${i}`, fr: `Initiative sur ${topic.fr} ${i}`, es: `Iniciativa sobre ${topic.es} ${i}`, ko: `${topic.ko} 이니셔티브 ${i}` };
  return {
    slug: `bench-initiative-${i}`,
    event_slug: `bench-forum-${i % 20}`,
    dedup_key: `bench ${i}`,
    code: `${1 + (i % 9)}.${1 + (i % 5)}.${i}`,
    kind: 'initiative' as const,
    title: JSON.stringify(translated('en', title, AT)),
    summary: JSON.stringify(translated('en', paragraph(next, topic), AT)),
    city,
    country,
    region: regionOf(country),
    latitude: latitude + (next() - 0.5) * 4,
    longitude: longitude + (next() - 0.5) * 4,
    presenters: JSON.stringify([{ name: `Presenter ${i}`, role: 'Director', organisation: null, url: null }]),
    themes,
    sdgs: sdgsFor(themes),
    created_at: AT,
    updated_at: AT,
  };
}
