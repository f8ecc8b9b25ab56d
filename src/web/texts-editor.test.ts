import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { LANGS } from '../i18n/langs.ts';
import { sourceLang, type Translatable } from '../i18n/translatable.ts';

/**
 * The four-language texts form of every module that uses the generic one (web/texts-editor.tsx):
 * for one record of each kind, a Korean and a Spanish translation saved as human ones with the
 * original unchanged, a changed original marking them outdated, bad input refused with a 400 named
 * in the reader's language, and no access for someone without the module's permission.
 */
let t: TestApp;
let editor: Visitor;
let member: Visitor;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'texts-forms-editor@example.org', ['editor']);
  await createUser(t.app, 'texts-forms-member@example.org', ['member_contact']);
  editor = await signIn(t.app, 'texts-forms-editor@example.org');
  member = await signIn(t.app, 'texts-forms-member@example.org');
});
afterAll(() => t.close());

interface Case {
  base: string;
  kind: string;
  table: string;
  key: string;
  /** The field the test writes; `others` are sent as stored. */
  field: string;
  others: string[];
  /** SQL condition choosing a record with an original in that field. */
  where?: string;
}

const CASES: Case[] = [
  { base: '/admin/governance', kind: 'body', table: 'bodies', key: 'slug', field: 'name', others: ['description'] },
  { base: '/admin/governance', kind: 'agenda-item', table: 'meeting_agenda_items', key: 'id', field: 'title', others: [] },
  { base: '/admin/governance', kind: 'person', table: 'people', key: 'slug', field: 'title', others: [], where: 'title is not null' },
];

const db = () => t.app.ctx.db as unknown as import('kysely').Kysely<any>;

async function record(c: Case) {
  let query = db().selectFrom(c.table).selectAll().orderBy(c.key);
  if (c.where) query = query.where(sql<boolean>`${sql.raw(c.where)}`);
  const rows = await query.execute();
  const row = rows.find((candidate: Record<string, unknown>) => candidate[c.field] !== null && sourceLang(candidate[c.field] as Translatable));
  if (!row) throw new Error(`no ${c.table} row to edit`);
  return row as Record<string, unknown>;
}

/** Every field in every language as stored, each translation's status as the form preselects it. */
function formValues(c: Case, row: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const lang of LANGS) {
    for (const column of [c.field, ...c.others]) values[`${column}_${lang}`] = ((row[column] ?? {}) as Translatable)[lang]?.text ?? '';
  }
  return values;
}

const reread = async (c: Case, key: unknown) => (await db().selectFrom(c.table).selectAll().where(c.key, '=', key).executeTakeFirstOrThrow()) as Record<string, unknown>;

describe.each(CASES)('the texts form of $table ($kind)', (c) => {
  it('saves a Korean and a Spanish translation as human ones and leaves the original as it was', async () => {
    const row = await record(c);
    const source = sourceLang(row[c.field] as Translatable)!;
    const url = `/ko${c.base}/texts/${c.kind}/${row[c.key]}`;
    const page = await editor.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`id="${c.field}_ko"`);
    expect(page.body).toContain('현재 상태: 원문');

    const values = { ...formValues(c, row), [`${c.field}_ko`]: `한국어 번역 ${c.kind}`, [`${c.field}_es`]: `Traducción ${c.kind}` };
    if (source === 'ko' || source === 'es') throw new Error('the seeded original is expected in en or fr');
    const saved = await editor.post(url, values, { from: url });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?saved=1`);

    const after = await reread(c, row[c.key]);
    const field = after[c.field] as Translatable;
    expect(field.ko).toMatchObject({ text: `한국어 번역 ${c.kind}`, status: 'human' });
    expect(field.es).toMatchObject({ text: `Traducción ${c.kind}`, status: 'human' });
    expect(field[source]).toEqual((row[c.field] as Translatable)[source]);
    const audit = await db().selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', String(row[c.key])).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toMatch(/\.texts$/);
    expect(audit.details.changed).toEqual(expect.arrayContaining([`${c.field}.ko`, `${c.field}.es`]));
  });

  it('marks the translations outdated when the original changes', async () => {
    const row = await record(c);
    const source = sourceLang(row[c.field] as Translatable)!;
    const url = `/en${c.base}/texts/${c.kind}/${row[c.key]}`;
    const values = { ...formValues(c, row), [`${c.field}_${source}`]: `${(row[c.field] as Translatable)[source]!.text} (revised)` };
    expect((await editor.post(url, values, { from: url })).statusCode).toBe(303);
    const field = (await reread(c, row[c.key]))[c.field] as Translatable;
    expect(field[source]).toMatchObject({ status: 'original' });
    expect(field.ko?.status).toBe('outdated');
    expect((await editor.get(url)).body).toContain('Current status: outdated translation');
  });

  it('refuses an emptied original or a translation without one with a 400 in the reader’s language, storing nothing', async () => {
    const row = await record(c);
    const source = sourceLang(row[c.field] as Translatable)!;
    const url = `/fr${c.base}/texts/${c.kind}/${row[c.key]}`;
    const emptied = await editor.post(url, { ...formValues(c, row), [`${c.field}_${source}`]: '' }, { from: url });
    expect(emptied.statusCode).toBe(400);
    expect(emptied.body).toMatch(/Ce champ est obligatoire|Rédigez d’abord l’original/);
    const long = await editor.post(url, { ...formValues(c, row), [`${c.field}_ko`]: 'x'.repeat(6000) }, { from: url });
    expect(long.statusCode).toBe(400);
    expect(((await reread(c, row[c.key]))[c.field] as Translatable)[source]?.text).toBe((row[c.field] as Translatable)[source]?.text);
  });

  it('is closed to someone without the module’s permission, and to anonymous visitors', async () => {
    const row = await record(c);
    const url = `/en${c.base}/texts/${c.kind}/${row[c.key]}`;
    expect((await member.get(url)).statusCode).toBe(403);
    expect((await new Visitor(t.app).get(url)).statusCode).toBe(303);
    expect((await editor.get(`/en${c.base}/texts/${c.kind}/${c.key === 'id' ? 999999 : 'no-such-record'}`)).statusCode).toBe(404);
    expect((await editor.get(`/en${c.base}/texts/no-such-kind/1`)).statusCode).toBe(404);
  });
});
