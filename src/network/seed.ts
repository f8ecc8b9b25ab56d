import type { Transaction } from 'kysely';
import { bodies, organisation } from '../../seed/network.ts';
import type { DB } from '../db/types.ts';
import { translated } from '../i18n/translatable.ts';
import { SEEDED_AT } from '../seed/seeded-at.ts';

/** The network itself and its governing bodies. */
export async function seedNetwork(trx: Transaction<DB>): Promise<void> {
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
}
