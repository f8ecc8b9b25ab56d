import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { slugify } from '../web/slug.ts';
import { findOrCreateOrganisation } from './domain.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('organisations', () => {
  it('creates one record per organisation and place, whatever the accents and case', async () => {
    const gazetteer = new Gazetteer();
    // (The GSEF2018 initiatives seed already holds "Mairie de Madrid": a name no seed uses.)
    const first = await findOrCreateOrganisation(database.db, { name: 'Ayuntamiento de Madrid', lang: 'es', city: 'Madrid', country: 'ES', kind: 'local_government' }, gazetteer);
    const again = await findOrCreateOrganisation(database.db, { name: 'AYUNTAMIENTO DE MADRID', lang: 'es', city: 'madrid', country: 'es' }, gazetteer);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, slug: 'ayuntamiento-de-madrid', created: false });
    const row = await database.db.selectFrom('organisations').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'local_government', region: 'europe', country: 'ES' });
    expect(row.latitude).toBeCloseTo(40.42, 1);
  });

  it('keeps same-named organisations of different cities apart, with distinct slugs', async () => {
    const a = await findOrCreateOrganisation(database.db, { name: 'Réseau ESS', lang: 'fr', city: 'Dakar', country: 'SN' });
    const b = await findOrCreateOrganisation(database.db, { name: 'Réseau ESS', lang: 'fr', city: 'Bamako', country: 'ML' });
    expect(a.id).not.toBe(b.id);
    expect([a.slug, b.slug]).toEqual(['reseau-ess', 'reseau-ess-2']);
  });

  it('leaves coordinates empty for a city the gazetteer does not know', async () => {
    const { id } = await findOrCreateOrganisation(database.db, { name: 'Coop X', lang: 'en', city: 'Atlantis', country: 'GR' }, new Gazetteer());
    const row = await database.db.selectFrom('organisations').select(['latitude', 'longitude']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ latitude: null, longitude: null });
  });
});

describe('slugify', () => {
  it.each([
    ['Économie Sociale & Solidaire', 'economie-sociale-solidaire'],
    ['GSEF2018 — Bilbao!', 'gsef2018-bilbao'],
    ['서울시', 'item'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});
