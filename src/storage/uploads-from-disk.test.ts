import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, SAMPLE_FILES, type TestApp } from '../../test/helpers.ts';
import { insertCall, insertSubmission } from '../../test/calls-fixtures.ts';
import { attachToMeeting } from '../governance/domain.ts';
import { addFile } from '../library/domain.ts';
import { callBySlug, saveSubmission } from '../calls/submit/domain.ts';
import { createNews } from '../news/review.ts';
import { updateMemberProfile } from '../members/profile.ts';
import type { UploadedFile } from '../web/uploads.ts';

/**
 * Every module that stores an upload stores it from the file it waits in, never from its bytes in
 * memory: each is given an upload whose `content` throws when read, as readMultipartForm's would
 * if asked (it reads the whole file into a Buffer). The stored bytes must still be the upload's.
 */
let t: TestApp;
let actorId: number;
let folder: string;

beforeAll(async () => {
  t = await createTestApp();
  actorId = await createUser(t.app, 'editor@example.org', ['editor']);
  folder = await fs.mkdtemp(path.join(t.config.dataDir, 'test-uploads-'));
});
afterAll(() => t?.close());

async function onDiskOnly(name: string, bytes: Buffer, mime: string): Promise<UploadedFile> {
  const file = path.join(folder, name);
  await fs.writeFile(file, bytes);
  return {
    field: 'file', fileName: name, mime, size: bytes.length, path: file,
    get content(): Buffer {
      throw new Error(`${name} was read whole into memory`);
    },
  };
}

/** A PDF of about 20 MB: the sample padded with a comment line (PDF readers skip it). */
const largePdf = () => Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`%${crypto.randomBytes(15 * 1024 * 1024).toString('base64')}\n`)]);
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

async function storedSha256(key: string): Promise<string> {
  const stream = await t.app.ctx.files.getStream(key);
  const hash = crypto.createHash('sha256');
  for await (const chunk of stream!) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A photograph-like PNG of a few MB (noise does not compress), which sharp must read from disk. */
async function largePng(): Promise<Buffer> {
  return sharp({ create: { width: 1100, height: 800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
}

describe('uploads stored from disk', () => {
  it('a library file of 20 MB: stored, sized and hashed from its file', async () => {
    const bytes = largePdf();
    expect(bytes.length).toBeGreaterThan(19 * 1024 * 1024);
    const resource = await t.app.ctx.db.selectFrom('resources').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow();
    expect(await addFile(t.app.ctx, actorId, resource.slug, await onDiskOnly('report.pdf', bytes, 'application/pdf'), 'en')).toBe(true);
    const row = await t.app.ctx.db.selectFrom('resource_files').select(['file_key', 'size', 'sha256']).where('resource_id', '=', resource.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
    expect(await storedSha256(row.file_key)).toBe(sha256(bytes));
  });

  it('a meeting attachment', async () => {
    const bytes = largePdf();
    const meeting = await t.app.ctx.db.selectFrom('meetings').select('id').orderBy('id').executeTakeFirstOrThrow();
    await attachToMeeting(t.app.ctx, actorId, meeting.id, await onDiskOnly('minutes.pdf', bytes, 'application/pdf'), false);
    const row = await t.app.ctx.db.selectFrom('meeting_attachments').select(['file_key', 'size']).where('meeting_id', '=', meeting.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.size).toBe(bytes.length);
    expect(await storedSha256(row.file_key)).toBe(sha256(bytes));
  });

  it('a call submission’s attachment', async () => {
    const bytes = largePdf();
    const callId = await insertCall(t.app.ctx.db, { slug: 'forum-streamed' });
    const call = (await callBySlug(t.app.ctx.db, 'forum-streamed'))!;
    expect(call.id).toBe(callId);
    const { id } = await insertSubmission(t.app.ctx.db, callId, { state: 'draft', submitted_at: null });
    const { version } = await t.app.ctx.db.selectFrom('submissions').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    const draft = { source_lang: 'en' as const, organisation_name: 'Example cooperative', city: '', country: '', title: 'Streamed', summary: '', themes: [], links: [], presenters: [], answers: {} };
    await saveSubmission(t.app.ctx, { call, submissionId: id, version, draft, files: [await onDiskOnly('annex.pdf', bytes, 'application/pdf')], removeFileIds: [], submit: false });
    const row = await t.app.ctx.db.selectFrom('submission_files').select(['file_key', 'size']).where('submission_id', '=', id).executeTakeFirstOrThrow();
    expect(row.size).toBe(bytes.length);
    expect(await storedSha256(row.file_key)).toBe(sha256(bytes));
  });

  it('a news image: the upload kept as it is and its sizes made by sharp from the file', async () => {
    const bytes = await largePng();
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const input = { title: 'Streamed news', summary: 'An image read from disk.', body: '', link: '', lang: 'en' as const, image_alt: 'Noise' };
    const { id } = await createNews(t.app.ctx, { input, image: await onDiskOnly('photo.png', bytes, 'image/png'), userId: actorId, kind: 'news' });
    const item = await t.app.ctx.db.selectFrom('news_items').select(['image_key', 'image_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await storedSha256(item.image_key!)).toBe(sha256(bytes));
    const variants = await t.app.ctx.db.selectFrom('image_variants').select(['width', 'format']).where('image_id', '=', item.image_id!).execute();
    expect(variants.filter((variant) => variant.width === 1100).map((variant) => variant.format).sort()).toEqual(['avif', 'jpeg', 'webp']);
  });

  it('a member’s logo', async () => {
    const bytes = await largePng();
    const member = await t.app.ctx.db.selectFrom('members').select('id').orderBy('id').executeTakeFirstOrThrow();
    const input = { description: '', description_lang: 'en' as const, focal_name: '', focal_email: '', focal_phone: '', head_name: '', head_title: '', general_email: '' };
    await updateMemberProfile(t.app.ctx, member.id, actorId, input, { file: await onDiskOnly('logo.png', bytes, 'image/png'), alt: 'Logo', lang: 'en' });
    const row = await t.app.ctx.db.selectFrom('members').select(['logo_key', 'logo_image_id']).where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(await storedSha256(row.logo_key!)).toBe(sha256(bytes));
    expect(row.logo_image_id).not.toBeNull();
  });
});
