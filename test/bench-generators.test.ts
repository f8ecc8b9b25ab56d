import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATORS } from '../bench/targets.ts';
import { seedSearchItems } from '../bench/synthetic/search.ts';
import { seedInitiativeRange } from '../bench/synthetic/initiatives.ts';
import type { Database } from '../src/db/database.ts';
import { createTestDatabase } from './helpers.ts';

/**
 * The bench's data generators write straight into the tables: a schema change they do not follow
 * stops `npm run bench` after minutes of loading. Each writes a few rows here, as the bench would.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the bench data generators', () => {
  it.each(GENERATORS.filter((generator) => generator.name !== 'search index items').map((generator) => [generator.name, generator] as const))(
    'write what the schema accepts: %s', async (_name, generator) => {
      expect(await generator.seed(database.db, 3)).toBeGreaterThan(0);
    });

  it('write search index items, each text with its source id', async () => {
    expect(await seedSearchItems(database.db, 20)).toBe(20);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_texts WHERE source_id >= 1000000`.execute(database.db);
    expect(rows[0]!.n).toBe(20);
  });

  it('add and index the archive measure\'s initiatives', async () => {
    const ids = await seedInitiativeRange(database.db, 10, 12);
    expect(ids).toHaveLength(3);
    const { rows } = await sql<{ n: number }>`SELECT count(DISTINCT source_id)::int AS n FROM search_texts WHERE kind = 'initiative' AND source_id = ANY(${ids}::int[])`.execute(database.db);
    expect(rows[0]!.n).toBe(3);
  });
});
