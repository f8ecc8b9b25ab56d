import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { textOf } from '../i18n/translatable.ts';
import { archiveEvents, cleanFilters, initiativePoints, listThemes, mapCountries, organisationPoints } from '../initiatives/domain.ts';
import { isRegion, type Region } from '../places/regions.ts';
import { project, REGION_VIEWS, WORLD_VIEW, type View } from './world.ts';

export const SHOWS = ['all', 'organisations', 'initiatives'] as const;
export type Show = (typeof SHOWS)[number];

export interface MapFilters {
  show: Show;
  region: string[];
  country: string[];
  event: string[];
  theme: string[];
}

export interface MapItem {
  type: 'organisation' | 'initiative';
  slug: string;
  name: string;
  code: string | null;
  city: string | null;
  country: string | null;
  latitude: number;
  longitude: number;
}

export interface Cluster {
  id: string;
  x: number;
  y: number;
  place: string;
  country: string | null;
  items: MapItem[];
}

export function mapFilters(input: { show?: unknown; region: string[]; country: string[]; event: string[]; theme: string[] }): MapFilters {
  const clean = cleanFilters({ region: input.region, country: input.country, event: input.event, theme: input.theme });
  const show = (SHOWS as readonly string[]).includes(String(input.show)) ? (input.show as Show) : 'all';
  return { show, region: clean.region, country: clean.country, event: clean.event, theme: clean.theme };
}

/** Everything with coordinates that the filters keep: organisations (members, partners…) and initiatives. */
export async function mapItems(db: Kysely<DB>, filters: MapFilters, lang: Lang): Promise<MapItem[]> {
  // Event and theme describe initiatives only: with either chosen, organisations are not shown.
  const wantOrganisations = filters.show !== 'initiatives' && filters.event.length === 0 && filters.theme.length === 0;
  const [organisations, initiatives] = await Promise.all([
    wantOrganisations ? organisationPoints(db, { region: filters.region, country: filters.country, kind: [] }) : [],
    filters.show !== 'organisations' ? initiativePoints(db, filters, lang) : [],
  ]);
  return [
    ...organisations.map((row) => ({ type: 'organisation' as const, slug: row.slug, name: textOf(row.name, lang), code: null, city: row.city, country: row.country, latitude: row.latitude!, longitude: row.longitude! })),
    ...initiatives.map((row) => ({ type: 'initiative' as const, slug: row.slug, name: row.title, code: row.code, city: row.city, country: row.country, latitude: row.latitude!, longitude: row.longitude! })),
  ];
}

/**
 * Groups items whose projected positions fall in the same cell of the map (cellPx wide): one marker
 * per group, sized by its count. Deterministic and linear in the number of items.
 */
export function cluster(items: MapItem[], cellPx = 14): Cluster[] {
  const cells = new Map<string, { sx: number; sy: number; items: MapItem[] }>();
  for (const item of items) {
    const [x, y] = project(item.longitude, item.latitude);
    const key = `${Math.floor(x / cellPx)}:${Math.floor(y / cellPx)}`;
    const cell = cells.get(key) ?? { sx: 0, sy: 0, items: [] };
    cell.sx += x;
    cell.sy += y;
    cell.items.push(item);
    cells.set(key, cell);
  }
  return [...cells.entries()].map(([key, cell]) => {
    const places = new Map<string, number>();
    for (const item of cell.items) if (item.city) places.set(item.city, (places.get(item.city) ?? 0) + 1);
    const place = [...places.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
    return {
      id: `place-${key.replace(':', '-')}`,
      x: Math.round((cell.sx / cell.items.length) * 10) / 10,
      y: Math.round((cell.sy / cell.items.length) * 10) / 10,
      place,
      country: cell.items[0]!.country,
      items: cell.items.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name)),
    };
  }).sort((a, b) => (a.country ?? '').localeCompare(b.country ?? '') || a.place.localeCompare(b.place) || a.id.localeCompare(b.id));
}

/** The width of a phone's map in CSS pixels (360 px less the page's margins), which markers are sized for. */
const PHONE_MAP_PX = 328;

export interface MapView {
  zoom: Region | null;
  box: View;
  /** User units per CSS pixel on a phone: markers and labels are sized with it. */
  unit: number;
  /** The clustering cell: about one marker's width, so markers do not cover each other. */
  cell: number;
}

/**
 * The part of the world drawn: `?zoom=europe`, else the one region the filters keep, else the
 * world. An unknown zoom shows the world (a view is a way of looking, not a filter to refuse).
 */
export function mapView(zoom: unknown, regions: string[]): MapView {
  const region = isRegion(zoom) ? zoom : regions.length === 1 && isRegion(regions[0]) ? regions[0] : null;
  const box = region ? REGION_VIEWS[region] : WORLD_VIEW;
  const unit = box.width / PHONE_MAP_PX;
  return { zoom: region, box, unit, cell: unit * 30 };
}

/** What the map's filter form offers: countries with points, events of the archive, themes. */
export async function mapChoices(db: Kysely<DB>) {
  const [countries, events, themes] = await Promise.all([mapCountries(db), archiveEvents(db), listThemes(db)]);
  return { countries, events: events.map((row) => ({ slug: row.event_slug, title: row.title })), themes: themes.map((theme) => ({ slug: theme.slug, name: theme.name })) };
}
export type MapChoices = Awaited<ReturnType<typeof mapChoices>>;

/**
 * Grid cells can put two markers side by side across a cell edge, overlapping: a place closer than
 * `distance` to a busier one joins it (the busier keeps its name and id), so every marker can be tapped.
 */
export function mergeClose(clusters: Cluster[], distance: number): Cluster[] {
  const kept: Cluster[] = [];
  for (const candidate of [...clusters].sort((a, b) => b.items.length - a.items.length || a.id.localeCompare(b.id))) {
    const near = kept.find((other) => Math.hypot(other.x - candidate.x, other.y - candidate.y) < distance);
    if (!near) {
      kept.push({ ...candidate, items: [...candidate.items] });
      continue;
    }
    const total = near.items.length + candidate.items.length;
    near.x = Math.round(((near.x * near.items.length + candidate.x * candidate.items.length) / total) * 10) / 10;
    near.y = Math.round(((near.y * near.items.length + candidate.y * candidate.items.length) / total) * 10) / 10;
    near.items.push(...candidate.items);
  }
  return kept.sort((a, b) => (a.country ?? '').localeCompare(b.country ?? '') || a.place.localeCompare(b.place) || a.id.localeCompare(b.id));
}
