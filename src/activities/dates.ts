import type { Lang, Translator } from '../i18n/i18n.ts';
import { dateFormat } from '../i18n/formats.ts';

/**
 * Dates of the programme as they are known: an exact day range, only a month (range), or only a
 * year (range), and possibly tentative. A month-precision date is stored as the 1st of its month,
 * a year-precision one as 1 January of its year; neither is ever shown or exported as an exact day.
 */
export const PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof PRECISIONS)[number];

export interface Dated {
  start_date: string;
  end_date: string;
  date_precision: DatePrecision;
  tentative: boolean;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

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

export function isIsoYear(value: string): boolean {
  const match = YEAR.exec(value);
  return Boolean(match && Number(match[1]) >= 1900 && Number(match[1]) <= 2200);
}

/**
 * The stored form of a date written by a person: YYYY-MM-DD for day precision, YYYY-MM (stored as
 * the 1st) for month precision, YYYY (stored as 1 January) for year precision; null when it is not
 * a valid date of that precision — a day written with year precision is refused, not truncated,
 * so nobody believes a day was kept.
 */
export function storedDate(value: string, precision: DatePrecision): string | null {
  if (precision === 'day') return isIsoDay(value) ? value : null;
  if (precision === 'month') return isIsoMonth(value) ? `${value}-01` : null;
  return isIsoYear(value) ? `${value}-01-01` : null;
}

/** The precision a seed date is written in: YYYY, YYYY-MM or YYYY-MM-DD. */
export function precisionOf(value: string): DatePrecision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

/** The API's form: `YYYY-MM-DD`, `YYYY-MM` for month precision, `YYYY` for year precision. */
export function apiDate(stored: string, precision: DatePrecision): string {
  return precision === 'month' ? stored.slice(0, 7) : precision === 'year' ? stored.slice(0, 4) : stored;
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The dates in words, in the reader's language: "1–3 October 2018", "February 2019, date to be
 * confirmed", "2018, date not known" (a year-only date says plainly that the day is unknown).
 */
export function datesInWords(t: Translator, dated: Dated, today = new Date().toISOString().slice(0, 10)): string {
  const lang: Lang = t.lang;
  // A tentative date now past was never confirmed: say so, rather than "to be confirmed" years on.
  const pastTentative = dated.tentative && lastDay(dated) < today;
  if (dated.date_precision === 'year') {
    const first = yearOf(dated.start_date);
    const last = yearOf(dated.end_date);
    const years = first === last ? String(first) : t('activities.date.years', { from: String(first), to: String(last) });
    if (pastTentative) return t('activities.date.past_tentative', { date: years });
    return t(dated.tentative ? 'activities.date.year_tentative' : 'activities.date.year', { years });
  }
  const options: Intl.DateTimeFormatOptions =
    dated.date_precision === 'month' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
  const format = dateFormat(lang, options);
  const text =
    dated.start_date === dated.end_date ? format.format(utc(dated.start_date)) : format.formatRange(utc(dated.start_date), utc(dated.end_date));
  if (pastTentative) return t('activities.date.past_tentative', { date: text });
  return dated.tentative ? t('activities.date.tentative', { date: text }) : text;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** The day after the last day covered: the exclusive end iCalendar wants for all-day events. */
export function exclusiveEnd(dated: Pick<Dated, 'end_date' | 'date_precision'>): string {
  const end = utc(dated.end_date);
  if (dated.date_precision === 'year') end.setUTCFullYear(end.getUTCFullYear() + 1, 0, 1);
  else if (dated.date_precision === 'month') end.setUTCMonth(end.getUTCMonth() + 1, 1);
  else end.setUTCDate(end.getUTCDate() + 1);
  return end.toISOString().slice(0, 10);
}

/** The last day covered (for overlap tests): the end day, or the last day of the end month or year. */
export function lastDay(dated: Pick<Dated, 'end_date' | 'date_precision'>): string {
  const end = utc(exclusiveEnd(dated));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
