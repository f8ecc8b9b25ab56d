import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { activityCounts, countActivities, facetCounts, type ActivityFilter, type FacetName } from './queries.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const FACETS: FacetName[] = ['type', 'region', 'year', 'theme', 'series'];
const sorted = (list: { value: string; count: number }[]) => [...list].sort((a, b) => a.value.localeCompare(b.value));

describe('the activity counts in one statement', () => {
  // The one-query form must count exactly what one query per facet counted.
  it.each<[string, ActivityFilter]>([
    ['nothing selected', {}],
    ['top level only', { topLevel: true }],
    ['one facet', { types: ['policy_dialogue'] }],
    ['two facets', { regions: ['europe', 'asia-pacific'], years: [2019, 2021] }],
    ['every facet and a text', { types: ['forum', 'policy_dialogue'], regions: ['europe'], years: [2018], themes: ['public-policy'], series: ['europe-policy-dialogue'], q: 'dialogue' }],
    ['values nobody has', { types: ['nothing'], regions: ['atlantis'] }],
  ])('matches the per-facet queries: %s', async (_name, filter) => {
    const one = await activityCounts(database.db, filter, FACETS);
    expect(one.total).toBe(await countActivities(database.db, filter));
    for (const facet of FACETS) expect(sorted(one.facets[facet]), facet).toEqual(sorted(await facetCounts(database.db, filter, facet)));
    if (!filter.regions?.includes('atlantis')) expect(Object.values(one.facets).some((list) => list.length > 0)).toBe(true);
  });
});
