import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, SAMPLE_FILES, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { contentDisposition } from './admin-routes.tsx';

let t: TestApp;
let editor: Visitor;
let contact: Visitor;
let meetingId: number;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'secretariat@example.org', ['editor']);
  await createUser(t.app, 'contact@example.org', ['member_contact']);
  editor = await signIn(t.app, 'secretariat@example.org');
  contact = await signIn(t.app, 'contact@example.org');
  meetingId = (await t.app.ctx.db.selectFrom('meetings').select('id').where('slug', '=', 'steering-committee-2019-q1').executeTakeFirstOrThrow()).id;
});
afterAll(() => t?.close());

const attachments = () => t.app.ctx.db.selectFrom('meeting_attachments').selectAll().orderBy('id').execute();

async function upload(lang: string, files: Record<string, { name: string; type: string; content: Buffer }>, fields: Record<string, string> = {}) {
  const token = csrfTokenIn((await editor.get(`/${lang}/admin/meetings/${meetingId}`)).body);
  const { payload, headers } = multipart({ ...fields, _csrf: token }, files);
  return t.app.inject({ method: 'POST', url: `/${lang}/admin/meetings/${meetingId}/attachments`, payload, headers: { ...headers, cookie: editor.cookies } });
}

describe('meeting attachments', () => {
  it('refuses a file whose content is not an accepted type, whatever its name, and stores nothing', async () => {
    const response = await upload('fr', { file: { name: 'minutes.pdf', type: 'application/pdf', content: Buffer.from('<html><script>alert(1)</script></html>') } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<p class="field-error" id="file-error">Ce type de fichier n’est pas accepté ici.</p>');
    expect(await attachments()).toEqual([]);
  });

  it('refuses a file over 10 MB and stores nothing', async () => {
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(10 * 1024 * 1024 + 1 - SAMPLE_FILES.pdf.length, 0x20)]);
    const response = await upload('en', { file: { name: 'big.pdf', type: 'application/pdf', content: big } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<p class="field-error" id="file-error">This file is too large.</p>');
    expect(await attachments()).toEqual([]);
  });

  it('asks for a file when none is sent', async () => {
    const response = await upload('es', {});
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<p class="field-error" id="file-error">Elija un archivo para adjuntar.</p>');
  });

  it('stores a good file, lists it in the back-office and lets members download it, never the public', async () => {
    const response = await upload('en', { file: { name: 'Procès-verbal (Q1).pdf', type: 'text/plain', content: SAMPLE_FILES.pdf } });
    expect(response.statusCode).toBe(303);
    const [stored] = await attachments();
    expect(stored).toMatchObject({ meeting_id: meetingId, file_name: 'Procès-verbal (Q1).pdf', mime: 'application/pdf', size: SAMPLE_FILES.pdf.length, public: false });
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'governance.attachment%').execute();
    expect(audit.map((a) => a.action)).toEqual(['governance.attachment.add']);
    expect((await editor.get(`/en/admin/meetings/${meetingId}`)).body).toContain(`<a href="/en/governance/attachments/${stored!.id}">Procès-verbal (Q1).pdf</a>`);

    const anonymous = await t.app.inject(`/en/governance/attachments/${stored!.id}`);
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toContain('/sign-in');
    // Hidden from the public exactly as a file that does not exist (a 403 would confirm the id).
    const hidden = await t.app.inject(`/media/governance/attachments/${stored!.id}`);
    const missing = await t.app.inject('/media/governance/attachments/999999');
    expect([hidden.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(hidden.body.replaceAll(`/${stored!.id}`, '/ID')).toBe(missing.body.replaceAll('/999999', '/ID'));

    const download = await contact.get(`/en/governance/attachments/${stored!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Proces-verbal Q1.pdf"; filename*=UTF-8''Proc%C3%A8s-verbal%20%28Q1%29.pdf`);
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect(download.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    expect((await contact.get('/en/governance/attachments/999999')).statusCode).toBe(404);
  });

  it('shows an attachment to the public only when marked public and the meeting and its summary are published', async () => {
    const [stored] = await attachments();
    const publicUrl = `/media/governance/attachments/${stored!.id}`;
    const listed = async () => (await t.app.inject('/en/governance')).body.includes(`href="${publicUrl}"`);
    const marked = await editor.post(`/en/admin/meetings/${meetingId}/attachments/${stored!.id}`, { public: 'true' }, { from: `/en/admin/meetings/${meetingId}` });
    expect(marked.statusCode).toBe(303);
    await t.app.ctx.db.updateTable('meetings').set({ published: true, summary_published: false }).where('id', '=', meetingId).execute();
    await t.app.ctx.pageCache.invalidate();
    expect(await listed()).toBe(false);
    expect((await t.app.inject(publicUrl)).statusCode).toBe(404);

    await t.app.ctx.db.updateTable('meetings').set({ summary: JSON.stringify({ en: { text: 'Summary', status: 'original' } }), summary_published: true }).where('id', '=', meetingId).execute();
    await t.app.ctx.pageCache.invalidate();
    expect(await listed()).toBe(true);
    const open = await t.app.inject(publicUrl);
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toBe('application/pdf');
    expect(open.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);

    const empty = await editor.post(`/en/admin/meetings/${meetingId}/attachments/${stored!.id}`, {}, { from: `/en/admin/meetings/${meetingId}` });
    expect(empty.statusCode).toBe(400);
    expect(await listed()).toBe(true);
    const hidden = await editor.post(`/en/admin/meetings/${meetingId}/attachments/${stored!.id}`, { public: 'false' }, { from: `/en/admin/meetings/${meetingId}` });
    expect(hidden.statusCode).toBe(303);
    expect(await listed()).toBe(false);
    expect((await t.app.inject(publicUrl)).statusCode).toBe(404);
  });

  it('writes a Content-Disposition no file name can break', () => {
    expect(contentDisposition('a"\r\nX-Evil: 1.pdf')).toBe(`attachment; filename="aX-Evil 1.pdf"; filename*=UTF-8''a%22%0D%0AX-Evil%3A%201.pdf`);
    expect(contentDisposition('회의록.pdf')).toBe(`attachment; filename=".pdf"; filename*=UTF-8''%ED%9A%8C%EC%9D%98%EB%A1%9D.pdf`);
  });
});
