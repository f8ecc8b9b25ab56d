import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { parseBooklet } from './booklet.ts';
import { detectLang } from './detect-lang.ts';
import { formatReport, importBooklet } from './import.ts';
import { fromBooklet } from './programme.ts';

const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds/004_307cc80dd0114172.txt');

/** Booklets in the other shapes the importer reads: each written here, small, as a forum would print it. */

const SPANISH_LETTERS = `Cuaderno de iniciativas, mayo 2021

TALLERES

A. Vivienda y ciudades

A-1 Una cooperativa de vivienda por ayuda mutua

Cooperativa Techo Propio. Montevideo, Uruguay

La cooperativa construye viviendas con el trabajo de sus socios y el apoyo del municipio, que cede los terrenos y acompaña a las familias durante toda la obra hasta la entrega de las llaves.

Ana García Ruiz, Presidenta de la cooperativa

A-2 서울시 사회적경제지원센터의 공공조달 지원

서울특별시. Séoul, Corea del Sur

서울시 사회적경제지원센터는 사회적기업과 협동조합이 공공기관에 물품과 서비스를 판매할 수 있도록 교육과 상담, 판로 개척을 함께 지원하고 있습니다.

Ponentes: Kim Minji, Directora del centro; Lee Jun, Coordinador

B. Finanzas solidarias

B-1 Un fondo rotatorio para mujeres emprendedoras

Fondo Solidario. Lima, Perú

El fondo presta pequeñas sumas a grupos de mujeres que se garantizan entre ellas y devuelven el préstamo en cuotas semanales, lo que permite prestar de nuevo a otros grupos del barrio.

María Quispe. Coordinadora del fondo. <https://fondo.example.pe/>
`;

const ENGLISH_WORDS = `Initiatives booklet, June 2022

WORKSHOPS

Workshop 1: Local finance

Workshop 1 / Initiative 1: A community bank owned by its depositors

Community Bank. Glasgow, United Kingdom

The bank lends only to local cooperatives and social enterprises, and its depositors elect the board every year at a general meeting that is open to the whole neighbourhood.

Presenters: Mary Smith, Director; John Brown, Treasurer

Workshop 2 — Youth and work

Workshop 2 / Initiative 1. Young people running their own cafés

Youth Cafés. Toronto, Canada

Groups of young people run cafés in public libraries, learning how to manage a business together while they are paid for their work and supported by experienced mentors.

Sarah Lee, Project manager
`;

const FRENCH_WORDS = `Livret des initiatives, mars 2023

ATELIERS

Atelier 3 : Alimentation durable

Atelier 3 / Initiative 1 : Une épicerie coopérative de quartier

Épicerie des Voisins. Lyon, France

Les habitants du quartier possèdent ensemble l'épicerie, y travaillent trois heures par mois et achètent des produits locaux à un prix juste pour les producteurs comme pour les familles.

Claire Martin. Présidente de l'épicerie.

Atelier 3 / Initiative 2 : Une cantine scolaire approvisionnée par les fermes voisines

Commune de Loos. Lille, France

La commune achète les légumes de la cantine aux fermes coopératives des environs et associe les parents d'élèves au choix des menus de la semaine.

Présenté par : Paul Durand, adjoint au maire
`;

/** A booklet in the usual numbering with one broken entry number in the middle. */
const MALFORMED = `Livret test, novembre 2019

ATELIERS SESSION 4

4.1. Premier atelier

4.1.1 Une cantine coopérative

Cantine Solidaire. Dakar, Sénégal

Une cantine gérée par ses usagers.

Awa Ndiaye. Présidente. <https://cantine.example.sn/>

4.1.2Une épicerie solidaire

Épicerie Solidaire. Dakar, Sénégal

Une épicerie pour le quartier.
`;

const gazetteer = new Gazetteer();
const utf8 = (text: string) => new TextEncoder().encode(text);
const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

describe('reading booklets of other shapes', () => {
  it('reads A-1 numbering under Spanish headings, a Korean entry as Korean, and presenters without web addresses', () => {
    const parsed = parseBooklet(SPANISH_LETTERS);
    expect(parsed.report.filter((line) => line.level === 'error')).toEqual([]);
    expect(parsed.lang).toBe('es');
    expect(parsed.workshops.map((w) => [w.code, w.title])).toEqual([['1.1', 'Vivienda y ciudades'], ['1.2', 'Finanzas solidarias']]);
    expect(parsed.entries.map((e) => [e.code, e.printedCode, e.lang, e.country, e.city])).toEqual([
      ['1.1.1', 'A-1', 'es', 'UY', 'Montevideo'],
      ['1.1.2', 'A-2', 'ko', 'KR', 'Séoul'],
      ['1.2.1', 'B-1', 'es', 'PE', 'Lima'],
    ]);
    const [techo, seoul, fondo] = parsed.entries;
    expect(techo!.presenters).toEqual([{ name: 'Ana García Ruiz', role: 'Presidenta de la cooperativa', organisation: null, url: null }]);
    expect(techo!.summary).toMatch(/^La cooperativa construye/);
    expect(seoul!.presenters.map((p) => [p.name, p.role])).toEqual([['Kim Minji', 'Directora del centro'], ['Lee Jun', 'Coordinador']]);
    expect(seoul!.summary).not.toMatch(/Ponentes/);
    expect(fondo!.presenters[0]).toMatchObject({ name: 'María Quispe', url: 'https://fondo.example.pe/' });
    // Workshop headings are there, so the only warnings name entries: in the booklet's own numbering.
    const noPresenter = parseBooklet(SPANISH_LETTERS.replace('Ana García Ruiz, Presidenta de la cooperativa', '')).report.find((line) => line.message === 'no presenter line');
    expect(noPresenter?.code).toBe('A-1 (1.1.1)');
  });

  it('reads "Workshop 1 / Initiative 1" numbering under English headings', () => {
    const parsed = parseBooklet(ENGLISH_WORDS);
    expect(parsed.report.filter((line) => line.level === 'error')).toEqual([]);
    expect(parsed.lang).toBe('en');
    expect(parsed.workshops.map((w) => [w.code, w.title])).toEqual([['1.1', 'Local finance'], ['1.2', 'Youth and work']]);
    expect(parsed.entries.map((e) => [e.code, e.printedCode, e.title, e.lang])).toEqual([
      ['1.1.1', 'Workshop 1 / Initiative 1', 'A community bank owned by its depositors', 'en'],
      ['1.2.1', 'Workshop 2 / Initiative 1', 'Young people running their own cafés', 'en'],
    ]);
    expect(parsed.entries[0]!.presenters.map((p) => p.name)).toEqual(['Mary Smith', 'John Brown']);
    expect(parsed.entries[1]!.presenters).toEqual([{ name: 'Sarah Lee', role: 'Project manager', organisation: null, url: null }]);
  });

  it('reads "Atelier 3 / Initiative 2" numbering under French headings', () => {
    const parsed = parseBooklet(FRENCH_WORDS);
    expect(parsed.report.filter((line) => line.level === 'error')).toEqual([]);
    expect(parsed.lang).toBe('fr');
    expect(parsed.entries.map((e) => [e.code, e.printedCode, e.organisation, e.city, e.lang])).toEqual([
      ['1.3.1', 'Atelier 3 / Initiative 1', 'Épicerie des Voisins', 'Lyon', 'fr'],
      ['1.3.2', 'Atelier 3 / Initiative 2', 'Commune de Loos', 'Lille', 'fr'],
    ]);
    expect(parsed.entries[0]!.presenters[0]).toMatchObject({ name: 'Claire Martin', url: null });
    expect(parsed.entries[1]!.presenters[0]).toMatchObject({ name: 'Paul Durand', role: 'adjoint au maire' });
  });

  it('reads Spanish and English session headings and days with the usual numbering', () => {
    const spanish = `Programa, octubre 2024\n\n3 de octubre / jueves\n\nTALLERES SESIÓN 2\n\n2.1. Finanzas\n\n2.1.1 Un banco de tiempo\n\nBanco del Tiempo. Bogotá, Colombia\n\nLos vecinos intercambian horas de servicio sin dinero.\n\nRosa Díaz. Fundadora.\n`;
    const parsed = parseBooklet(spanish);
    expect(parsed.report.filter((line) => line.level === 'error')).toEqual([]);
    expect(parsed.days.map((d) => d.date)).toEqual(['2024-10-03']);
    expect(parsed.sessions.map((s) => s.code)).toEqual(['2']);
    expect(parsed.entries.map((e) => [e.code, e.country, e.presenters[0]?.name])).toEqual([['2.1.1', 'CO', 'Rosa Díaz']]);
    const english = spanish.replace('3 de octubre / jueves', '3 October / Thursday').replace('TALLERES SESIÓN 2', 'WORKSHOPS SESSION 2');
    expect(parseBooklet(english).days.map((d) => d.date)).toEqual(['2024-10-03']);
    expect(parseBooklet(english).entries).toHaveLength(1);
  });

  it('reports a malformed entry number with its line instead of merging it into the previous summary', () => {
    const parsed = parseBooklet(MALFORMED);
    const error = parsed.report.find((line) => line.level === 'error');
    expect(error).toMatchObject({ line: lineOf(MALFORMED, '4.1.2Une épicerie solidaire') });
    expect(error!.message).toMatch(/starts like an entry number but cannot be read/);
    expect(parsed.entries[0]!.summary).toBe('Une cantine gérée par ses usagers.');
    for (const broken of ['B-1Un fondo sin espacio tras su número', 'Workshop 2 / Initiative: a title without its number']) {
      const text = broken.startsWith('B-') ? SPANISH_LETTERS.replace('B-1 Un fondo rotatorio para mujeres emprendedoras', broken) : ENGLISH_WORDS.replace('Workshop 2 / Initiative 1. Young people running their own cafés', broken);
      const report = parseBooklet(text).report.find((line) => line.level === 'error');
      expect(report, broken).toMatchObject({ line: lineOf(text, broken) });
    }
  });

  it.runIf(fs.existsSync(SEED))('still reads the GSEF2018 booklet as before: 102 initiatives, every entry French, no new error', () => {
    const parsed = parseBooklet(fs.readFileSync(SEED, 'utf8'));
    expect(parsed.entries.filter((e) => e.kind === 'initiative')).toHaveLength(102);
    expect(parsed.lang).toBe('fr');
    expect(parsed.entries.filter((e) => e.lang !== 'fr').map((e) => e.code)).toEqual([]);
    expect(parsed.report.filter((line) => line.level === 'error')).toEqual([]);
    expect(parsed.entries.every((e) => e.printedCode === e.code)).toBe(true);
    expect(fromBooklet(parsed).entries.filter((e) => e.lang)).toEqual([]);
  });

  it('detects Korean by its script and leaves short texts undecided', () => {
    expect(detectLang('협동조합이 지역에서 일자리를 만듭니다')).toBe('ko');
    expect(detectLang('Mairie de Praia')).toBeNull();
    expect(detectLang('The cooperative supports young entrepreneurs in the city with training and shared workspaces.')).toBe('en');
  });
});

describe('importing booklets of other shapes', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('stores each entry in its detected language: a Korean entry of a Spanish booklet as ko', async () => {
    const outcome = await importBooklet(database.db, { bytes: utf8(SPANISH_LETTERS), eventSlug: 'cuaderno-2021', gazetteer });
    expect(outcome).toMatchObject({ ok: true, created: 3, sessions: 1, workshops: 2, languages: { es: 2, ko: 1 } });
    expect(formatReport(outcome)).toMatch(/^languages of the entries: es 2, ko 1$/m);
    const rows = await database.db.selectFrom('initiatives').select(['code', 'title', 'summary', 'presenters']).where('event_slug', '=', 'cuaderno-2021').orderBy('code').execute();
    expect(rows.map((row) => [row.code, Object.keys(row.title), Object.keys(row.summary ?? {})])).toEqual([
      ['1.1.1', ['es'], ['es']], ['1.1.2', ['ko'], ['ko']], ['1.2.1', ['es'], ['es']],
    ]);
    expect(rows[1]!.title.ko).toMatchObject({ status: 'original' });
    const workshops = await database.db.selectFrom('programme_workshops').select(['code', 'title']).where('event_slug', '=', 'cuaderno-2021').orderBy('code').execute();
    expect(workshops.map((w) => w.title.es?.text)).toEqual(['Vivienda y ciudades', 'Finanzas solidarias']);
    const again = await importBooklet(database.db, { bytes: utf8(SPANISH_LETTERS), eventSlug: 'cuaderno-2021', gazetteer });
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
  });

  it('imports the English and French shapes, and nothing of a booklet with a malformed entry', async () => {
    expect(await importBooklet(database.db, { bytes: utf8(ENGLISH_WORDS), eventSlug: 'booklet-2022', gazetteer })).toMatchObject({ ok: true, created: 2 });
    expect(await importBooklet(database.db, { bytes: utf8(FRENCH_WORDS), eventSlug: 'livret-2023', gazetteer })).toMatchObject({ ok: true, created: 2 });
    const malformed = await importBooklet(database.db, { bytes: utf8(MALFORMED), eventSlug: 'malformed', gazetteer });
    expect(malformed.ok).toBe(false);
    expect(malformed.report.find((line) => line.level === 'error')!.line).toBe(lineOf(MALFORMED, '4.1.2Une épicerie solidaire'));
    const stored = await database.db.selectFrom('initiatives').select('id').where('event_slug', '=', 'malformed').execute();
    expect(stored).toEqual([]);
  });
});
