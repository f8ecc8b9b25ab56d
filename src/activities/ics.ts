import { exclusiveEnd, type Dated } from './dates.ts';

/**
 * iCalendar (RFC 5545) output. Every event is all-day (`VALUE=DATE`): the programme knows days,
 * not hours. A month-only date covers its whole month and is marked tentative in words. The UID
 * never changes; SEQUENCE and LAST-MODIFIED grow when the dates change, so a subscribed calendar
 * replaces the old entry instead of adding a second one.
 */
export interface IcsEvent extends Dated {
  uid: string;
  sequence: number;
  updatedAt: Date;
  summary: string;
  description: string;
  location: string;
  url: string;
}

export function icsCalendar(name: string, events: IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//GSEF//Passerelle//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const event of events) lines.push(...icsEvent(event));
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

function icsEvent(event: IcsEvent): string[] {
  const stamp = utcStamp(event.updatedAt);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART;VALUE=DATE:${basicDate(event.start_date)}`,
    `DTEND;VALUE=DATE:${basicDate(exclusiveEnd(event))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `STATUS:${event.tentative ? 'TENTATIVE' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push(`URL:${event.url}`, 'END:VEVENT');
  return lines;
}

const basicDate = (day: string) => day.replaceAll('-', '');

function utcStamp(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets are folded, never inside a UTF-8 character (§3.1). */
export function fold(line: string): string {
  if (line.length <= 75 && !/[^\x00-\x7f]/.test(line)) return line;
  const parts: string[] = [];
  let begin = 0;
  let size = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const code = line.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (size + bytes > limit) {
      parts.push(line.slice(begin, i));
      begin = i;
      size = 0;
      limit = 74;
    }
    size += bytes;
    i += units;
  }
  parts.push(line.slice(begin));
  return parts.join('\r\n ');
}
