import { sql, type Kysely, type SelectQueryBuilder, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';

export interface MemberFilters {
  region: string[];
  country: string[];
  kind: string[];
  status: string[];
  /** Words of the name (in any language) or the city, accents and case ignored. */
  q?: string;
}

export type MemberSort = 'name' | 'country' | 'joined';

type Db = Kysely<DB> | Transaction<DB>;
type Base = SelectQueryBuilder<DB & { o: DB['organisations'] }, 'members' | 'o', object>;

/** The name in the reader's language, else the original: what the list is sorted by. */
const nameIn = (lang: Lang) =>
  sql<string>`lower(coalesce(o.name -> ${lang} ->> 'text', (SELECT e.value ->> 'text' FROM jsonb_each(o.name) e WHERE e.value ->> 'status' = 'original' LIMIT 1)))`;

function base(db: Db): Base {
  return db.selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id') as unknown as Base;
}

function filtered(db: Db, filters: MemberFilters, except?: keyof MemberFilters): Base {
  let query = base(db);
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where(
      sql<boolean>`(EXISTS (SELECT 1 FROM jsonb_each(o.name) e WHERE unaccent(e.value ->> 'text') ILIKE unaccent(${pattern})) OR unaccent(coalesce(o.city, '')) ILIKE unaccent(${pattern}))`,
    );
  }
  if (except !== 'region' && filters.region.length) query = query.where('o.region', 'in', filters.region);
  if (except !== 'country' && filters.country.length) query = query.where('o.country', 'in', filters.country);
  if (except !== 'kind' && filters.kind.length) query = query.where('members.kind', 'in', filters.kind as never);
  if (except !== 'status' && filters.status.length) query = query.where('members.status', 'in', filters.status as never);
  return query;
}

const COLUMNS = [
  'members.id',
  'members.slug',
  'members.kind',
  'members.category',
  'members.status',
  'members.joined_on',
  'members.fee_status',
  'members.description',
  'o.name',
  'o.city',
  'o.country',
  'o.region',
  'o.latitude',
  'o.longitude',
  'o.website',
] as const;

export async function listMembers(db: Db, filters: MemberFilters, lang: Lang, sort: MemberSort, page: { limit: number; offset: number }) {
  let query = filtered(db, filters).select(COLUMNS).select(nameIn(lang).as('sort_name'));
  if (sort === 'country') query = query.orderBy('o.country').orderBy(nameIn(lang));
  else if (sort === 'joined') query = query.orderBy(sql`members.joined_on DESC NULLS LAST`).orderBy(nameIn(lang));
  else query = query.orderBy(nameIn(lang));
  return query.orderBy('members.id').limit(page.limit).offset(page.offset).execute();
}

export async function countMembers(db: Db, filters: MemberFilters): Promise<number> {
  const row = await filtered(db, filters).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts for each facet value, under the other facets' filters (so choosing a region still shows every region). */
export async function facetCounts(db: Db, filters: MemberFilters) {
  const group = async (facet: keyof MemberFilters, column: 'o.region' | 'o.country' | 'members.kind' | 'members.status') => {
    const rows = await filtered(db, filters, facet)
      .select([sql<string>`${sql.ref(column)}`.as('value'), (eb) => eb.fn.countAll<string>().as('n')])
      .where(sql.ref(column), 'is not', null)
      .groupBy(sql.ref(column))
      .execute();
    return rows.map((row) => ({ value: String(row.value), count: Number(row.n) }));
  };
  const [region, country, kind, status] = await Promise.all([
    group('region', 'o.region'),
    group('country', 'o.country'),
    group('kind', 'members.kind'),
    group('status', 'members.status'),
  ]);
  return { region, country, kind, status };
}

export function findMember(db: Db, slug: string) {
  return base(db).select(COLUMNS).select(['members.contacts', 'members.organisation_id', 'members.logo_key', 'members.logo_image_id']).where('members.slug', '=', slug).executeTakeFirst();
}

export function findMemberById(db: Db, id: number) {
  return base(db).select(COLUMNS).select(['members.contacts', 'members.organisation_id']).where('members.id', '=', id).executeTakeFirst();
}

/** Every step of a membership, including those of the application that led to it. */
export function memberTimeline(db: Db, memberId: number) {
  return db
    .selectFrom('membership_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.action', 'e.status', 'e.effective_on', 'e.reason', 'e.at', 'u.email as actor_email', 'u.name as actor_name'])
    .where((eb) =>
      eb.or([
        eb('e.member_id', '=', memberId),
        eb('e.application_id', 'in', eb.selectFrom('membership_applications').select('id').where('member_id', '=', memberId)),
      ]),
    )
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function insertEvent(
  db: Db,
  event: { memberId?: number | null; applicationId?: number | null; action: string; status?: 'applicant' | 'active' | 'suspended' | 'withdrawn' | 'disqualified' | null; effectiveOn?: string | null; reason?: string; actorId: number | null; decisionId?: number | null },
) {
  await db
    .insertInto('membership_events')
    .values({
      member_id: event.memberId ?? null,
      application_id: event.applicationId ?? null,
      action: event.action,
      status: event.status ?? null,
      effective_on: event.effectiveOn ?? null,
      reason: event.reason ?? '',
      actor_id: event.actorId,
      decision_id: event.decisionId ?? null,
    })
    .execute();
}

export function updateMember(db: Db, id: number, values: Updateable<DB['members']>) {
  return db.updateTable('members').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Active members of the network (partners and honorary members are not counted), and their countries. */
export async function activeCounts(db: Db) {
  const row = await base(db)
    .select([(eb) => eb.fn.countAll<string>().as('members'), sql<string>`count(DISTINCT o.country)`.as('countries')])
    .where('members.status', '=', 'active')
    .where('members.kind', 'in', ['local_government', 'sse_network', 'other_organisation'])
    .executeTakeFirstOrThrow();
  return { members: Number(row.members), countries: Number(row.countries) };
}

/** Where the active members are (the same members as activeCounts), for the home page's small map. */
export function activePlaces(db: Db) {
  return base(db)
    .select(['o.latitude', 'o.longitude', 'o.city', 'o.country'])
    .where('members.status', '=', 'active')
    .where('members.kind', 'in', ['local_government', 'sse_network', 'other_organisation'])
    .where('o.latitude', 'is not', null)
    .where('o.longitude', 'is not', null)
    .execute();
}

/** Member counts by year of each status change, for the figures over time. */
export function statusHistory(db: Db) {
  return db
    .selectFrom('membership_events as e')
    .innerJoin('members', 'members.id', 'e.member_id')
    .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
    .select(['e.member_id', 'e.status', 'e.effective_on', 'e.at', 'members.kind', 'o.region', 'o.country'])
    .where('e.status', 'is not', null)
    .orderBy('e.member_id')
    .orderBy(sql`coalesce(e.effective_on, e.at::date)`)
    .orderBy('e.id')
    .execute();
}

export function latestTarget(db: Db) {
  return db.selectFrom('membership_targets').selectAll().orderBy('deadline', 'desc').limit(1).executeTakeFirst();
}

/**
 * Members who joined (fee recorded: 'activated') and who left (withdrawn, disqualified) on or
 * after a day: the change since a target was set, which its progress is measured by.
 */
export async function changeSince(db: Db, day: string) {
  const row = await db
    .selectFrom('membership_events as e')
    .innerJoin('members', 'members.id', 'e.member_id')
    .select((eb) => [
      eb.fn.count<string>('e.id').filterWhere('e.action', '=', 'activated').as('joined'),
      eb.fn.count<string>('e.id').filterWhere('e.status', 'in', ['withdrawn', 'disqualified']).as('left'),
    ])
    .where('members.kind', 'not in', ['partner', 'honorary'])
    .where(sql`coalesce(e.effective_on, e.at::date)`, '>=', day)
    .executeTakeFirstOrThrow();
  return { joined: Number(row.joined), left: Number(row.left) };
}
