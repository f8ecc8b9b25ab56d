import { sql, type Transaction } from 'kysely';
import type { DB, InitiativePresenter } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { sourceText, type Translatable } from '../i18n/translatable.ts';
import { findOrCreateOrganisation } from '../organisations/domain.ts';
import { nameKey } from '../places/normalize.ts';
import { regionOf } from '../places/regions.ts';
import { reindexSearch } from '../search/indexer.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import { organisationKindOf } from './programme.ts';
import { sdgsFor } from './themes.ts';

/**
 * An initiative of the archive written from elsewhere (a call's accepted submission, on publication).
 * `id` is the initiative this source became the last time: given, that row is updated; otherwise
 * the row with the same title and organisation in the event is (the importer's identity), else one
 * is created. So publishing again updates and never duplicates.
 */
export interface PublishedInitiative {
  id: number | null;
  eventSlug: string;
  code: string;
  workshopId: number | null;
  /** Translatable as written, the source language kept. */
  title: Translatable;
  summary: Translatable | null;
  sourceLang: Lang;
  organisation: string | null;
  city: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  presenters: { name?: string; role?: string | null; organisation?: string | null }[];
  links: string[];
  themes: string[];
}

/** Writes one initiative in the caller's transaction; returns its id. The caller clears the page cache. */
export async function publishInitiative(trx: Transaction<DB>, input: PublishedInitiative): Promise<number> {
  const titleText = sourceText(input.title) ?? '';
  const organisation = input.organisation
    ? await findOrCreateOrganisation(trx, { name: input.organisation, lang: input.sourceLang, kind: organisationKindOf(input.organisation, 'initiative'), city: input.city, country: input.country })
    : null;
  const presenters: InitiativePresenter[] = input.presenters.filter((p) => p.name).map((p) => ({ name: p.name!, role: p.role ?? null, organisation: p.organisation ?? null, url: null }));
  const values = {
    event_slug: input.eventSlug,
    code: input.code,
    kind: 'initiative' as const,
    workshop_id: input.workshopId,
    title: JSON.stringify(input.title),
    summary: input.summary ? JSON.stringify(input.summary) : null,
    organisation_id: organisation?.id ?? null,
    city: input.city,
    country: input.country,
    region: input.country ? regionOf(input.country) : null,
    latitude: input.latitude,
    longitude: input.longitude,
    presenters: JSON.stringify(presenters),
    links: input.links,
    themes: input.themes,
    sdgs: sdgsFor(input.themes),
    dedup_key: `${nameKey(titleText)}|${nameKey(input.organisation ?? '')}`,
    updated_at: sql<Date>`now()`,
  };
  const existing = input.id === null ? undefined
    : await trx.updateTable('initiatives').set(values).where('id', '=', input.id).returning('id').executeTakeFirst();
  let id = existing?.id;
  if (id === undefined) {
    const taken = async (candidate: string) => Boolean(await trx.selectFrom('initiatives').select('id').where('slug', '=', candidate).executeTakeFirst());
    const slug = await uniqueSlug(slugify(titleText).slice(0, 70).replace(/-+$/, '') || 'initiative', taken);
    const { updated_at: _ignored, ...insert } = values;
    const row = await trx.insertInto('initiatives').values({ ...insert, slug })
      .onConflict((oc) => oc.columns(['event_slug', 'dedup_key']).doUpdateSet(values))
      .returning('id').executeTakeFirstOrThrow();
    id = row.id;
  }
  await reindexSearch(trx, 'initiative', [id]);
  return id;
}
