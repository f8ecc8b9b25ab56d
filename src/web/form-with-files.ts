import { Tokens } from '@fastify/csrf';
import type { FastifyRequest } from 'fastify';
import type { FieldErrors } from './forms.ts';
import { HttpError } from './http-error.ts';
import { refuseHostileValues } from './input-guard.ts';
import { readMultipartForm, type UploadedFile, type UploadRule } from './uploads.ts';

/**
 * Reads a form that may carry files (multipart) or not, and checks its CSRF token against the CSRF
 * cookie with the same tokens as the central check (@fastify/csrf). Routes that read files this way
 * declare `csrf: false` on their route line, because the central check runs before the body is read.
 */
export async function readCheckedForm(
  request: FastifyRequest,
  rules: Record<string, UploadRule>,
): Promise<{ fields: Record<string, unknown>; files: UploadedFile[]; fileErrors: FieldErrors }> {
  let fields: Record<string, unknown>;
  let files: UploadedFile[] = [];
  let fileErrors: FieldErrors = {};
  if (request.isMultipart()) {
    const form = await readMultipartForm(request, rules);
    fields = form.fields;
    files = form.files;
    fileErrors = form.fileErrors;
  } else {
    fields = (request.body ?? {}) as Record<string, unknown>;
  }
  const secret = request.cookies._csrf;
  const token = typeof fields._csrf === 'string' ? fields._csrf : '';
  if (!secret || !token || !new Tokens({}).verify(secret, token)) throw new HttpError(403, 'error.csrf');
  refuseHostileValues(fields);
  return { fields, files, fileErrors };
}
