import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { textOf } from '../i18n/translatable.ts';
import { COUNTRY_CODES } from '../places/countries.ts';
import { REGIONS } from '../places/regions.ts';
import { mandatesForMember } from '../governance/domain.ts';
import { loadImages } from '../images/domain.ts';
import {
  activeCounts,
  activePlaces,
  changeSince,
  countMembers,
  facetCounts,
  findMember,
  latestTarget,
  listMembers,
  memberTimeline,
  statusHistory,
  type MemberFilters,
  type MemberSort,
} from './queries.ts';

export const MEMBER_KINDS = ['local_government', 'sse_network', 'other_organisation', 'honorary', 'partner'] as const;
export const MEMBER_STATUSES = ['applicant', 'active', 'suspended', 'withdrawn', 'disqualified'] as const;
export const MEMBER_CATEGORIES = ['city', 'regional_government', 'local_sse_network', 'national_sse_network', 'regional_network',
  'international_network', 'support_organisation', 'other_stakeholder'] as const;
export const SORTS = ['name', 'country', 'joined'] as const;
export type { MemberFilters, MemberSort };

const KNOWN: Record<'region' | 'country' | 'kind' | 'status', readonly string[]> = { region: REGIONS, country: COUNTRY_CODES, kind: MEMBER_KINDS, status: MEMBER_STATUSES };

/** Keeps only known filter values (unknown ones are ignored, never an error). */
export function cleanFilters(raw: Partial<Record<'region' | 'country' | 'kind' | 'status', string[]>> & { q?: string }): MemberFilters {
  const clean = (key: 'region' | 'country' | 'kind' | 'status') =>
    [...new Set((raw[key] ?? []).map((v) => (key === 'country' ? v.toUpperCase() : v)).filter((v) => KNOWN[key].includes(v)))];
  const q = (raw.q ?? '').trim().slice(0, 100);
  return { region: clean('region'), country: clean('country'), kind: clean('kind'), status: clean('status'), ...(q ? { q } : {}) };
}

/** One page of the directory, its total and the facet counts: a fixed number of queries whatever the page size. */
export async function memberDirectory(db: Kysely<DB>, input: { filters: MemberFilters; lang: Lang; sort: MemberSort; limit: number; offset: number }) {
  // The kinds the network counts as its members (the home page's figure): partners and honorary
  // members are listed too, and the caption says how many of each, so the two numbers agree.
  const countedKinds = input.filters.kind.length ? input.filters.kind.filter((kind) => COUNTED_KINDS.includes(kind)) : COUNTED_KINDS;
  const [{ rows, total }, facets, counted] = await Promise.all([
    memberList(db, input),
    facetCounts(db, input.filters),
    countedKinds.length ? countMembers(db, { ...input.filters, kind: countedKinds }) : 0,
  ]);
  const inOrder = (key: 'region' | 'kind' | 'status') => facets[key].sort((a, b) => KNOWN[key].indexOf(a.value) - KNOWN[key].indexOf(b.value));
  return { rows, total, counted, facets: { region: inOrder('region'), country: facets.country, kind: inOrder('kind'), status: inOrder('status') } };
}

/** One page of the directory and its total, without facets (the API). */
export async function memberList(db: Kysely<DB>, input: { filters: MemberFilters; lang: Lang; sort: MemberSort; limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    listMembers(db, input.filters, input.lang, input.sort, { limit: input.limit, offset: input.offset }),
    countMembers(db, input.filters),
  ]);
  return { rows, total };
}

/** Every member matching the filters, in the directory's order (the CSV export). */
export function memberExport(db: Kysely<DB>, input: { filters: MemberFilters; lang: Lang; sort: MemberSort }) {
  return listMembers(db, input.filters, input.lang, input.sort, { limit: 1_000_000, offset: 0 });
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/** What the API and the CSV say about a member: the same fields the directory shows. */
export function memberItem(row: Pick<MemberRow, 'slug' | 'name' | 'kind' | 'category' | 'status' | 'region' | 'country' | 'city' | 'latitude' | 'longitude' | 'website' | 'joined_on'>, lang: Lang, baseUrl: string) {
  return {
    slug: row.slug,
    name: textOf(row.name, lang),
    kind: row.kind,
    category: row.category,
    status: row.status,
    region: row.region,
    country: row.country,
    city: row.city,
    latitude: row.latitude,
    longitude: row.longitude,
    website: row.website,
    joinedOn: row.joined_on,
    url: `${baseUrl}/${lang}/members/${row.slug}`,
  };
}

/** A member's page: profile, governance roles, and (for editors) contacts and the timeline. */
export async function memberProfile(db: Kysely<DB>, slug: string, withPrivate: boolean) {
  const member = await findMember(db, slug);
  if (!member) return null;
  const [mandates, timeline, images] = await Promise.all([
    mandatesForMember(db, member.id),
    withPrivate ? memberTimeline(db, member.id) : Promise.resolve([]),
    loadImages(db, [member.logo_image_id]),
  ]);
  const logo = member.logo_image_id ? images.get(member.logo_image_id) ?? null : null;
  return { member: withPrivate ? member : { ...member, contacts: {} }, mandates, timeline, logo };
}

/** The home page's figures: active members and the countries they come from. */
/** Kinds counted as members in the figures (see activeCounts); partners and honorary ones are not. */
export const COUNTED_KINDS: string[] = ['local_government', 'sse_network', 'other_organisation'];

export function memberKeyFigures(db: Kysely<DB>) {
  return activeCounts(db);
}

/** Places of the active members, with coordinates. */
export async function memberPlaces(db: Kysely<DB>) {
  return (await activePlaces(db)).map((row) => ({ latitude: row.latitude!, longitude: row.longitude!, city: row.city, country: row.country }));
}

type HistoryRow = Awaited<ReturnType<typeof statusHistory>>[number];

/**
 * Members counted as active at the end of each year, by kind and region, from the status history;
 * and the progress toward the secretariat's target.
 */
export async function membershipFigures(db: Kysely<DB>, today = new Date()) {
  const [history, target, counts] = await Promise.all([statusHistory(db), latestTarget(db), activeCounts(db)]);
  const dayOf = (row: HistoryRow) => row.effective_on ?? row.at.toISOString().slice(0, 10);
  const years = [...new Set(history.map((row) => Number(dayOf(row).slice(0, 4))))].sort();
  const thisYear = today.getUTCFullYear();
  if (years.length && years[years.length - 1]! < thisYear) years.push(thisYear);
  const byYear = years.map((year) => {
    const end = `${year}-12-31`;
    const latest = new Map<number, HistoryRow>();
    for (const row of history) if (dayOf(row) <= end) latest.set(row.member_id!, row);
    const active = [...latest.values()].filter((row) => row.status === 'active' && row.kind !== 'partner' && row.kind !== 'honorary');
    const tally = (key: 'kind' | 'region' | 'country') =>
      Object.fromEntries([...active.reduce((map, row) => map.set(String(row[key] ?? '—'), (map.get(String(row[key] ?? '—')) ?? 0) + 1), new Map<string, number>())].sort());
    return { year, total: active.length, byKind: tally('kind'), byRegion: tally('region'), byCountry: tally('country') };
  });
  // Progress is measured from the baseline: the members the secretariat counted when it set the
  // target (49 in the 2019 programme, most of them not recorded here), plus joins, minus departures since.
  const change = target ? await changeSince(db, target.created_at.toISOString().slice(0, 10)) : null;
  const progress = target && change
    ? (() => {
        const current = target.baseline + change.joined - change.left;
        const percent = Math.max(0, Math.min(100, Math.round(((current - target.baseline) / Math.max(1, target.target - target.baseline)) * 100)));
        return { ...target, current, recorded: counts.members, joined: change.joined, left: change.left, percent };
      })()
    : null;
  return { byYear, progress, counts };
}

/** The secretariat's latest membership target, or undefined. */
export function membershipTarget(db: Kysely<DB>) {
  return latestTarget(db);
}

/** One member by its slug, with its private fields (for back-office pages that check their permission first). */
export function findMemberBySlug(db: Kysely<DB>, slug: string) {
  return findMember(db, slug);
}
