import { HttpError } from './http-error.ts';

/**
 * Failures that are not the reader's fault nor a bug: the database or the disk is away or full.
 * They get a clear 503/507 page in the reader's language (and a Retry-After), not a 500 with a
 * stack trace; the site answers again by itself when the database or the disk is back.
 */

// Connection-level codes: refused, reset, timed out, or the server shutting down or starting up
// (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, class 08 connection exceptions).
const DATABASE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);
const DATABASE_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (?:starting up|shutting down)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (DATABASE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = (error as { message?: unknown })?.message;
  return typeof message === 'string' && DATABASE_MESSAGES.test(message);
}

// The disk refused a write: full (ENOSPC, EDQUOT) is a 507; read-only or not writable is a 503.
const STORAGE_FULL = new Set(['ENOSPC', 'EDQUOT']);
const STORAGE_UNWRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOTDIR']);

/** The one place where these failures become an answer; null for every other error. */
export function unavailableError(error: unknown): HttpError | null {
  const code = (error as { code?: unknown })?.code;
  const syscall = (error as { syscall?: unknown })?.syscall;
  // Only errors of the file system (they carry a syscall) or of our object storage.
  const fromStorage = typeof syscall === 'string' || (error as { storage?: unknown })?.storage === true;
  if (fromStorage && typeof code === 'string') {
    if (STORAGE_FULL.has(code)) return new HttpError(507, 'error.storage_full');
    if (STORAGE_UNWRITABLE.has(code)) return new HttpError(503, 'error.storage_unavailable', {}, { 'retry-after': '60' });
  }
  if (isDatabaseUnavailable(error)) return new HttpError(503, 'error.database_unavailable', {}, { 'retry-after': '5' });
  return null;
}
