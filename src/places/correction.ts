import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import type { Translatable } from '../i18n/translatable.ts';
import { reindexSearch } from '../search/indexer.ts';
import { fields } from '../web/forms.ts';
import { COUNTRY_CODES } from './countries.ts';
import type { Gazetteer } from './gazetteer.ts';
import { regionOf } from './regions.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What staff may place: a member (its organisation's place) or an initiative of the archive. */
export const PLACE_TARGETS = ['member', 'initiative'] as const;
export type PlaceTarget = (typeof PLACE_TARGETS)[number];

export interface PlaceRow {
  id: number;
  slug: string;
  name: Translatable;
  city: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** The place as stored, with the row's name, or undefined for an unknown slug. */
export function placeOf(db: Db, target: PlaceTarget, slug: string): Promise<PlaceRow | undefined> {
  if (target === 'member') {
    return db.selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id')
      .select(['members.id', 'members.slug', 'o.name', 'o.city', 'o.country', 'o.latitude', 'o.longitude'])
      .where('members.slug', '=', slug).executeTakeFirst() as Promise<PlaceRow | undefined>;
  }
  return db.selectFrom('initiatives').select(['id', 'slug', 'title as name', 'city', 'country', 'latitude', 'longitude'])
    .where('slug', '=', slug).executeTakeFirst() as Promise<PlaceRow | undefined>;
}

// Control characters (NUL among them) have no place in a city name, and PostgreSQL refuses NUL.
const cityText = fields.text(120, false).refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error: 'validation.invalid' });
const coordinate = (limit: number) => z.preprocess(
  (value) => (value === undefined || value === null ? '' : typeof value === 'string' ? value.trim().replace(',', '.') : value),
  z.string({ error: 'validation.place_coordinate' })
    .refine((value) => value === '' || (/^-?\d{1,3}(\.\d{1,8})?$/.test(value) && Math.abs(Number(value)) <= limit), { error: 'validation.place_coordinate' })
    .transform((value) => (value === '' ? null : Number(value))),
);

/** The form: a city and country; coordinates optional (from the gazetteer when left empty), both or neither. */
export const placeForm = z.object({
  city: cityText,
  country: z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
    z.string().refine((code) => code === '' || COUNTRY_CODES.includes(code), { error: 'validation.choose' })),
  latitude: coordinate(90),
  longitude: coordinate(180),
}).superRefine((input, check) => {
  if ((input.latitude === null) !== (input.longitude === null)) check.addIssue({ code: 'custom', path: [input.latitude === null ? 'latitude' : 'longitude'], message: 'validation.place_both' });
  if (input.city && !input.country) check.addIssue({ code: 'custom', path: ['country'], message: 'validation.required' });
});
export type PlaceInput = z.output<typeof placeForm>;

export class UnknownCityError extends Error {}

/**
 * Corrects a place: given coordinates are kept as typed; without them the gazetteer places the city
 * (the most populous of that name in that country), and a city it does not know is refused rather
 * than left unplaced or guessed. In one transaction: the row, its region, the audit entry with the
 * place before and after, and the search index (the region is a facet); then the cached pages (map,
 * lists, profiles) are dropped, so the map and its GeoJSON show the new place at once.
 */
export async function correctPlace(ctx: Pick<AppContext, 'db' | 'pageCache'>, gazetteer: Pick<Gazetteer, 'find'>, actorId: number, target: PlaceTarget, row: PlaceRow, input: PlaceInput): Promise<void> {
  const found = input.latitude === null && input.city && input.country ? gazetteer.find(input.city, input.country) : null;
  if (input.latitude === null && input.city && !found) throw new UnknownCityError();
  const place = {
    city: input.city || null,
    country: input.country || null,
    region: input.country ? regionOf(input.country) : null,
    latitude: input.latitude ?? found?.latitude ?? null,
    longitude: input.longitude ?? found?.longitude ?? null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (target === 'member') {
      const { organisation_id: organisationId } = await trx.selectFrom('members').select('organisation_id').where('id', '=', row.id).executeTakeFirstOrThrow();
      await trx.updateTable('organisations').set({ ...place, updated_at: new Date() }).where('id', '=', organisationId).execute();
    } else {
      await trx.updateTable('initiatives').set({ ...place, updated_at: new Date() }).where('id', '=', row.id).execute();
    }
    const before = { city: row.city, country: row.country, latitude: row.latitude, longitude: row.longitude };
    await recordAudit(trx, { actorId, action: `${target}.place.correct`, entityType: target, entityId: row.id, details: { before, after: { ...place, geocoded: Boolean(found) } } });
    await reindexSearch(trx, target, [row.id]);
  });
  await ctx.pageCache.invalidate();
}
