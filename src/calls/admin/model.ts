import type { CallState } from '../../db/types.ts';
import type { Lang } from '../../i18n/langs.ts';

/**
 * A call's life: drafted, opened to submissions, closed, reviewed, decided, published into the
 * programme. Each state has the few next states that make sense; a closed call may be reopened
 * (a deadline extended), an opened one taken back to draft while nobody has submitted yet.
 */
export const CALL_STATES = ['draft', 'open', 'closed', 'in_review', 'decided', 'published'] as const satisfies readonly CallState[];

const NEXT: Record<CallState, readonly CallState[]> = {
  draft: ['open'],
  open: ['closed', 'draft'],
  closed: ['in_review', 'open'],
  in_review: ['decided'],
  decided: ['published'],
  published: [],
};

export const nextStates = (state: CallState): readonly CallState[] => NEXT[state];
export const canMove = (from: CallState, to: CallState): boolean => NEXT[from].includes(to);
export const isCallState = (value: unknown): value is CallState => (CALL_STATES as readonly string[]).includes(value as string);

/** Attachment kinds a call may accept, named for people, checked on the bytes (web/uploads.ts). */
export const ATTACHMENT_KINDS = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;
export const ATTACHMENT_KIND_NAMES = Object.keys(ATTACHMENT_KINDS) as AttachmentKind[];
export const kindOfMime = (mime: string): AttachmentKind | undefined => ATTACHMENT_KIND_NAMES.find((kind) => ATTACHMENT_KINDS[kind] === mime);

/** The multipart reader's outer bound is 25 MB (app.ts); a call may not promise more. */
export const MAX_ATTACHMENT_MB = 25;
export const MAX_ATTACHMENTS = 10;
export const QUESTION_KINDS = ['text', 'choice', 'number'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A name of the IANA database ("Europe/Madrid", "UTC") that this Node's Intl knows. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC, in minutes, at an instant. */
function offsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * "2026-03-01T09:00" read as a wall-clock time in `zone` → the instant. Two passes settle the
 * offset across a daylight-saving change (a time skipped by the change moves forward).
 */
export function zonedToInstant(local: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  let instant = guess - offsetMinutes(zone, new Date(guess)) * 60_000;
  instant = guess - offsetMinutes(zone, new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The instant as the form's wall-clock value in `zone` ("2026-03-01T09:00"). */
export function instantToZoned(at: Date, zone: string): string {
  const shifted = new Date(at.getTime() + offsetMinutes(zone, at) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** The calendar day an instant falls on in `zone` ("2026-03-31"), for all-day calendar entries. */
export const dayIn = (at: Date, zone: string): string => instantToZoned(at, zone).slice(0, 10);

/** A date and time for readers, in the call's zone, the zone named: "31 March 2026, 23:59 (Europe/Madrid)". */
export function dateInZone(at: Date, zone: string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(at);
  return `${text} (${zone})`;
}
