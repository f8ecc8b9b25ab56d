import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { archiveVersion } from './archive-index.ts';
import { cleanFilters, FACETS, initiativeArchive } from './domain.ts';
import { countInitiatives, facetCounts, listInitiatives, resolveFilters } from './queries.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const slugs = (rows: { slug: string }[]) => rows.map((row) => row.slug);

describe('the archive counted in memory', () => {
  // The in-memory index must give exactly what one SQL query per facet gives, order included.
  it.each([
    ['nothing selected', {}],
    ['one facet', { country: ['ES'] }],
    ['two facets', { country: ['KR', 'ES'], theme: ['finance'] }],
    ['three facets and a text', { region: ['europe'], theme: ['finance', 'public-policy'], kind: ['local_government'], q: 'coop' }],
    ['a text alone', { q: 'économie' }],
    ['an event and a session', { event: ['gsef2018-bilbao'], session: ['1'] }],
    ['values nobody has', { country: ['ZZ'], theme: ['nothing'] }],
  ])('matches the SQL definition: %s', async (_name, input) => {
    const filters = await resolveFilters(database.db, cleanFilters(input));
    for (const offset of [0, 20]) {
      const archive = await initiativeArchive(database.db, cleanFilters(input), { limit: 20, offset });
      expect(archive.total).toBe(await countInitiatives(database.db, filters));
      for (const facet of FACETS) expect(archive.facets[facet], facet).toEqual(await facetCounts(database.db, filters, facet));
      expect(slugs(archive.rows)).toEqual(slugs(await listInitiatives(database.db, filters, { limit: 20, offset })));
    }
    // Something is compared: the seed gives every case but the last some counts.
    const archive = await initiativeArchive(database.db, cleanFilters(input), { limit: 20, offset: 0 });
    if (!filters.country.includes('ZZ')) expect(Object.values(archive.facets).some((list) => list.length > 0)).toBe(true);
  });

  it('reads the index again after a change to a facet value, not after a translation', async () => {
    const { db } = database;
    const spain = async () => (await initiativeArchive(db, cleanFilters({ country: ['ES'] }), { limit: 20, offset: 0 })).total;
    const before = await spain();
    const version = await archiveVersion(db);
    const one = await db.selectFrom('initiatives').select(['id', 'title']).where('country', '=', 'ES').orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('initiatives').set({ title: JSON.stringify(one.title) }).where('id', '=', one.id).execute();
    expect(await archiveVersion(db)).toBe(version);
    await db.updateTable('initiatives').set({ country: 'PT' }).where('id', '=', one.id).execute();
    try {
      expect(await archiveVersion(db)).not.toBe(version);
      expect(await spain()).toBe(before - 1);
      // A statement of many rows in one transaction moves it once.
      const moved = await archiveVersion(db);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('initiatives').set({ region: sql`region` }).execute();
        await trx.updateTable('initiatives').set({ region: sql`region` }).execute();
      });
      expect(BigInt(await archiveVersion(db))).toBe(BigInt(moved) + 1n);
    } finally {
      await db.updateTable('initiatives').set({ country: 'ES' }).where('id', '=', one.id).execute();
    }
    expect(await spain()).toBe(before);
  });
});
