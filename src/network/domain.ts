import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { getProfile, listBodies } from './queries.ts';

export interface KeyFigure {
  value: number;
  /** A plural message key, filled with the value. */
  labelKey: string;
}

/** What the home page shows about the network, every figure computed from the stored data. */
export async function networkOverview(db: Kysely<DB>, today = new Date()) {
  const [profile, bodies] = await Promise.all([getProfile(db), listBodies(db)]);
  if (!profile) return null;
  const seats = bodies.find((body) => body.kind === 'steering_committee')?.seats ?? 0;
  const figures: KeyFigure[] = [
    { value: today.getUTCFullYear() - profile.launched_year, labelKey: 'home.figure.years' },
    { value: profile.working_languages.length, labelKey: 'home.figure.languages' },
    { value: bodies.length, labelKey: 'home.figure.bodies' },
    { value: seats, labelKey: 'home.figure.seats' },
  ];
  return { profile, bodies, figures };
}
