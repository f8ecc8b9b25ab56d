import type { Transaction } from 'kysely';
import { activities, series, type SeedActivity, type Texts } from '../../seed/activities.ts';
import { summariesEsKo } from '../../seed/activities-translations.ts';
import type { DB } from '../db/types.ts';
import { translated } from '../i18n/translatable.ts';
import { findOrCreateOrganisation } from '../organisations/domain.ts';
import { regionOf } from '../places/regions.ts';
import { SEEDED_AT } from '../seed/seeded-at.ts';
import { precisionOf, storedDate } from './dates.ts';
import { uidFor } from './uid.ts';

const text = (texts: Texts) => JSON.stringify(translated('en', texts, SEEDED_AT));


/** The programme: series, activities (parents first), organisers and partners, resources, relations. */
export async function seedActivities(trx: Transaction<DB>): Promise<void> {
  const seriesIds = new Map<string, number>();
  for (const [position, entry] of series.entries()) {
    const row = { type: entry.type, title: text(entry.title), description: text(entry.description), region: entry.region ?? null, position };
    const { id } = await trx
      .insertInto('activity_series')
      .values({ slug: entry.slug, ...row })
      .onConflict((oc) => oc.column('slug').doUpdateSet(row))
      .returning('id')
      .executeTakeFirstOrThrow();
    seriesIds.set(entry.slug, id);
  }
  const ids = new Map<string, number>();
  for (const entry of activities) ids.set(entry.slug, await upsertActivity(trx, entry, ids, seriesIds));
  for (const entry of activities) {
    const id = ids.get(entry.slug)!;
    for (const related of entry.related ?? []) {
      const relatedId = ids.get(related);
      if (!relatedId) throw new Error(`${entry.slug}: unknown related activity ${related}`);
      await trx.insertInto('activity_relations').values({ activity_id: id, related_id: relatedId }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}

async function upsertActivity(trx: Transaction<DB>, entry: SeedActivity, ids: Map<string, number>, seriesIds: Map<string, number>): Promise<number> {
  const precision = precisionOf(entry.start);
  const start = storedDate(entry.start, precision);
  const end = storedDate(entry.end ?? entry.start, precision);
  if (!start || !end || end < start) throw new Error(`${entry.slug}: invalid dates ${entry.start}–${entry.end}`);
  const parentId = entry.parent ? ids.get(entry.parent) : null;
  if (entry.parent && !parentId) throw new Error(`${entry.slug}: parent ${entry.parent} must come first`);
  const seriesId = entry.series ? seriesIds.get(entry.series) : null;
  if (entry.series && !seriesId) throw new Error(`${entry.slug}: unknown series ${entry.series}`);
  const row = {
    type: entry.type,
    parent_id: parentId ?? null,
    series_id: seriesId ?? null,
    edition: entry.edition ?? null,
    title: text(entry.title),
    summary: text({ ...summariesEsKo[entry.slug], ...entry.summary }),
    start_date: start,
    end_date: end,
    date_precision: precision,
    tentative: entry.tentative ?? false,
    format: entry.format ?? 'in-person',
    city: entry.city ?? null,
    country: entry.country ?? null,
    region: entry.country ? regionOf(entry.country) : null,
    venue: entry.venue ?? null,
    participants: entry.participants ?? null,
    countries_count: entry.countries ?? null,
    themes: entry.themes ?? [],
    speakers: entry.speakers ?? [],
    updated_at: SEEDED_AT,
  } as const;
  const { id } = await trx
    .insertInto('activities')
    .values({ slug: entry.slug, uid: uidFor(entry.slug), created_at: SEEDED_AT, ...row })
    .onConflict((oc) => oc.column('slug').doUpdateSet(row))
    .returning('id')
    .executeTakeFirstOrThrow();
  const roles = [
    ...(entry.organisers ?? []).map((org) => ({ org, role: 'organiser' as const })),
    ...(entry.partners ?? []).map((org) => ({ org, role: 'partner' as const })),
  ];
  for (const [position, { org, role }] of roles.entries()) {
    const organisation = await findOrCreateOrganisation(trx, { name: org.name, lang: org.lang ?? 'en', kind: org.kind, city: org.city, country: org.country });
    await trx
      .insertInto('activity_organisations')
      .values({ activity_id: id, organisation_id: organisation.id, role, position })
      .onConflict((oc) => oc.columns(['activity_id', 'organisation_id', 'role']).doUpdateSet({ position }))
      .execute();
  }
  for (const [position, resource] of (entry.resources ?? []).entries()) {
    const values = { kind: resource.kind, title: text(resource.title), url: null };
    await trx
      .insertInto('activity_resources')
      .values({ activity_id: id, position, ...values })
      .onConflict((oc) => oc.columns(['activity_id', 'position']).doUpdateSet(values))
      .execute();
  }
  return id;
}
