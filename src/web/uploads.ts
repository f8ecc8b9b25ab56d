import { readFileSync } from 'node:fs';
import { mkdtemp, open, readFile as readWhole, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';

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

export interface UploadedFile {
  field: string;
  fileName: string;
  mime: string;
  /** Set on a file received by readMultipartForm: its size, and where it waits on disk until the response is sent (then removed). */
  size?: number;
  path?: string;
  /** Its bytes, read from `path` at first use: a file the handler never reads never enters memory. */
  readonly content: Buffer;
}

/** Each request's folder of received files, removed once its response is sent or it is aborted. */
const folders = new WeakMap<FastifyRequest, string>();

async function folderOf(request: FastifyRequest): Promise<string> {
  let folder = folders.get(request);
  if (!folder) {
    folder = await mkdtemp(join(tmpdir(), 'passerelle-upload-'));
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
  const mime = detected?.mime ?? (isUtf8Text(await readWhole(path)) ? 'text/plain' : undefined);
  if (!mime || !rule.types.includes(mime)) return { error: 'validation.file_type' };
  return { size, mime };
}

function isUtf8Text(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}
