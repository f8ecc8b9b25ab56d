import { hashToken } from '../auth/tokens.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { parseCsv } from './csv-import.ts';

let t: TestApp;
let editor: Visitor;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'editor@gsef.example', ['editor']);
  await createUser(t.app, 'contact@city.example', ['member_contact']);
  editor = await signIn(t.app, 'editor@gsef.example');
});
afterAll(() => t.close());

/** A preferences link token for a subscriber written straight into the table (only its hash is stored). */
const linkTokenFor = (subscriberId: number, token: string) => t.app.ctx.db.insertInto('subscriber_links').values({ token_hash: hashToken(token), subscriber_id: subscriberId }).execute();

async function importCsv(visitor: Visitor, csv: string, fields: Record<string, string> = { consent_confirmed: 'yes', consent_source: 'Sign-up sheet, GSEF2018 Bilbao, 1–3 October 2018' }) {
  const token = csrfTokenIn((await visitor.get('/en/admin/subscribers')).body);
  const body = multipart({ ...fields, _csrf: token }, { file: { name: 'list.csv', type: 'text/csv', content: Buffer.from(csv) } });
  return t.app.inject({ method: 'POST', url: '/en/admin/subscribers/import', payload: body.payload, headers: { ...body.headers, cookie: visitor.cookies } });
}

const count = async () => Number((await t.app.ctx.db.selectFrom('subscribers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('CSV import and export of subscribers', () => {
  it('parses RFC 4180 records with the line each starts on', () => {
    expect(parseCsv('email,lang\r\n"a@x.org","fr"\n"multi\nline@x.org",en\n\n"bad"x,en\n')).toEqual([
      { line: 1, cells: ['email', 'lang'], malformed: false },
      { line: 2, cells: ['a@x.org', 'fr'], malformed: false },
      { line: 3, cells: ['multi\nline@x.org', 'en'], malformed: false },
      { line: 6, cells: ['bad', 'en'], malformed: true },
    ]);
    expect(parseCsv('"unterminated,en')[0]!.malformed).toBe(true);
  });

  it('imports valid rows as active with consent method import, and reports each rejected row with its line and reason', async () => {
    await t.app.ctx.db.insertInto('subscribers').values({ email: 'already@example.org', lang: 'en', topics: ['newsletter'], status: 'active', confirmed_at: new Date(), consent: JSON.stringify({ at: new Date().toISOString(), method: 'form', text: 'x', lang: 'en', source: 'x' }) }).returning('id').executeTakeFirstOrThrow().then(({ id }) => linkTokenFor(id, 'a'.repeat(43)));
    const csv = [
      'email,lang,topics',
      'ok1@example.org,fr,newsletter;events',
      'OK2@Example.org,,',
      'not-an-address,en,newsletter',
      'ok3@example.org,de,newsletter',
      'ok4@example.org,es,gossip',
      'ok1@example.org,en,newsletter',
      'already@example.org,en,newsletter',
      '"inject@example.org\r\nBcc: victim@example.org",en,newsletter',
      '"broken"quote@example.org,en,newsletter',
      'ok5@example.org,ko,calls|publications',
    ].join('\n');
    const response = await importCsv(editor, csv);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Imported: 3. Rejected: 7.');
    const rows = [...response.body.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => [Number(m[1]), m[3]]);
    expect(rows).toEqual([
      [4, 'not a valid e-mail address'],
      [5, 'unknown language'],
      [6, 'unknown topic'],
      [7, 'duplicate: the same address appears earlier in the file'],
      [8, 'duplicate: this address is already on the list'],
      [9, 'not a valid e-mail address'],
      [11, 'malformed row (quotes or too many columns)'],
    ]);
    const imported = await t.app.ctx.db.selectFrom('subscribers').selectAll().where('email', 'in', ['ok1@example.org', 'ok2@example.org', 'ok5@example.org']).orderBy('email').execute();
    expect(imported.map((r) => [r.email, r.lang, r.topics, r.status])).toEqual([
      ['ok1@example.org', 'fr', ['newsletter', 'events'], 'active'],
      ['ok2@example.org', 'en', ['newsletter'], 'active'],
      ['ok5@example.org', 'ko', ['calls', 'publications'], 'active'],
    ]);
    expect(imported[0]!.consent).toMatchObject({ method: 'import', source: 'Sign-up sheet, GSEF2018 Bilbao, 1–3 October 2018' });
    expect(imported.every((r) => r.confirmed_at !== null)).toBe(true);
    // Nothing is mailed: the import asserts consent was obtained elsewhere.
    expect(Number((await t.app.ctx.db.selectFrom('outgoing_mail').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('requires the consent statement and its source, and a file with an email column; nothing is written otherwise', async () => {
    const before = await count();
    const noConsent = await importCsv(editor, 'email\nx1@example.org\n', { consent_source: '' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('Confirm that every person on the list agreed to receive our messages.');
    expect(noConsent.body).toContain('href="#consent_source"');
    const injected = await importCsv(editor, 'email\nx1@example.org\n', { consent_confirmed: 'yes', consent_source: 'Bilbao\r\nBcc: x@example.org' });
    expect(injected.statusCode).toBe(400);
    const noColumn = await importCsv(editor, 'mail,lang\nx1@example.org,en\n');
    expect(noColumn.statusCode).toBe(400);
    expect(noColumn.body).toContain('The first line must name the columns, with one called email.');
    const empty = await importCsv(editor, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Choose a CSV file.');
    expect(await count()).toBe(before);
  });

  it('exports the list as CSV for editors only', async () => {
    const csv = await editor.get('/en/admin/subscribers/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['cache-control']).toContain('no-store');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('email,lang,topics,status,confirmed_at,consent_method,consent_at,consent_source,bounce_count,created_at');
    expect(lines.some((line) => line.startsWith('ok1@example.org,fr,newsletter;events,active,'))).toBe(true);
    expect((await new Visitor(t.app).get('/en/admin/subscribers/export.csv')).statusCode).toBe(303);
    const member = await signIn(t.app, 'contact@city.example');
    expect((await member.get('/en/admin/subscribers/export.csv')).statusCode).toBe(403);
    expect((await member.get('/en/admin/subscribers')).statusCode).toBe(403);
    const forged = multipart({ consent_confirmed: 'yes', consent_source: 'x' }, { file: { name: 'a.csv', type: 'text/csv', content: Buffer.from('email\nz@example.org\n') } });
    const noToken = await t.app.inject({ method: 'POST', url: '/en/admin/subscribers/import', payload: forged.payload, headers: { ...forged.headers, cookie: editor.cookies } });
    expect(noToken.statusCode).toBe(403);
  });
});
