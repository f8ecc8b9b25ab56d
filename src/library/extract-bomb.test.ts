import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, uploadLibraryFile, type TestApp, type Visitor } from '../../test/helpers.ts';
import { makePdf, makePdfBomb } from '../../test/library-files.ts';
import { EXTRACT_JOB } from './domain.ts';
import { extractInChildProcess, ExtractionLimitError, residentMb } from './extract-process.ts';

let t: TestApp;
let editor: Visitor;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'editor@example.org', ['editor']);
  editor = await signIn(t.app, 'editor@example.org');
});
afterAll(() => t?.close());

const SLUG = 'gsef-programme-of-activities-2019';

const upload = (name: string, content: Buffer) => uploadLibraryFile(t.app, editor, SLUG, { name, type: 'application/pdf', content });

describe('text extraction outside the web process', () => {
  it('extracts an ordinary PDF in the child process', async () => {
    expect(await extractInChildProcess('application/pdf', makePdf(['Économie sociale à Bilbao']))).toBe('Économie sociale à Bilbao');
  });

  it('stops a child that runs past its time limit, and one that writes more than its output limit', async () => {
    const pdf = makePdf(['Une ligne assez longue pour dépasser la limite de sortie']);
    await expect(extractInChildProcess('application/pdf', pdf, { memoryMb: 1024, heapMb: 256, timeMs: 1, outputBytes: 1_000_000 })).rejects.toEqual(new ExtractionLimitError('time'));
    await expect(extractInChildProcess('application/pdf', pdf, { memoryMb: 1024, heapMb: 256, timeMs: 30_000, outputBytes: 10 })).rejects.toEqual(new ExtractionLimitError('output'));
  });

  it('marks a PDF bomb "text not extracted" for its memory, without growing this process, and does not retry it', async () => {
    const bomb = await makePdfBomb(768);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect((await upload('bomb.pdf', bomb)).statusCode).toBe(303);
    const file = await t.app.ctx.db.selectFrom('resource_files').select(['id']).where('file_name', '=', 'bomb.pdf').executeTakeFirstOrThrow();

    const before = (await residentMb(process.pid))!;
    let peak = before;
    const sampler = setInterval(async () => (peak = Math.max(peak, (await residentMb(process.pid)) ?? 0)), 20);
    try {
      // Completed (1), not failed: the queue will not try it again.
      expect(await t.app.ctx.jobs.drain([EXTRACT_JOB])).toBe(1);
    } finally {
      clearInterval(sampler);
    }
    // The bomb inflates to 768 MB: the process that read it in-process grew by gigabytes.
    expect(peak - before).toBeLessThan(100);

    const row = await t.app.ctx.db.selectFrom('resource_files').select(['extraction', 'extraction_error', 'extracted_text']).where('id', '=', file.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ extraction: 'failed', extraction_error: 'limit:memory', extracted_text: null });
    const jobs = await t.app.ctx.pool.query(`SELECT state FROM pgboss.job WHERE name = $1 AND data->>'fileId' = $2`, [EXTRACT_JOB, String(file.id)]);
    expect(jobs.rows.map((r) => r.state)).toEqual(['completed']);
    expect((await editor.get(`/en/admin/library/${SLUG}`)).body).toContain('Text not extracted: the file needed more memory than allowed (it will not be retried)');
    expect((await editor.get(`/fr/admin/library/${SLUG}`)).body).toContain('Texte non extrait : le fichier demandait plus de mémoire que permis');
  });
});
