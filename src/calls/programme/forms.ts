import { LANGS, isLang, type Lang } from '../../i18n/langs.ts';
import { HttpError } from '../../web/http-error.ts';

export type FormBody = Record<string, string | string[] | undefined>;
const one = (value: unknown) => String((Array.isArray(value) ? value[0] : value) ?? '').trim();

export interface WorkshopInput {
  sessionId: number;
  source: Lang;
  titles: Record<Lang, string>;
  room: string | null;
  moderators: string[];
  partner: string | null;
}

/** An id field: a positive whole number, else a named 400. */
export function idField(body: FormBody, name: string, code: string): number {
  const text = one(body[name]);
  if (!/^[0-9]{1,9}$/.test(text) || Number(text) === 0) throw new HttpError(400, code, { [name]: code });
  return Number(text);
}

export function optionalId(body: FormBody, name: string, code: string): number | null {
  return one(body[name]) === '' ? null : idField(body, name, code);
}

export function parseDate(body: FormBody): string | null {
  const text = one(body.date);
  if (text === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) throw new HttpError(400, 'programme.error.date', { date: 'programme.error.date' });
  return text;
}

/** A workshop: a title in its source language (others optional), a room, moderators one per line, a partner. */
export function parseWorkshop(body: FormBody): WorkshopInput {
  const sessionId = idField(body, 'session', 'programme.error.session');
  const source = isLang(one(body.source)) ? (one(body.source) as Lang) : 'en';
  const titles = Object.fromEntries(LANGS.map((lang) => [lang, one(body[`title_${lang}`])])) as Record<Lang, string>;
  if (!titles[source]) throw new HttpError(400, 'programme.error.title', { [`title_${source}`]: 'programme.error.title' });
  if (LANGS.some((lang) => titles[lang].length > 300)) throw new HttpError(400, 'programme.error.too_long');
  const room = one(body.room) || null;
  const partner = one(body.partner) || null;
  const moderators = one(body.moderators).split('\n').map((line) => line.trim()).filter(Boolean);
  if ((room?.length ?? 0) > 200 || (partner?.length ?? 0) > 300 || moderators.length > 20 || moderators.some((m) => m.length > 200)) throw new HttpError(400, 'programme.error.too_long');
  return { sessionId, source, titles, room, moderators, partner };
}
