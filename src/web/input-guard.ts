import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';

/**
 * One check, before any handler, of every value a request carries (path parameters, query string,
 * parsed form or JSON body): PostgreSQL refuses a NUL character in text and an integer id beyond
 * its `integer` range with an error, which used to surface as a 500 with a stack trace in the logs.
 * Such requests are refused here with a 400 in the reader's language instead, for every route at
 * once. Multipart fields are read in their handlers and go through `refuseHostileValues` there.
 */

/** Names that carry a database id: `id`, `meeting_id`, `memberId`… */
const ID_NAME = /^(?:id|.+_id|.+Id)$/;
const INTEGER = /^[+-]?\d+$/;
/** PostgreSQL's `integer`: ids are generated from 1 up to this. */
export const MAX_ID = 2_147_483_647;

export function refuseHostileValues(values: unknown): void {
  visit(values, undefined, 0);
}

function visit(value: unknown, name: string | undefined, depth: number): void {
  if (depth > 32) throw new HttpError(400, 'error.bad_request');
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new HttpError(400, 'error.bad_characters');
    if (name !== undefined && ID_NAME.test(name) && INTEGER.test(value.trim())) checkId(Number(value));
    return;
  }
  if (typeof value === 'number') {
    if (name !== undefined && ID_NAME.test(name)) checkId(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) visit(item, name, depth + 1);
    return;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) throw new HttpError(400, 'error.bad_characters');
      visit(item, key, depth + 1);
    }
  }
}

function checkId(id: number): void {
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) throw new HttpError(400, 'error.bad_id');
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    refuseHostileValues(request.params);
    refuseHostileValues(request.query);
    refuseHostileValues(request.body);
  });
}
