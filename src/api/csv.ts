/**
 * CSV (RFC 4180) for every export. Text cells that a spreadsheet would run as a formula (starting
 * with = + - @ or a tab/CR) are prefixed with an apostrophe; numbers (a longitude of -73.58781, a
 * count) are written as they are, since a spreadsheet reads them as numbers, not formulas.
 * The file starts with the UTF-8 byte-order mark: without it Excel reads UTF-8 as the system's
 * code page and garbles Korean, accents and the like.
 */
export const BOM = '\uFEFF';

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A plain decimal number, as a spreadsheet would read it (the database gives numerics as text). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
