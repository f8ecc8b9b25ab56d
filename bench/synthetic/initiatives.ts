import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
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
 * needed for the listing's facets), with places a little scattered so the map clusters for real.
 */
export const syntheticInitiatives: Generator = {
  name: 'initiatives',
  async seed(db: Kysely<DB>, size: number): Promise<number> {
    for (let start = 1; start <= size; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(start + BATCH, size + 1); i++) rows.push(initiative(i));
      await db.insertInto('initiatives').values(rows).execute();
    }
    return size;
  },
};

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
