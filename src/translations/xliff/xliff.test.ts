import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, signIn, type TestApp, type Visitor } from '../../../test/helpers.ts';
import { setText, type Translatable } from '../../i18n/translatable.ts';

let t: TestApp;
let editor: Visitor;
let spanish: Visitor;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'xliff-editor@example.org', ['editor']);
  const id = await createUser(t.app, 'xliff-es@example.org', ['translator']);
  editor = await signIn(t.app, 'xliff-editor@example.org');
  spanish = await signIn(t.app, 'xliff-es@example.org');
  await editor.post(`/en/admin/translations/settings/translators/${id}`, { langs: ['es'] }, { from: '/en/admin/translations/settings' });
});
afterAll(() => t.close());

const EXPORT = '/en/admin/translations/export?lang=es&from=fr&module=initiatives&state=missing';

async function upload(visitor: Visitor, content: string) {
  const token = csrfTokenIn((await visitor.get('/en/admin/translations/import')).body);
  const { payload, headers } = multipart({ _csrf: token }, { file: { name: 'batch.xlf', type: 'application/xliff+xml', content: Buffer.from(content) } });
  return t.app.inject({ method: 'POST', url: '/en/admin/translations/import', payload, headers: { ...headers, cookie: visitor.cookies } });
}

const unitIds = (xml: string) => [...xml.matchAll(/<unit id="([^"]+)"/g)].map((m) => m[1]!);
const outcome = (html: string, id: string) => new RegExp(`data-unit="${id}"><td><code>[^<]+</code></td><td>([^<]+)</td>`).exec(html)?.[1];
const titleOf = async (id: string) => (await sql<{ title: Translatable }>`SELECT title FROM initiatives WHERE id = ${Number(id)}`.execute(t.app.ctx.db)).rows[0]!.title;

/** Fills the first `n` units' <target> as an outside translator's tool would. */
function translate(xml: string, n: number, text: (i: number) => string): string {
  let i = 0;
  return xml.replace(/<\/source>(\s*)<\/segment>/g, (whole, space: string) => (i < n ? `</source>${space}<target>${text(i++)}</target>${space}</segment>` : whole));
}

describe('XLIFF 2.0', () => {
  it('exports a filtered batch whose units name table, row, column, language and source hash', async () => {
    const response = await spanish.get(EXPORT);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/xliff+xml; charset=utf-8');
    expect(response.body).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="es">');
    expect(response.body).toContain('<file id="site-passerelle.test">');
    const ids = unitIds(response.body);
    expect(ids.length).toBe(Number(response.headers['x-units']));
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.every((id) => /^(initiatives|initiative_themes|programme_workshops|programme_events)~[a-z0-9-]+~[a-z_]+~es~[0-9a-f]{16}$/.test(id))).toBe(true);
    expect((await spanish.get(EXPORT.replace('lang=es', 'lang=fr').replace('from=fr', 'from=en'))).statusCode).toBe(403);
    expect((await spanish.get('/en/admin/translations/export?lang=es&from=es')).statusCode).toBe(400);
  });

  it('imports a translated file back as drafts, and reports every other unit without overwriting', async () => {
    const xml = (await spanish.get(EXPORT)).body;
    const ids = unitIds(xml);
    // Every unit translated but the last one (left empty).
    const filled = translate(xml, ids.length - 1, (i) => `Traducción ${i} &lt;b&gt;`).replace('</file>', `<unit id="users~1~email~es~0123456789abcdef"><segment><source>x</source><target>y</target></segment></unit></file>`);
    const first = ids[0]!;
    // The original of one initiative title changes after the export: its translation is refused.
    const stale = ids.find((id) => id !== first && /^initiatives~\d+~title~/.test(id))!;
    const staleKey = stale.split('~')[1]!;
    const value = await titleOf(staleKey);
    await sql`UPDATE initiatives SET title = ${JSON.stringify(setText(value, 'fr', `${value.fr!.text} (révisé)`, 'original'))}::jsonb WHERE id = ${Number(staleKey)}`.execute(t.app.ctx.db);
    const response = await upload(spanish, filled);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('data-report');
    expect(outcome(response.body, first)).toBe('applied as a draft');
    expect(outcome(response.body, stale)).toBe('refused: the original changed since the export');
    expect(outcome(response.body, 'users~1~email~es~0123456789abcdef')).toBe('unknown unit');
    expect(outcome(response.body, ids[ids.length - 1]!)).toBe('no translation in the file');
    expect(response.body).toContain(`<li data-outcome="applied">Applied as drafts: ${ids.length - 2}</li>`);
    const [tbl, key, col] = first.split('~');
    const keyColumn = tbl === 'initiative_themes' ? 'slug' : tbl === 'programme_events' ? 'event_slug' : 'id';
    const row = await sql<{ value: Translatable }>`SELECT ${sql.ref(col!)} AS value FROM ${sql.table(tbl!)} WHERE ${sql.ref(keyColumn)}::text = ${key}`.execute(t.app.ctx.db);
    expect(row.rows[0]!.value.es).toMatchObject({ text: 'Traducción 0 <b>', status: 'human' });
    expect((await titleOf(staleKey)).es).toBeUndefined();
    // The same file again: nothing new to apply.
    const again = await upload(spanish, filled);
    expect(outcome(again.body, first)).toBe('unchanged');
  });

  it('refuses a malformed file, a file of another site and a file in another language, whole', async () => {
    const xml = (await editor.get(EXPORT)).body;
    const filled = translate(xml, 2, () => 'Texto');
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'translations.xliff_import'`.execute(t.app.ctx.db);
    const malformed = await upload(spanish, '<xliff version="2.0"><file id="x"><unit id="a"><segment><source>oops');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.body).toContain('This file is not a readable XLIFF 2 file: nothing was imported.');
    const notXliff = await upload(spanish, 'just some words');
    expect(notXliff.statusCode).toBe(422);
    const otherSite = await upload(spanish, filled.replace('<file id="site-passerelle.test">', '<file id="site-gsef-net.org">'));
    expect(otherSite.statusCode).toBe(422);
    expect(otherSite.body).toContain('This file was exported from another site: nothing was imported.');
    const french = await upload(spanish, filled.replace('trgLang="es"', 'trgLang="fr"'));
    expect(french.statusCode).toBe(403);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'translations.xliff_import'`.execute(t.app.ctx.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    const noFile = await upload(spanish, '');
    expect(noFile.statusCode).toBe(400);
  });
});
