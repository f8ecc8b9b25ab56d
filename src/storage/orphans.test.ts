import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, SAMPLE_FILES, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { DRAFTS_PER_DAY, expireAbandonedDrafts } from '../members/draft-limits.ts';
import { FILE_KEY_COLUMNS, sweepUnreferencedFiles } from './sweep.ts';

let t: TestApp;
let editor: Visitor;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'editor@example.org', ['editor']);
  editor = await signIn(t.app, 'editor@example.org');
});
afterAll(() => t?.close());

const db = () => t.app.ctx.db;
const onDisk = async () => (await fs.readdir(path.join(t.config.dataDir, 'files'), { recursive: true }).catch(() => [] as string[])).filter((name) => /[a-f0-9]{32}$/.test(String(name))).length;
async function referenced(): Promise<number> {
  let total = 0;
  for (const [table, column] of FILE_KEY_COLUMNS) {
    const { rows } = await sql<{ n: number }>`SELECT count(${sql.ref(column)})::int AS n FROM ${sql.table(table)}`.execute(db());
    total += rows[0]!.n;
  }
  return total;
}

const pdf = (name: string) => ({ name, type: 'application/pdf', content: Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${name}\n`)]) });

async function postJoin(visitor: Visitor, url: string, fields: Record<string, string>, documents: ReturnType<typeof pdf>[] = []) {
  const token = csrfTokenIn((await visitor.get(url)).body);
  const boundaryForm = multipart({ _csrf: token, ...fields }, {});
  // The helper takes one file per name: several documents are appended as parts of the same name.
  const parts = documents.map((file) => multipart({}, { documents: file }).payload.toString('latin1').replace(/^--(\S+)\r\n/, '').replace(/--\S+--\r\n$/, ''));
  const boundary = /boundary=(\S+)/.exec(boundaryForm.headers['content-type']!)![1]!;
  const head = boundaryForm.payload.toString('latin1').replace(new RegExp(`--${boundary}--\\r\\n$`), '');
  const payload = Buffer.from(`${head}${parts.map((part) => `--${boundary}\r\n${part.replace(/\r\n--[^\r\n]+\r\n?$/, '')}\r\n`).join('')}--${boundary}--\r\n`, 'latin1');
  return t.app.inject({ method: 'POST', url, payload, headers: { ...boundaryForm.headers, cookie: visitor.cookies }, remoteAddress: visitor.remoteAddress });
}

const DRAFT = { organisation_name: 'Coopérative de Thiès', email: 'contact@thies.example.org', intent: 'save' };

describe('files on disk and the rows that refer to them', () => {
  let draftUrl = '';

  it('stores a draft’s documents and refuses more than five per draft, keeping no file of the refused save', async () => {
    const visitor = new Visitor(t.app);
    const saved = await postJoin(visitor, '/en/join', DRAFT, [pdf('a.pdf'), pdf('b.pdf')]);
    expect(saved.statusCode).toBe(303);
    draftUrl = saved.headers.location!.split('?')[0]!;
    expect(await db().selectFrom('application_documents').select('id').execute()).toHaveLength(2);
    const tooMany = await postJoin(visitor, draftUrl, DRAFT, [pdf('c.pdf'), pdf('d.pdf'), pdf('e.pdf'), pdf('f.pdf')]);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('An application holds at most 5 documents.');
    expect(await db().selectFrom('application_documents').select('id').execute()).toHaveLength(2);
    expect(await onDisk()).toBe(await referenced());
  });

  it('deletes a replaced logo', async () => {
    const post = async () => {
      const token = csrfTokenIn((await editor.get('/en/admin/members/bilbao')).body);
      const contacts = { focal_name: 'Ane', focal_email: 'ane@bilbao.example.org', focal_phone: '', head_name: '', head_title: '', general_email: '' };
      const { payload, headers } = multipart({ _csrf: token, description: '', description_lang: 'es', ...contacts, logo_alt: 'Logo' }, { logo: { name: 'logo.png', type: 'image/png', content: SAMPLE_FILES.png } });
      return t.app.inject({ method: 'POST', url: '/en/admin/members/bilbao/profile', payload, headers: { ...headers, cookie: editor.cookies } });
    };
    expect((await post()).statusCode).toBe(303);
    expect((await post()).statusCode).toBe(303);
    expect(await onDisk()).toBe(await referenced());
  });

  it('refuses a sixth draft from one address in a day, in the reader’s language, before reading its files', async () => {
    const visitor = new Visitor(t.app);
    for (let i = 0; i < DRAFTS_PER_DAY; i++) expect((await postJoin(visitor, '/fr/join', { ...DRAFT, email: `d${i}@thies.example.org` })).statusCode).toBe(303);
    const refused = await postJoin(visitor, '/fr/join', { ...DRAFT, email: 'd9@thies.example.org' }, [pdf('g.pdf')]);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Trop de candidatures ou de documents ont été envoyés depuis votre connexion aujourd’hui.');
    // Another address is not concerned.
    expect((await postJoin(new Visitor(t.app), '/fr/join', { ...DRAFT, email: 'other@thies.example.org' })).statusCode).toBe(303);
    expect(await onDisk()).toBe(await referenced());
  });

  it('expires a draft untouched for 30 days, with its documents and their files', async () => {
    const token = draftUrl.split('/').pop()!;
    expect(token).toBeTruthy();
    await sql`UPDATE membership_applications SET updated_at = now() - interval '31 days' WHERE organisation_name = ${DRAFT.organisation_name} AND email = ${DRAFT.email}`.execute(db());
    const before = await onDisk();
    expect(await expireAbandonedDrafts(t.app.ctx)).toBe(2);
    expect(await onDisk()).toBe(before - 2);
    expect(await db().selectFrom('application_documents').select('id').execute()).toHaveLength(0);
    expect((await new Visitor(t.app).get(draftUrl)).statusCode).toBe(404);
    expect(await onDisk()).toBe(await referenced());
  });

  it('sweeps a file no row refers to after its grace period, and keeps every referenced one', async () => {
    const stray = await t.app.ctx.files.put(Buffer.from('left by a crash'));
    const kept = await referenced();
    expect(await sweepUnreferencedFiles(t.app.ctx)).toEqual({ deleted: 0, noted: 1 });
    expect(await t.app.ctx.files.get(stray)).not.toBeNull();
    await sql`UPDATE file_sweep_candidates SET seen_at = now() - interval '2 hours'`.execute(db());
    expect(await sweepUnreferencedFiles(t.app.ctx)).toEqual({ deleted: 1, noted: 0 });
    expect(await t.app.ctx.files.get(stray)).toBeNull();
    expect(await onDisk()).toBe(kept);
    expect(await referenced()).toBe(kept);
  });

  it('knows every column that holds a file key', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name IN ('file_key', 'logo_key', 'image_key') AND table_name <> 'file_sweep_candidates'
      ORDER BY 1, 2`.execute(db());
    expect(rows.map((row) => `${row.table_name}.${row.column_name}`)).toEqual(FILE_KEY_COLUMNS.map(([table, column]) => `${table}.${column}`).sort());
  });
});
