import { measureTranslationsQueue } from './translations-queue.ts';
import { measureStats } from './synthetic/stats.tsx';
import { measureBooklet } from './synthetic/booklet.ts';
import { measureCallsReview } from './synthetic/calls-review.ts';
import { measureSelection } from './synthetic/calls-selection.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/types.ts';
import { workingGroups } from './synthetic/network.ts';
import { syntheticMembers } from './synthetic/members.ts';
import { syntheticEvents } from './synthetic/activities.ts';
import { syntheticInitiatives } from './synthetic/initiatives.ts';
import { formatSearchLatency, measureSearch, syntheticSearchIndex } from './synthetic/search.ts';
import os from 'node:os';
import type { Check } from './report.ts';
import { measureArchiveSearch } from './synthetic/archive-search.ts';
import { measureNewsletter } from './synthetic/newsletter.ts';

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

export const GENERATORS: Generator[] = [workingGroups, syntheticEvents, syntheticInitiatives, syntheticMembers, syntheticSearchIndex];

export const TARGETS: Target[] = [
  // Anonymous HTML pages are served from the in-memory page cache after their first render.
  { name: 'home (en)', path: '/en/' },
  { name: 'home (fr)', path: '/fr/' },
  // The only listing so far; the API has no server-side cache, so every request reads the database.
  { name: 'bodies API (fr, 100)', path: '/api/v1/bodies?limit=100&lang=fr' },
  // Carries a CSRF token, so it is never cached: the cost of a full render on every request.
  { name: 'sign-in (uncached)', path: '/en/sign-in' },
  // Activities over the synthetic events: the calendar's year view, a filtered listing, the feed.
  { name: 'calendar 2019 (fr)', path: '/fr/calendar?year=2019' },
  { name: 'activities filtered (en)', path: '/en/activities?type=training&region=africa&year=2019' },
  { name: 'activities API (events, 2019, 100)', path: '/api/v1/events?year=2019&limit=100' },
  { name: 'calendar.ics (policy dialogues)', path: '/calendar.ics?type=policy_dialogue' },
  { name: 'calendar.ics (all)', path: '/calendar.ics' },
  // Initiatives: the archive with two facets selected (seven facet counts per page) and the map data.
  { name: 'initiatives filtered (en)', path: '/en/initiatives?country=KR&theme=finance' },
  { name: 'initiatives API (country+theme, 100)', path: '/api/v1/initiatives?country=ES&theme=finance&limit=100' },
  { name: 'map.geojson (all)', path: '/api/v1/map.geojson' },
  // Members over the synthetic members: the filtered directory (facet counts included), its API and CSV.
  { name: 'members filtered (fr)', path: '/fr/members?region=africa&kind=local_government&status=active&sort=country&page=2' },
  { name: 'members API (asia-pacific, 100)', path: '/api/v1/members?region=asia-pacific&kind=local_government&limit=100&lang=ko' },
  { name: 'members.csv (europe)', path: '/api/v1/members.csv?region=europe' },
  // News (seeded announcements): the list, the Atom feed (news + newest content of the index), the API.
  { name: 'news list (fr)', path: '/fr/news' },
  { name: 'feed.xml (es)', path: '/es/feed.xml' },
  { name: 'news API (100)', path: '/api/v1/news?limit=100&lang=ko' },
];

/** The large cached feeds, each also loaded against a bare server sending its bytes (when among the targets run). */
export const BARE_FEEDS = ['/calendar.ics', '/api/v1/map.geojson'];

/** The page weighed with its stylesheets and scripts. */
export const WEIGHED_PAGE = '/en/';

/** One page of each type, weighed on the wire with its stylesheets and scripts. */
export const WEIGHED_PAGES = ['/en/', '/en/initiatives', '/en/map', '/en/activities', '/en/calendar', '/en/members', '/en/news', '/en/library', '/en/search?q=finance'];

/**
 * Figures measured in-process on the loaded database, before the server starts: the search's
 * latency over 100,000 indexed items (its generator ignores --size), p50/p95 per query.
 */
export interface Measure {
  name: string;
  /**
   * `url`: the bench database, for a measure that needs its own connections (the newsletter's sender).
   * The text is printed; checks, when given, join the figures beside their goals (report and latest.json).
   */
  run(db: Kysely<DB>, url: string): Promise<string | { text: string; checks: Check[] }>;
}

export const MEASURES: Measure[] = [{ name: 'search latency', run: async (db) => formatSearchLatency(await measureSearch(db)) }];

// The initiatives archive's text search, uncached, at 50,000 initiatives (issue 19: p95 < 30 ms).
MEASURES.push({ name: 'archive search', run: (db) => measureArchiveSearch(db) });

// The figures page uncached and the annual report PDF (issue 14).
MEASURES.push({ name: 'stats and report', run: (db) => measureStats(db) });

// Newsletter delivery: an issue sent to 10,000 synthetic subscribers (NEWSLETTER_BENCH_SIZE) through a local SMTP server.
MEASURES.push({ name: 'newsletter delivery', run: (_db, url) => measureNewsletter(url, os.tmpdir(), Number(process.env.NEWSLETTER_BENCH_SIZE) || 10_000) });

// The translators' queue and dashboard over 100,000 translation units (issue 13: p95 < 50 ms).
MEASURES.push({ name: 'translations queue', run: (db) => measureTranslationsQueue(db) });

// The GSEF2018 booklet as PDF in four languages, from the database (issue 12: < 2 s each).
MEASURES.push({ name: 'booklet', run: (db) => measureBooklet(db) });

// A call of 600 submissions × 3 reviews: the reviewer's list and review page (issue 12: p95 < 50 ms).
MEASURES.push({ name: 'calls review', run: (_db, url) => measureCallsReview(url) });

// A call's selection with 600 submissions × 3 reviews: the ranked table read and a bulk decision on 600 (issue 12: < 2 s).
MEASURES.push({ name: 'call selection', run: (db) => measureSelection(db) });
