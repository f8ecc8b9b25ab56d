import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GSEF2018_PROGRAMME } from '../../seed/initiatives-gsef2018.ts';
import { members as seedMembers } from '../../seed/members.ts';
import { createTestApp, createUser, csrfTokenIn, multipart, signIn, type TestApp, type Visitor } from '../../test/helpers.ts';
import { toCsv } from '../api/csv.ts';
import { countryName } from '../places/countries.ts';

let t: TestApp;
let editor: Visitor;

const db = () => t.app.ctx.db;
const memberCount = async () => (await db().selectFrom('members').select('id').execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'import@example.org', ['editor']);
  editor = await signIn(t.app, 'import@example.org');
  // The secretariat enters the network into an empty Passerelle: the seeded members are removed
  // (their organisations stay, and the import must link to them rather than duplicate them).
  await db().deleteFrom('mandates').where('member_id', 'is not', null).execute();
  await db().deleteFrom('membership_events').execute();
  await db().deleteFrom('members').execute();
});
afterAll(() => t?.close());

const COLUMNS = ['name', 'name_lang', 'kind', 'category', 'city', 'country', 'website', 'latitude', 'longitude', 'joined_on', 'status', 'status_on'];

/**
 * The network at the end of 2018, 49 members, from the seed documents' facts: the members they
 * name (the 2019 steering committee and the local governments at the 2019 Seoul training), then
 * local organisations presenting at GSEF2018 Bilbao, with their city and country as the booklet gives them.
 */
function network2018(): Record<string, string>[] {
  const rows: Record<string, string>[] = seedMembers.map((member) => ({
    name: member.name[member.source]!, name_lang: member.source, kind: member.kind === 'partner' ? 'other_organisation' : member.kind,
    category: member.category, city: member.city ?? '', country: member.country ?? '', joined_on: '2016-09-07',
  }));
  const seen = new Set(rows.map((row) => row.name));
  for (const entry of GSEF2018_PROGRAMME.entries) {
    if (rows.length === 49) break;
    if (!entry.organisation || !entry.city || !entry.country || seen.has(entry.organisation)) continue;
    seen.add(entry.organisation);
    rows.push({ name: entry.organisation, name_lang: 'fr', kind: 'other_organisation', category: 'other_stakeholder', city: entry.city, country: entry.country, joined_on: '2018-10-01' });
  }
  // One member whose status changed before the end of 2018, and one given by its country's name in Spanish.
  rows[rows.length - 1] = { ...rows[rows.length - 1]!, status: 'suspended', status_on: '2018-12-01' };
  const named = rows[rows.length - 2]!;
  rows[rows.length - 2] = { ...named, country: countryName(named.country!, 'es') };
  return rows;
}

async function upload(csv: string, intent: 'dry_run' | 'import', lang = 'en') {
  const url = `/${lang}/admin/members/import`;
  const token = csrfTokenIn((await editor.get(url)).body);
  const { payload, headers } = multipart({ _csrf: token, intent }, { file: { name: 'members.csv', type: 'text/csv', content: Buffer.from(csv) } });
  return t.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie: editor.cookies } });
}

const rejectedRows = (html: string) => [...html.matchAll(/<tr class="rejected-row"><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [Number(m[1]), m[2], m[3]]);

describe('importing the member list from a CSV', () => {
  const good = network2018();
  // Written as Excel would save it: byte-order mark, CRLF, one name with a comma and quotes.
  const goodCsv = toCsv(COLUMNS, good);

  it('builds a file of the 49 members at the end of 2018', () => {
    expect(good).toHaveLength(49);
    expect(new Set(good.map((row) => row.name)).size).toBe(49);
  });

  it('reports every rejected row by line and reason in the reader’s language, and writes nothing', async () => {
    const bad = `${goodCsv}${toCsv(COLUMNS, [
      { name: 'Ville de Nulle-Part', name_lang: 'fr', kind: 'local_government', category: 'city', city: 'Nulle-Part', country: 'Atlantide', joined_on: '2017-01-01' },
      { name: '', name_lang: 'fr', kind: 'local_government', category: 'city', city: 'Lyon', country: 'FR', joined_on: '2017-01-01' },
      { name: 'Ville de Lyon', name_lang: 'fr', kind: 'local_government', category: 'city', city: 'Lyon', country: 'FR', joined_on: '31/12/2017' },
      { ...good[3]! },
    ]).slice(1).split('\r\n').slice(1).join('\r\n')}`;
    const before = await memberCount();
    const dryRun = await upload(bad, 'dry_run', 'fr');
    expect(dryRun.statusCode).toBe(200);
    expect(dryRun.body).toContain('Vérification du fichier (rien n’a été écrit)');
    expect(dryRun.body).toContain('Lignes acceptées : 49. Lignes rejetées : 4.');
    expect(rejectedRows(dryRun.body)).toEqual([
      [51, 'country', 'Choisissez un pays dans la liste.'],
      [52, 'name', 'Ce champ est obligatoire.'],
      [53, 'joined_on', 'Saisissez une date au format AAAA-MM-JJ.'],
      [54, 'name', 'La même organisation au même endroit figure déjà ligne 5.'],
    ]);
    const refused = await upload(bad, 'import', 'es');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Importación rechazada: no se ha escrito nada');
    expect(rejectedRows(refused.body).map((row) => row[0])).toEqual([51, 52, 53, 54]);
    expect(await memberCount()).toBe(before);
    expect(await db().selectFrom('audit_log').select('id').where('action', 'in', ['member.add', 'member.import']).execute()).toEqual([]);
  });

  it('checks a good file without writing it, then imports all 49 members in one transaction', async () => {
    const organisationsBefore = (await db().selectFrom('organisations').select('id').execute()).length;
    const dryRun = await upload(goodCsv, 'dry_run', 'ko');
    expect(dryRun.statusCode).toBe(200);
    expect(dryRun.body).toContain('받아들인 행: 49. 거부된 행: 0.');
    expect(await memberCount()).toBe(0);
    const imported = await upload(goodCsv, 'import');
    expect(imported.statusCode).toBe(200);
    expect(imported.body).toContain('Rows accepted: 49. Rows rejected: 0.');
    expect(await memberCount()).toBe(49);
    // The seeded organisations were linked, not duplicated.
    const organisationsAfter = (await db().selectFrom('organisations').select('id').execute()).length;
    expect(organisationsAfter - organisationsBefore).toBeLessThanOrEqual(49 - seedMembers.length);
    const figures = await editor.get('/en/admin/membership');
    expect(figures.body).toMatch(/<th scope="row">2018<\/th><td>\d+<\/td>/);
    const endOf2018 = Number(/<th scope="row">2018<\/th><td>(\d+)<\/td>/.exec(figures.body)![1]);
    const partnersAndHonorary = good.filter((row) => row.kind === 'partner' || row.kind === 'honorary').length;
    expect(endOf2018).toBe(49 - 1 - partnersAndHonorary);
    const suspended = await db().selectFrom('members').select(['status', 'joined_on']).where('status', '=', 'suspended').execute();
    expect(suspended).toEqual([{ status: 'suspended', joined_on: '2018-10-01' }]);
    expect(await db().selectFrom('audit_log').select('details').where('action', '=', 'member.import').execute()).toEqual([{ details: { members: 49 } }]);
    const seoul = (await t.app.inject('/api/v1/members?country=KR&limit=50')).json();
    expect(seoul.total).toBeGreaterThan(0);
  });

  it('refuses the same file again: every row is already a member', async () => {
    const again = await upload(goodCsv, 'import');
    expect(again.statusCode).toBe(400);
    expect(rejectedRows(again.body)).toHaveLength(49);
    expect(rejectedRows(again.body)[0]).toEqual([2, 'name', 'This organisation is already a member.']);
    expect(await memberCount()).toBe(49);
  });

  it('names a file without the required columns, one that is not text, and a missing file', async () => {
    const columns = await upload('nom,pays\r\nLyon,FR\r\n', 'dry_run', 'fr');
    expect(rejectedRows(columns.body)).toEqual([[1, '', 'Colonnes absentes de la ligne d’en-tête : name, kind, category, country, joined_on.']]);
    const token = csrfTokenIn((await editor.get('/en/admin/members/import')).body);
    const png = multipart({ _csrf: token, intent: 'dry_run' }, { file: { name: 'members.csv', type: 'text/csv', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) } });
    const notText = await t.app.inject({ method: 'POST', url: '/en/admin/members/import', payload: png.payload, headers: { ...png.headers, cookie: editor.cookies } });
    expect(notText.statusCode).toBe(400);
    expect(notText.body).toMatch(/<p class="field-error" id="file-error">[^<]+<\/p>/);
    const none = multipart({ _csrf: token, intent: 'dry_run' });
    const missing = await t.app.inject({ method: 'POST', url: '/es/admin/members/import', payload: none.payload, headers: { ...none.headers, cookie: editor.cookies } });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('<p class="field-error" id="file-error">Elija un archivo CSV.</p>');
    const forged = multipart({ _csrf: 'forged', intent: 'import' }, { file: { name: 'members.csv', type: 'text/csv', content: Buffer.from(goodCsv) } });
    expect((await t.app.inject({ method: 'POST', url: '/en/admin/members/import', payload: forged.payload, headers: { ...forged.headers, cookie: editor.cookies } })).statusCode).toBe(403);
  });
});
