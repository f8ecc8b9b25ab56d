import { describe, expect, it } from 'vitest';
import { countryName, COUNTRY_CODES, resolveCountry } from './countries.ts';
import { Gazetteer } from './gazetteer.ts';
import { regionOf } from './regions.ts';

describe('countries', () => {
  it.each([
    ['République de Corée', 'KR'],
    ['États-Unis', 'US'],
    ['Etats Unis', 'US'],
    ['Espagne', 'ES'],
    ['España', 'ES'],
    ['대한민국', 'KR'],
    ['Sénégal', 'SN'],
    ['Ouganda', 'UG'],
    ['Royaume Uni', 'GB'],
    ['Cap Vert', 'CV'],
    ['Pays Basque', 'ES'],
    ['mex', 'MX'],
    ['Atlantis', null],
  ])('resolves %s to %s', (name, code) => {
    expect(resolveCountry(name)).toBe(code);
  });

  it('names countries in the reader’s language', () => {
    expect(countryName('ES', 'fr')).toBe('Espagne');
    expect(countryName('KR', 'ko')).toBe('대한민국');
    expect(countryName('US', 'es')).toBe('Estados Unidos');
  });
});

describe('regions', () => {
  it('puts every inhabited country in one of the five GSEF regions', () => {
    const without = COUNTRY_CODES.filter((code) => !regionOf(code));
    expect(without.sort()).toEqual(['AQ', 'TF']);
    expect([regionOf('ML'), regionOf('KR'), regionOf('ES'), regionOf('MX'), regionOf('CA')]).toEqual([
      'africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america',
    ]);
  });
});

describe('gazetteer', () => {
  const gazetteer = new Gazetteer();

  it('finds a city in its country, by its own name or a French or Korean one', () => {
    expect(gazetteer.find('Bilbao', 'ES')).toMatchObject({ name: 'Bilbao', country: 'ES' });
    const seoul = gazetteer.find('Séoul', 'KR')!;
    expect(seoul.latitude).toBeCloseTo(37.57, 1);
    expect(seoul.longitude).toBeCloseTo(126.98, 1);
    expect(gazetteer.find('서울', 'KR')?.name).toBe('Seoul');
    expect(gazetteer.find('Kampala', 'UG')?.name).toBe('Kampala');
    expect(gazetteer.find('Mexico', 'MX')?.name).toBe('Mexico City');
  });

  it('never guesses a city in another country', () => {
    expect(gazetteer.find('Bilbao', 'FR')).toBeNull();
    expect(gazetteer.find('Nowhere-sur-Mer', 'FR')).toBeNull();
  });
});
