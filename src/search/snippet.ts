import { MARK_END, MARK_START } from './text.ts';

/** A piece of a snippet: plain text, or a match to mark. Views render them as text (escaped). */
export interface Segment {
  text: string;
  mark: boolean;
}

const SNIPPET_CHARS = 240;

/**
 * Splits ts_headline's output at its sentinel characters (which indexed text never contains) into
 * segments, so no HTML from content or query ever reaches the page. Korean text is marked here,
 * since its index holds bigrams rather than the words ts_headline would look for.
 */
export function highlight(headline: string | null, excerpt: string, hangulWords: string[]): Segment[] {
  if (headline !== null) return split(headline);
  const found = hangulWords.map((word) => excerpt.indexOf(word)).filter((at) => at >= 0);
  const start = found.length ? Math.max(0, Math.min(...found) - 60) : 0;
  let window = excerpt.slice(start, start + SNIPPET_CHARS);
  for (const word of hangulWords) window = window.split(word).join(`${MARK_START}${word}${MARK_END}`);
  return split(`${start > 0 ? '… ' : ''}${window}${start + SNIPPET_CHARS < excerpt.length ? ' …' : ''}`);
}

function split(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const [i, part] of text.split(MARK_START).entries()) {
    const [marked, rest] = i === 0 ? [null, part] : [part.split(MARK_END)[0] ?? '', part.split(MARK_END).slice(1).join('')];
    if (marked) segments.push({ text: marked, mark: true });
    if (rest) segments.push({ text: rest.replace(new RegExp(MARK_END, 'g'), ''), mark: false });
  }
  return segments;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** A snippet as HTML for the API: every character escaped, matches in <mark>. */
export function snippetHtml(segments: Segment[]): string {
  return segments.map((segment) => (segment.mark ? `<mark>${escape(segment.text)}</mark>` : escape(segment.text))).join('');
}
