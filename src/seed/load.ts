import type { Kysely } from 'kysely';
import { bodies, organisation } from '../../seed/network.ts';
import type { DB } from '../db/types.ts';
import { translated } from '../i18n/translatable.ts';

// A fixed date keeps the seed idempotent: re-running it writes identical rows.
const SEEDED_AT = '2026-11-01T00:00:00.000Z';

/**
 * Loads the GSEF dataset. Idempotent: rows are matched by their natural keys and updated in place,
 * in one transaction, so a second run changes nothing and a failed run leaves nothing behind.
 */
export async function seed(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const profile = {
      name: JSON.stringify(translated(organisation.source, organisation.name, SEEDED_AT)),
      acronym: organisation.acronym,
      mission: JSON.stringify(translated(organisation.source, organisation.mission, SEEDED_AT)),
      launched_year: organisation.launchedYear,
      association_year: organisation.associationYear,
      hq_city: JSON.stringify(translated(organisation.source, organisation.hqCity, SEEDED_AT)),
      hq_country: organisation.hqCountry,
      official_languages: organisation.officialLanguages,
      working_languages: organisation.workingLanguages,
      website: organisation.website,
    };
    await trx
      .insertInto('organisation_profile')
      .values({ id: 1, ...profile })
      .onConflict((oc) => oc.column('id').doUpdateSet(profile))
      .execute();
    for (const [position, body] of bodies.entries()) {
      const row = {
        kind: body.kind,
        name: JSON.stringify(translated('en', body.name, SEEDED_AT)),
        description: JSON.stringify(translated('en', body.description, SEEDED_AT)),
        seats: body.seats ?? null,
        meets: body.meets ?? null,
        position,
      };
      await trx
        .insertInto('bodies')
        .values({ slug: body.slug, ...row })
        .onConflict((oc) => oc.column('slug').doUpdateSet(row))
        .execute();
    }
  });
}

/** True when the database holds no GSEF data yet (first start). */
export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('organisation_profile').select('id').executeTakeFirst();
  return !row;
}
