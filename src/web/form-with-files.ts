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
 * In a multipart body the token field must come before the first file (our forms put it first, and
 * browsers send fields in document order): a file part met without a valid token ends the request
 * with a 403 before a byte of it is read (docs/architecture.md, "Uploads").
 */
export async function readCheckedForm(
  request: FastifyRequest,
  rules: Record<string, UploadRule>,
): Promise<{ fields: Record<string, unknown>; files: UploadedFile[]; fileErrors: FieldErrors }> {
  let fields: Record<string, unknown>;
  let files: UploadedFile[] = [];
  let fileErrors: FieldErrors = {};
  const check = (candidate: Record<string, unknown>) => {
    const secret = request.cookies._csrf;
    const token = typeof candidate._csrf === 'string' ? candidate._csrf : '';
    if (!secret || !token || !new Tokens({}).verify(secret, token)) throw new HttpError(403, 'error.csrf');
  };
  if (request.isMultipart()) {
    const release = await request.server.ctx.uploads.enter();
    try {
      const form = await readMultipartForm(request, rules, check);
      fields = form.fields;
      files = form.files;
      fileErrors = form.fileErrors;
    } finally {
      release();
    }
  } else {
    fields = (request.body ?? {}) as Record<string, unknown>;
    check(fields);
  }
  refuseHostileValues(fields);
  return { fields, files, fileErrors };
}
