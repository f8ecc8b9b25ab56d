import type { Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import { translated } from '../i18n/translatable.ts';
import { findOrCreateOrganisation } from '../organisations/domain.ts';
import { reindexSearch } from '../search/indexer.ts';
import { SEED_RESOURCES, type SeedResource } from './seed-data.ts';

function dateOf(published: string) {
  if (published.length === 4) return { published_on: `${published}-01-01`, date_precision: 'year' as const };
  if (published.length === 7) return { published_on: `${published}-01`, date_precision: 'month' as const };
  return { published_on: published, date_precision: 'day' as const };
}

/** Seeds the library's resources, matched by slug and updated in place: a second run changes nothing. */
export async function seedLibrary(trx: Transaction<DB>, resources: SeedResource[] = SEED_RESOURCES): Promise<void> {
  const at = '2026-11-01T00:00:00.000Z';
  const ids: number[] = [];
  for (const resource of resources) {
    const activity = resource.activity
      ? await trx.selectFrom('activities').select('id').where('slug', '=', resource.activity).executeTakeFirst()
      : undefined;
    const values = {
      type: resource.type,
      title: JSON.stringify(translated(resource.source, resource.title, at)),
      summary: resource.summary ? JSON.stringify(translated(resource.source, resource.summary, at)) : null,
      languages: resource.languages,
      ...dateOf(resource.published),
      authors: resource.authors ?? [],
      themes: resource.themes,
      activity_id: activity?.id ?? null,
      visibility: resource.visibility ?? 'public',
    };
    const { id } = await trx
      .insertInto('resources')
      .values({ slug: resource.slug, ...values })
      .onConflict((oc) => oc.column('slug').doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('resource_publishers').where('resource_id', '=', id).execute();
    for (const [position, publisher] of (resource.publishers ?? []).entries()) {
      const organisation = await findOrCreateOrganisation(trx, publisher);
      await trx.insertInto('resource_publishers').values({ resource_id: id, organisation_id: organisation.id, position }).execute();
    }
    ids.push(id);
  }
  await reindexSearch(trx, 'resource', ids);
}
