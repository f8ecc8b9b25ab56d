import type { Kysely } from 'kysely';
import type { DB } from '../src/db/types.ts';
import { workingGroups } from './synthetic/network.ts';

/**
 * What the bench loads and what it measures. A new module adds its generator (under synthetic/)
 * and the paths of its public listing and item pages here; run.ts needs no change.
 */
export interface Generator {
  name: string;
  /** Inserts `size` synthetic rows after the GSEF seed; returns how many rows it wrote. */
  seed(db: Kysely<DB>, size: number): Promise<number>;
}

export interface Target {
  name: string;
  /** Path and query string, as a visitor requests it. */
  path: string;
}

export const GENERATORS: Generator[] = [workingGroups];

export const TARGETS: Target[] = [
  // Anonymous HTML pages are served from the in-memory page cache after their first render.
  { name: 'home (en)', path: '/en/' },
  { name: 'home (fr)', path: '/fr/' },
  // The only listing so far (served from the page cache after its first answer).
  { name: 'bodies API (fr, 100)', path: '/api/v1/bodies?limit=100&lang=fr' },
  // Carries a CSRF token, so it is never cached: the cost of a full render on every request.
  { name: 'sign-in (uncached)', path: '/en/sign-in' },
];

/** The page weighed with its stylesheets and scripts. */
export const WEIGHED_PAGE = '/en/';
