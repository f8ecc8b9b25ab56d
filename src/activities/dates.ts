import type { Lang, Translator } from '../i18n/i18n.ts';

/**
 * Dates of the programme as they are known: an exact day range, or only a month (range), and
 * possibly tentative. A month-precision date is stored as the 1st of its month and is never shown
 * or exported as an exact day.
 */
export type DatePrecision = 'day' | 'month';
export const PRECISIONS = ['day', 'month'] as const;

export interface Dated {
  start_date: string;
  end_date: string;
  date_precision: DatePrecision;
  tentative: boolean;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (no 30 February). */
export function isIsoDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2200 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isIsoMonth(value: string): boolean {
  const match = MONTH.exec(value);
  return Boolean(match && Number(match[1]) >= 1900 && Number(match[1]) <= 2200 && Number(match[2]) >= 1 && Number(match[2]) <= 12);
}

/**
 * The stored form of a date written by a person: YYYY-MM-DD for day precision, YYYY-MM (stored as
 * the 1st) for month precision; null when it is not a valid date of that precision.
 */
export function storedDate(value: string, precision: DatePrecision): string | null {
  if (precision === 'day') return isIsoDay(value) ? value : null;
  if (isIsoMonth(value)) return `${value}-01`;
  return null;
}

/** The API's form: `YYYY-MM-DD`, or `YYYY-MM` for month precision. */
export function apiDate(stored: string, precision: DatePrecision): string {
  return precision === 'month' ? stored.slice(0, 7) : stored;
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** The dates in words, in the reader's language: "1–3 October 2018", "February 2019, date to be confirmed". */
export function datesInWords(t: Translator, dated: Dated): string {
  const lang: Lang = t.lang;
  const options: Intl.DateTimeFormatOptions =
    dated.date_precision === 'month' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
  const format = new Intl.DateTimeFormat(lang, options);
  const text =
    dated.start_date === dated.end_date ? format.format(utc(dated.start_date)) : format.formatRange(utc(dated.start_date), utc(dated.end_date));
  return dated.tentative ? t('activities.date.tentative', { date: text }) : text;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** The day after the last day covered: the exclusive end iCalendar wants for all-day events. */
export function exclusiveEnd(dated: Pick<Dated, 'end_date' | 'date_precision'>): string {
  const end = utc(dated.end_date);
  if (dated.date_precision === 'month') end.setUTCMonth(end.getUTCMonth() + 1, 1);
  else end.setUTCDate(end.getUTCDate() + 1);
  return end.toISOString().slice(0, 10);
}

/** The last day covered (for overlap tests): the end day, or the last day of the end month. */
export function lastDay(dated: Pick<Dated, 'end_date' | 'date_precision'>): string {
  const end = utc(exclusiveEnd(dated));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
