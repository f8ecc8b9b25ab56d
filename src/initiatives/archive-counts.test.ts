import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { cleanFilters, FACETS } from './domain.ts';
import { archiveCounts, countInitiatives, facetCounts } from './queries.ts';
import { placesMatching } from '../places/place-names.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the archive counts in one statement', () => {
  // The one-query form must give exactly what one query per facet gave, order included.
  it.each([
    ['nothing selected', {}],
    ['one facet', { country: ['ES'] }],
    ['two facets', { country: ['KR', 'ES'], theme: ['finance'] }],
    ['three facets and a text', { region: ['europe'], theme: ['finance', 'public-policy'], kind: ['local_government'], q: 'coop' }],
    ['a text alone', { q: 'économie' }],
    ['an event and a session', { event: ['gsef2018-bilbao'], session: ['1'] }],
    ['values nobody has', { country: ['ZZ'], theme: ['nothing'] }],
  ])('matches the per-facet queries: %s', async (_name, input) => {
    const filters = cleanFilters(input);
    const one = await archiveCounts(database.db, filters, FACETS);
    expect(one.total).toBe(await countInitiatives(database.db, filters));
    for (const facet of FACETS) expect(one.facets[facet], facet).toEqual(await facetCounts(database.db, filters, facet));
    // Something is compared: the seed gives every case but the last some counts.
    if (!filters.country.includes('ZZ')) expect(Object.values(one.facets).some((list) => list.length > 0)).toBe(true);
  });
});

describe('the text query', () => {
  // The search condition is written `= any(array(…))` so PostgreSQL uses the trigram index; it must
  // find exactly the initiatives the plain `in (…)` form found.
  it.each(['coop', 'économie', 'employment', 'zzzz-nothing'])('finds what the subquery form finds: %s', async (q) => {
    const filters = cleanFilters({ q });
    const pattern = `%${q.toLowerCase()}%`;
    const { rows } = await sql<{ id: number }>`
      select i.id from initiatives i
      where i.id in (select x.id from initiatives x where initiative_search_text(x.title, x.summary, x.city, x.presenters) like unaccent_lower(${pattern}))
         or i.organisation_id in (select y.id from organisations y where unaccent_lower(y.name::text) like unaccent_lower(${pattern}))`.execute(database.db);
    const places = placesMatching(q);
    // Words naming no place: place names add matches of their own (tested in place-names).
    expect(places.cities.length + places.countries.length).toBe(0);
    expect(await countInitiatives(database.db, filters)).toBe(rows.length);
    if (q !== 'zzzz-nothing') expect(rows.length).toBeGreaterThan(0);
  });
});
