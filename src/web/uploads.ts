import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
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
  content: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string | string[]>;
  files: UploadedFile[];
}

/**
 * Reads a multipart form: text fields, and files checked by size and content type. A file that
 * breaks its field's rule is reported against that field (message key), so the form can say so
 * next to the input; nothing is stored by this function.
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
  const fields: Record<string, string | string[]> = Object.create(null);
  const files: UploadedFile[] = [];
  const fileErrors: Record<string, string> = {};
  let checked = false;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      const value = String(part.value);
      const existing = fields[part.fieldname];
      fields[part.fieldname] = existing === undefined ? value : [...[existing].flat(), value];
      continue;
    }
    if (!checked) {
      checked = true;
      beforeFiles(fields);
    }
    const rule = rules[part.fieldname];
    if (!rule) {
      part.file.resume();
      continue;
    }
    const result = await readFile(part, rule);
    if ('error' in result) fileErrors[part.fieldname] = result.error;
    else if (result.content.length > 0) files.push({ field: part.fieldname, fileName: part.filename, mime: result.mime, content: result.content });
  }
  if (!checked) beforeFiles(fields);
  return { fields, files, fileErrors };
}

async function readFile(part: MultipartFile, rule: UploadRule): Promise<{ content: Buffer; mime: string } | { error: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file) {
    size += chunk.length;
    if (size > rule.maxBytes) {
      part.file.resume();
      return { error: 'validation.file_too_large' };
    }
    chunks.push(chunk as Buffer);
  }
  if (part.file.truncated) return { error: 'validation.file_too_large' };
  const content = Buffer.concat(chunks);
  if (content.length === 0) return { content, mime: '' };
  // file-type is loaded at the first upload: a server at rest does not need its 12 MB.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(content);
  // Plain text has no magic bytes: it is text when it decodes as UTF-8 and holds no NUL byte.
  const mime = detected?.mime ?? (isUtf8Text(content) ? 'text/plain' : undefined);
  if (!mime || !rule.types.includes(mime)) return { error: 'validation.file_type' };
  return { content, mime };
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
