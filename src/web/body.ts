import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';

const MAX_FIELDS = 1000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * HTML form bodies (application/x-www-form-urlencoded), refused with a 400 when they are not valid
 * UTF-8 — raw or percent-encoded — rather than silently turned into replacement characters.
 * Repeated names (checkbox groups) become arrays.
 */
export function parseFormBody(body: Buffer): Record<string, string | string[]> {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw new HttpError(400, 'error.bad_encoding');
  }
  const result: Record<string, string | string[]> = Object.create(null);
  const pairs = text.split('&').filter(Boolean);
  if (pairs.length > MAX_FIELDS) throw new HttpError(413, 'error.too_large');
  for (const pair of pairs) {
    const [rawName = '', rawValue = ''] = splitOnce(pair, '=');
    const name = decode(rawName);
    const value = decode(rawValue);
    const existing = result[name];
    result[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, ''] : [text.slice(0, index), text.slice(index + 1)];
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new HttpError(400, 'error.bad_encoding');
  }
}

export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseFormBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
