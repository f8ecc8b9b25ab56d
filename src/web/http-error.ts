/**
 * An error meant for the reader: an HTTP status and a message key from the catalogs, with optional
 * per-field message keys for forms and the API.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new HttpError(404, 'error.not_found');
export const forbidden = () => new HttpError(403, 'error.forbidden');
export const badRequest = (code = 'error.bad_request', fields: Record<string, string> = {}) =>
  new HttpError(400, code, fields);
