import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/types.ts';
import { translated } from '../../src/i18n/translatable.ts';
import { regionOf } from '../../src/places/regions.ts';
import type { Generator } from '../targets.ts';
import { choose, random } from './text.ts';

const AT = '2026-11-01T00:00:00.000Z';
const BATCH = 500;
const COUNTRIES = ['KR', 'MX', 'CA', 'ES', 'ML', 'SN', 'UG', 'KE', 'TZ', 'ZA', 'ID', 'PH', 'NP', 'TW', 'PK', 'FR', 'BR', 'CO', 'IT', 'JP'] as const;
const KINDS = ['local_government', 'sse_network', 'other_organisation', 'honorary', 'partner'] as const;
const STATUSES = ['active', 'active', 'active', 'applicant', 'suspended', 'withdrawn'] as const;

/** N members, `bench-member-<i>`, each with its own organisation, spread over countries, kinds and statuses. */
export const syntheticMembers: Generator = {
  name: 'members',
  async seed(db: Kysely<DB>, size: number): Promise<number> {
    for (let start = 1; start <= size; start += BATCH) {
      const end = Math.min(start + BATCH, size + 1);
      const organisations = [];
      for (let i = start; i < end; i++) {
        const next = random(i);
        const country = choose(next, COUNTRIES);
        organisations.push({
          slug: `bench-member-${i}`,
          name: JSON.stringify(translated('en', { en: `Bench city ${i}`, fr: `Ville d’essai ${i}`, es: `Ciudad de prueba ${i}`, ko: `시험 도시 ${i}` }, AT)),
          dedup_key: `bench city ${i}|bench ${i}|${country}`,
          kind: 'local_government' as const,
          city: `Bench ${i}`,
          country,
          region: regionOf(country),
        });
      }
      const ids = await db.insertInto('organisations').values(organisations).returning(['id', 'slug']).execute();
      await db
        .insertInto('members')
        .values(ids.map((row, index) => {
          const next = random(start + index + 7);
          return { slug: row.slug, organisation_id: row.id, kind: choose(next, KINDS), category: 'city', status: choose(next, STATUSES), created_at: AT, updated_at: AT };
        }))
        .execute();
    }
    return size;
  },
};
