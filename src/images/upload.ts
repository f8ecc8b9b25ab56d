import type { FieldErrors } from '../web/forms.ts';
import { imageInputOf, type UploadedFile, type UploadRule } from '../web/uploads.ts';

/** Photos and logos: checked by their content (magic bytes), never their name, and by size. */
export const IMAGE_UPLOAD_RULE: UploadRule = { types: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 8 * 1024 * 1024 };
export const ALT_MAX = 250;

export interface ImageUpload {
  /** The file's path (or bytes), for storeImage. */
  input: Buffer | string;
  alt: string;
}

/**
 * The image field of a form and its alt text, which is required with every image: a picture
 * without one says nothing to a screen reader. Errors are message keys against the two fields.
 */
export function imageUploadOf(
  { files, fileErrors, fields, field, altField }: { files: UploadedFile[]; fileErrors: FieldErrors; fields: Record<string, unknown>; field: string; altField: string },
): { upload: ImageUpload | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (fileErrors[field]) errors[field] = fileErrors[field];
  const file = files.find((candidate) => candidate.field === field) ?? null;
  const alt = String([fields[altField] ?? ''].flat()[0] ?? '').trim();
  if ((file || errors[field]) && alt === '') errors[altField] = 'validation.image_alt_required';
  if (alt.length > ALT_MAX) errors[altField] = 'validation.too_long';
  if (Object.keys(errors).length > 0 || !file) return { upload: null, errors };
  return { upload: { input: imageInputOf(file), alt }, errors };
}
