import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import { original } from '../i18n/translatable.ts';
import type { Lang } from '../i18n/langs.ts';
import type { Gazetteer } from '../places/gazetteer.ts';
import { nameKey } from '../places/normalize.ts';
import { regionOf } from '../places/regions.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';

export const ORGANISATION_KINDS = ['local_government', 'sse_network', 'international_organisation', 'research', 'enterprise', 'public_agency', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface OrganisationInput {
  name: string;
  /** The language the name is written in (kept as the original). */
  lang: Lang;
  kind?: OrganisationKind;
  city?: string | null;
  country?: string | null;
  website?: string | null;
  /** Coordinates already known (an application's); they win over the gazetteer. */
  latitude?: number | null;
  longitude?: number | null;
}

/** The key under which two spellings of one organisation in one place are the same record. */
export function organisationKey(name: string, city?: string | null, country?: string | null): string {
  return [nameKey(name), nameKey(city ?? ''), (country ?? '').toUpperCase()].join('|');
}

/**
 * The organisation with this name in this place, created if new. Re-running with the same input
 * returns the same row and changes nothing, so importers stay idempotent. Coordinates come from the
 * offline gazetteer when it knows the city; otherwise they stay empty (never guessed).
 */
export async function findOrCreateOrganisation(
  db: Kysely<DB> | Transaction<DB>,
  input: OrganisationInput,
  gazetteer?: Pick<Gazetteer, 'find'>,
): Promise<{ id: number; slug: string; created: boolean }> {
  const key = organisationKey(input.name, input.city, input.country);
  const existing = await db.selectFrom('organisations').select(['id', 'slug']).where('dedup_key', '=', key).executeTakeFirst();
  const known = input.latitude != null && input.longitude != null ? { latitude: input.latitude, longitude: input.longitude } : null;
  if (existing) {
    // A record found without coordinates takes the ones now known, never overwriting a place already set.
    if (known) await db.updateTable('organisations').set(known).where('id', '=', existing.id).where('latitude', 'is', null).execute();
    return { ...existing, created: false };
  }
  const place = known ?? (input.city && input.country ? gazetteer?.find(input.city, input.country) : null);
  const slug = await uniqueSlug(slugify(input.name), async (candidate) =>
    Boolean(await db.selectFrom('organisations').select('id').where('slug', '=', candidate).executeTakeFirst()),
  );
  const row = await db
    .insertInto('organisations')
    .values({
      slug,
      name: JSON.stringify(original(input.lang, input.name)),
      dedup_key: key,
      kind: input.kind ?? 'other',
      city: input.city ?? null,
      country: input.country ?? null,
      region: input.country ? regionOf(input.country) : null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      website: input.website ?? null,
    })
    .onConflict((oc) => oc.column('dedup_key').doUpdateSet({ updated_at: new Date() }))
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
  return { ...row, created: true };
}

/** Every organisation, for choosing one (the merge form), with the member it is if any. */
export function organisationOptions(db: Kysely<DB>) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('members', 'members.organisation_id', 'o.id')
    .select(['o.slug', 'o.name', 'o.city', 'o.country', 'members.slug as member_slug'])
    .orderBy('o.slug')
    .execute();
}

/**
 * The shared record a name typed in a form stands for, without creating one: the same name in the
 * same place, else the only record of that name in that country (a city spelt another way). Null
 * when none or several match, so a form keeps the name as typed until the secretariat decides.
 */
export async function matchOrganisation(db: Kysely<DB> | Transaction<DB>, name: string, city?: string | null, country?: string | null): Promise<number | null> {
  const key = nameKey(name);
  if (!key) return null;
  const exact = await db.selectFrom('organisations').select('id').where('dedup_key', '=', organisationKey(name, city, country)).executeTakeFirst();
  if (exact) return exact.id;
  if (!country) return null;
  const sameName = await db.selectFrom('organisations').select('id').where('dedup_key', 'like', `${key.replace(/[\\%_]/g, '\\$&')}|%`).where('country', '=', country.toUpperCase()).limit(2).execute();
  return sameName.length === 1 ? sameName[0]!.id : null;
}
