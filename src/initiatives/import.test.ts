import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { importBooklet } from './import.ts';

const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds/004_307cc80dd0114172.txt');
const hasSeed = fs.existsSync(SEED);
const gazetteer = new Gazetteer();
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const utf8 = (text: string) => new TextEncoder().encode(text);

async function snapshot(eventSlug: string) {
  const db = database.db;
  return {
    days: await db.selectFrom('programme_days').selectAll().where('event_slug', '=', eventSlug).orderBy('id').execute(),
    sessions: await db.selectFrom('programme_sessions').selectAll().where('event_slug', '=', eventSlug).orderBy('id').execute(),
    workshops: await db.selectFrom('programme_workshops').selectAll().where('event_slug', '=', eventSlug).orderBy('id').execute(),
    initiatives: await db.selectFrom('initiatives').selectAll().where('event_slug', '=', eventSlug).orderBy('id').execute(),
    organisations: await db.selectFrom('organisations').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  };
}

describe.runIf(hasSeed)('importing the GSEF2018 booklet', () => {
  it('reads every numbered entry with its organisation, place, presenters and session, and a re-run changes nothing', async () => {
    const bytes = fs.readFileSync(SEED);
    const outcome = await importBooklet(database.db, { bytes, eventSlug: 'booklet-test', gazetteer });
    expect(outcome.ok).toBe(true);
    expect(outcome.report.filter((line) => line.level === 'error')).toEqual([]);
    const numbered = new Set(bytes.toString('utf8').split('\n').map((line) => line.match(/^(\d+\.\d+\.\d+)\.?\s/)?.[1]).filter(Boolean));
    const state = await snapshot('booklet-test');
    const codes = state.initiatives.map((row) => row.code);
    for (const code of numbered) expect(codes).toContain(code);
    expect(state.days.map((day) => day.date)).toEqual(['2018-10-01', '2018-10-02', '2018-10-03']);
    expect(state.sessions).toHaveLength(9);
    const koopera = state.initiatives.find((row) => row.code === '1.1.2')!;
    expect(koopera).toMatchObject({ city: 'Munguía', subregion: 'Pays Basque', country: 'ES', region: 'europe', kind: 'initiative' });
    expect(koopera.presenters[0]).toMatchObject({ name: 'Javier Mariño', url: 'http://koopera.org/' });
    expect(koopera.latitude).not.toBeNull();
    const oecd = state.initiatives.find((row) => row.code === '2.4.1')!;
    expect(oecd.kind).toBe('thematic_workshop');
    expect(oecd.presenters.map((p) => p.name)).toContain('Risto Raivio');
    const seoul = state.initiatives.find((row) => row.code === '1.1.4')!;
    expect(seoul).toMatchObject({ country: 'KR', city: 'Séoul' });
    expect(seoul.latitude).toBeCloseTo(37.57, 1);

    const again = await importBooklet(database.db, { bytes, eventSlug: 'booklet-test', gazetteer });
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: outcome.created });
    expect(await snapshot('booklet-test')).toEqual(state);
  });

  it('imports a renumbered variant (sessions shifted, workshops swapped) into the same entries', async () => {
    const text = fs.readFileSync(SEED, 'utf8')
      .replace(/^(ATELIERS SESSION )(\d+)/gm, (_m, head, n) => `${head}${Number(n) + 10}`)
      .replace(/^(\d+)\.(\d+)(\.\d+)?(\.?[\s\t])/gm, (_m, s, w, i = '', tail) => `${Number(s) + 10}.${w}${i}${tail}`);
    const original = await snapshot('booklet-test');
    const outcome = await importBooklet(database.db, { bytes: utf8(text), eventSlug: 'renumbered', gazetteer });
    expect(outcome).toMatchObject({ ok: true, sessions: 9, created: original.initiatives.length });
    const renumbered = await snapshot('renumbered');
    const shape = (rows: typeof original.initiatives, shift: number) => rows.map((row) => ({
      code: row.code.replace(/^\d+/, (n) => String(Number(n) - shift)), title: row.title.fr?.text, organisation: row.organisation_id,
      city: row.city, country: row.country, latitude: row.latitude, presenters: row.presenters, kind: row.kind, themes: row.themes,
    }));
    expect(shape(renumbered.initiatives, 10)).toEqual(shape(original.initiatives, 0));
    expect(renumbered.initiatives.map((row) => row.code)).toContain('11.1.2');
    expect(renumbered.organisations).toEqual(original.organisations);
  });
});

const SMALL = `Livret test, novembre 2019

3 Novembre / Lundi

ATELIERS SESSION 4
4.1.	PREMIER ATELIER
4.7.	SECOND ATELIER

ATELIERS SESSION 4

4.1. Premier atelier

4.1.1 Une cantine coopérative

Cantine Solidaire. Dakar, Sénégal

Une cantine gérée par ses usagers.

Awa Ndiaye. Présidente. <https://cantine.example.sn/>

4.7. Second atelier, ajouté

4.7.1 Un fonds local

Fonds Local. Séoul, République de Corée

Un fonds pour les coopératives.

Kim Minji. Directrice. <https://fonds.example.kr/>

4.7.2 Une monnaie locale

Monnaie Locale. Bilbao, Pays Basque, Espagne

Une monnaie pour le commerce de quartier.

Ane Etxeberria. Coordinatrice. <https://monnaie.example.eus/>
`;

describe('importing small booklets', () => {
  it('imports other numbering and extra workshops, and --dry-run writes nothing', async () => {
    const dry = await importBooklet(database.db, { bytes: utf8(SMALL), eventSlug: 'small', dryRun: true, gazetteer });
    expect(dry).toMatchObject({ ok: true, dryRun: true, entries: 3, sessions: 1, workshops: 2, created: 3 });
    expect((await snapshot('small')).initiatives).toEqual([]);
    const real = await importBooklet(database.db, { bytes: utf8(SMALL), eventSlug: 'small', gazetteer });
    expect(real).toMatchObject({ ok: true, created: 3, report: [] });
    const state = await snapshot('small');
    expect(state.initiatives.map((row) => [row.code, row.country, row.city])).toEqual([
      ['4.1.1', 'SN', 'Dakar'], ['4.7.1', 'KR', 'Séoul'], ['4.7.2', 'ES', 'Bilbao'],
    ]);
    expect(state.days.map((day) => day.date)).toEqual(['2019-11-03']);
    expect(state.workshops.map((w) => [w.code, w.title.fr?.text])).toEqual([['4.1', 'Premier atelier'], ['4.7', 'Second atelier, ajouté']]);
  });

  it('reads Windows-1252 and UTF-8 with a BOM alike, and says so', async () => {
    const cp1252 = await importBooklet(database.db, { bytes: Uint8Array.from(Buffer.from(SMALL, 'latin1')), eventSlug: 'cp1252', gazetteer });
    expect(cp1252).toMatchObject({ ok: true, encoding: 'windows-1252', created: 3 });
    expect(cp1252.report[0]).toMatchObject({ line: 1, level: 'warning', message: 'the file is not UTF-8; read as windows-1252' });
    const rows = await database.db.selectFrom('initiatives').select(['city', 'country']).where('event_slug', '=', 'cp1252').orderBy('code').execute();
    expect(rows[1]).toEqual({ city: 'Séoul', country: 'KR' });
    const bom = await importBooklet(database.db, { bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(SMALL)]), eventSlug: 'bom', gazetteer });
    expect(bom).toMatchObject({ ok: true, encoding: 'utf-8 (BOM)', created: 3, report: [] });
  });

  it('reports unknown countries, conflicting codes and broken structure with line numbers, and imports nothing', async () => {
    const before = await snapshot('bad');
    const unknown = SMALL.replace('Dakar, Sénégal', 'Dakar, Atlantide');
    const duplicate = SMALL.replace('4.7.2 Une monnaie locale', '4.7.1 Une monnaie locale');
    const cases: [string, string, RegExp][] = [
      [unknown, '4.1.1', /unknown country "Atlantide"/],
      [duplicate, '4.7.1', /duplicate code 4\.7\.1: already used at line 23/],
      ['just some text\nwith no programme at all\n', '', /no numbered entries found/],
      [String.fromCharCode(0, 159, 255, 1, 2) + '\u0000\u0001', '', /no numbered entries found/],
    ];
    for (const [text, code, message] of cases) {
      const outcome = await importBooklet(database.db, { bytes: utf8(text), eventSlug: 'bad', gazetteer });
      expect(outcome.ok).toBe(false);
      const error = outcome.report.find((line) => line.level === 'error')!;
      expect(error.message).toMatch(message);
      expect(error.code ?? '').toBe(code);
      expect(error.line).toBeGreaterThan(0);
    }
    const unknownLine = (await importBooklet(database.db, { bytes: utf8(unknown), eventSlug: 'bad', gazetteer })).report.find((line) => line.level === 'error')!;
    expect(unknownLine.line).toBe(unknown.split('\n').indexOf('Cantine Solidaire. Dakar, Atlantide') + 1);
    expect(await snapshot('bad')).toEqual(before);
  });

  it('refuses an event slug that is not a slug', async () => {
    await expect(importBooklet(database.db, { bytes: utf8(SMALL), eventSlug: 'Bad Slug', gazetteer })).rejects.toThrow('is not an event slug');
  });
});
