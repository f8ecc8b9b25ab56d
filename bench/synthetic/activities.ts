import type { Kysely } from 'kysely';
import { ACTIVITY_TYPES, THEMES } from '../../src/activities/domain.ts';
import type { DB } from '../../src/db/types.ts';
import { translated } from '../../src/i18n/translatable.ts';
import { regionOf } from '../../src/places/regions.ts';
import type { Generator } from '../targets.ts';
import { choose, paragraph, random, TOPICS } from './text.ts';

const AT = '2026-11-01T00:00:00.000Z';
const BATCH = 500;
const PLACES = [['Seoul', 'KR'], ['Bilbao', 'ES'], ['Dakar', 'SN'], ['Montréal', 'CA'], ['Mexico City', 'MX'], ['Kampala', 'UG'], ['Paris', 'FR'], ['Bamako', 'ML'], ['Hong Kong', 'HK'], ['Córdoba', 'AR']] as const;

/**
 * N synthetic events `bench-event-<i>` spread over 2010–2029: a fifth month-only, a third
 * tentative, a tenth online, with themes and places, so the calendar, the filtered listing and
 * the iCalendar feed work over realistic shapes.
 */
export const syntheticEvents: Generator = {
  name: 'activities (events)',
  async seed(db: Kysely<DB>, size: number): Promise<number> {
    for (let start = 1; start <= size; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(start + BATCH, size + 1); i++) rows.push(event(i));
      await db.insertInto('activities').values(rows).execute();
    }
    return size;
  },
};

function event(i: number) {
  const next = random(i * 7919);
  const topic = choose(next, TOPICS);
  const year = 2010 + (i % 20);
  const month = 1 + Math.floor(next() * 12);
  const monthOnly = next() < 0.2;
  const day = 1 + Math.floor(next() * 25);
  const length = Math.floor(next() * 4);
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = monthOnly ? `${year}-${pad(month)}-01` : `${year}-${pad(month)}-${pad(day)}`;
  const end = monthOnly ? start : `${year}-${pad(month)}-${pad(day + length)}`;
  const [city, country] = choose(next, PLACES);
  const title = { en: `Meeting on ${topic.en} ${i}`, fr: `Rencontre sur ${topic.fr} ${i}`, es: `Encuentro sobre ${topic.es} ${i}`, ko: `${topic.ko} 회의 ${i}` };
  return {
    slug: `bench-event-${i}`,
    uid: `bench-event-${i}@bench.invalid`,
    type: choose(next, ACTIVITY_TYPES),
    title: JSON.stringify(translated('en', title, AT)),
    summary: JSON.stringify(translated('en', paragraph(next, topic), AT)),
    start_date: start,
    end_date: end,
    date_precision: monthOnly ? ('month' as const) : ('day' as const),
    tentative: next() < 0.33,
    format: next() < 0.1 ? ('online' as const) : ('in-person' as const),
    city,
    country,
    region: regionOf(country),
    participants: next() < 0.5 ? 20 + Math.floor(next() * 500) : null,
    themes: [choose(next, THEMES), choose(next, THEMES)].filter((v, k, all) => all.indexOf(v) === k),
    updated_at: AT,
    created_at: AT,
  };
}
