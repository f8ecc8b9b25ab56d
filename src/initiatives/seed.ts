import type { Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import { translated } from '../i18n/translatable.ts';
import { SEEDED_AT } from '../seed/seeded-at.ts';
import { GSEF2018_PROGRAMME } from '../../seed/initiatives-gsef2018.ts';
import { GSEF2018_SUMMARIES } from '../../seed/initiatives-gsef2018-summaries.ts';
import { applyProgramme, type ProgrammeData, type ProgrammeEntry } from './programme.ts';
import { THEMES } from './themes.ts';

/** The committed facts of a booklet (see export-seed.ts); summaries come from their own file. */
export type SeedProgramme = Omit<ProgrammeData, 'entries' | 'lang'> & { lang: string; entries: Omit<ProgrammeEntry, 'summary'>[] };

export const GSEF2018_EVENT = 'gsef2018-bilbao';
const GSEF2018_TITLE = { en: 'GSEF2018 Bilbao', fr: 'GSEF2018 Bilbao', es: 'GSEF2018 Bilbao', ko: 'GSEF2018 빌바오' };

/** A gazetteer over the coordinates stored in the seed: seeding never loads the city database. */
function seededPlaces(programme: SeedProgramme) {
  const places = new Map<string, { latitude: number; longitude: number }>();
  for (const entry of programme.entries) {
    if (entry.city && entry.country && entry.latitude != null && entry.longitude != null) places.set(`${entry.city}|${entry.country}`, { latitude: entry.latitude, longitude: entry.longitude });
  }
  return { find: (city: string, country: string) => {
    const place = places.get(`${city}|${country}`);
    return place ? { name: city, country, population: 0, ...place } : null;
  } };
}

export async function seedInitiatives(trx: Transaction<DB>): Promise<void> {
  for (const [position, theme] of THEMES.entries()) {
    const values = { name: JSON.stringify(translated('en', theme.names, SEEDED_AT)), sdgs: theme.sdgs, position: position + 1 };
    await trx.insertInto('initiative_themes').values({ slug: theme.slug, ...values })
      .onConflict((oc) => oc.column('slug').doUpdateSet(values)).execute();
  }
  const programme = GSEF2018_PROGRAMME;
  const data: ProgrammeData = {
    ...programme,
    lang: 'fr',
    entries: programme.entries.map((entry) => {
      const summary = GSEF2018_SUMMARIES[entry.code];
      return { ...entry, summary: summary ? { source: 'en', texts: summary } : null };
    }),
  };
  const event = { title: JSON.stringify(translated('en', GSEF2018_TITLE, SEEDED_AT)), starts_on: '2018-10-01', ends_on: '2018-10-03' };
  await trx.insertInto('programme_events').values({ event_slug: GSEF2018_EVENT, ...event })
    .onConflict((oc) => oc.column('event_slug').doUpdateSet(event)).execute();
  await applyProgramme(trx, GSEF2018_EVENT, data, { gazetteer: seededPlaces(programme), at: SEEDED_AT });
}
