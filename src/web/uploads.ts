import crypto from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';
import { sha256OfFile } from '../storage/storage.ts';
import { makeRequestFolder } from './incoming.ts';

/** What a form accepts, checked against the file's content (magic bytes), never its name. */
export interface UploadRule {
  /** Allowed MIME types as detected from the content. */
  types: readonly string[];
  maxBytes: number;
}

export const DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/** A file's bytes, either waiting on disk (an upload) or in memory (made by our own code or a test). */
export interface UploadSource {
  /** Set on a file received by readMultipartForm: its size, and where it waits on disk until the response is sent (then removed). */
  size?: number;
  path?: string;
  /** Its bytes, read from `path` at first use: code that stores an upload uses `path` and never asks. */
  readonly content: Buffer;
}

export interface UploadedFile extends UploadSource {
  field: string;
  fileName: string;
  mime: string;
}

export function sizeOf(file: UploadSource): number {
  return file.size ?? file.content.length;
}

/** What sharp reads: the file's path when it is on disk, so the upload is decoded from there. */
export function imageInputOf(file: UploadSource): string | Buffer {
  return file.path ?? file.content;
}

/** The SHA-256 of the file, read from disk in chunks when it is there. */
export async function sha256Of(file: UploadSource): Promise<string> {
  return file.path ? sha256OfFile(file.path) : crypto.createHash('sha256').update(file.content).digest('hex');
}

/** Each request's folder of received files, removed once its response is sent or it is aborted. */
const folders = new WeakMap<FastifyRequest, string>();

async function folderOf(request: FastifyRequest): Promise<string> {
  let folder = folders.get(request);
  if (!folder) {
    folder = await makeRequestFolder(request.server.ctx.config.dataDir);
    folders.set(request, folder);
  }
  return folder;
}

async function removeFolder(request: FastifyRequest): Promise<void> {
  const folder = folders.get(request);
  folders.delete(request);
  if (folder) await rm(folder, { recursive: true, force: true });
}

/** Removes a request's received files when it is answered or abandoned (app.ts registers it). */
export function registerUploadCleanup(app: FastifyInstance): void {
  app.addHook('onResponse', async (request) => removeFolder(request));
  app.addHook('onRequestAbort', async (request) => removeFolder(request));
}

export interface MultipartForm {
  fields: Record<string, string | string[]>;
  files: UploadedFile[];
}

/**
 * Reads a multipart form: text fields, and files checked by size and content type. Files are
 * streamed to a temporary folder as they arrive (never held in memory while a slow sender sends
 * them), stopped at their field's size. A file that breaks its field's rule is reported against
 * that field (message key), so the form can say so next to the input; nothing is stored by this function.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  rules: Record<string, UploadRule>,
  /**
   * Runs on the fields read so far, once, before the first file part is read (or at the end when
   * there is none): the CSRF check, so a forged request is refused before any file byte is read.
   */
  beforeFiles: (fields: Record<string, string | string[]>) => void = () => {},
): Promise<MultipartForm & { fileErrors: Record<string, string> }> {
  if (!request.isMultipart()) throw new HttpError(415, 'error.unsupported_media');
  const form = { fields: Object.create(null) as Record<string, string | string[]>, files: [] as UploadedFile[], fileErrors: {} as Record<string, string> };
  let checked = false;
  let received = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        const value = String(part.value);
        const existing = form.fields[part.fieldname];
        form.fields[part.fieldname] = existing === undefined ? value : [...[existing].flat(), value];
        continue;
      }
      if (!checked) {
        checked = true;
        beforeFiles(form.fields);
      }
      const rule = rules[part.fieldname];
      if (!rule) {
        part.file.resume();
        continue;
      }
      const path = join(await folderOf(request), String(received++));
      const result = await receiveFile(part, rule, path);
      if ('error' in result) form.fileErrors[part.fieldname] = result.error;
      else if (result.size > 0) form.files.push(receivedFile(part.fieldname, part.filename, result.mime, path, result.size));
    }
  } catch (error) {
    // Refused (CSRF, a malformed body) or cut off: the files received so far are of no use.
    await removeFolder(request);
    throw error;
  }
  if (!checked) beforeFiles(form.fields);
  return form;
}

function receivedFile(field: string, fileName: string, mime: string, path: string, size: number): UploadedFile {
  let content: Buffer | undefined;
  return { field, fileName, mime, size, path, get content() { return (content ??= readFileSync(path)); } };
}

/** Writes the part to `path` chunk by chunk (each write awaited: the sender waits for the disk), then sniffs its type. */
async function receiveFile(part: MultipartFile, rule: UploadRule, path: string): Promise<{ size: number; mime: string } | { error: string }> {
  const handle = await open(path, 'w');
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of part.file) {
      size += chunk.length;
      if (size > rule.maxBytes) {
        tooLarge = true;
        break;
      }
      await handle.write(chunk as Buffer);
    }
  } finally {
    await handle.close();
  }
  if (tooLarge || part.file.truncated) {
    part.file.resume();
    await rm(path, { force: true });
    return { error: 'validation.file_too_large' };
  }
  if (size === 0) return { size, mime: '' };
  // file-type is loaded at the first upload: a server at rest does not need its 12 MB.
  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(path);
  // Plain text has no magic bytes: it is text when it decodes as UTF-8 and holds no NUL byte.
  const mime = detected?.mime ?? ((await isUtf8Text(path)) ? 'text/plain' : undefined);
  if (!mime || !rule.types.includes(mime)) return { error: 'validation.file_type' };
  return { size, mime };
}

/** Read chunk by chunk: the decoder in stream mode carries a character cut between two chunks over. */
async function isUtf8Text(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) {
      if ((chunk as Buffer).includes(0)) return false;
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
