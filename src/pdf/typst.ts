/**
 * Helpers to put our text into Typst source. Text never goes into markup as is (a `*`, `#`, `$`, `<`
 * or `]` would be read as markup or code); it goes in as a string literal, which Typst prints as plain text.
 */

/** A Typst string literal holding `text` exactly: `"…"` with backslashes, quotes and controls escaped. */
export function typstString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x2028 && code <= 0x2029)) out += `\\u{${code.toString(16)}}`;
    else out += char;
  }
  return `${out}"`;
}

/** `text` as content in markup mode: `#"…"`, which prints the text and nothing else. */
export function typstText(text: string): string {
  return `#${typstString(text)}`;
}

/** A Typst label name that cannot clash with markup: only letters, digits and dashes. */
export function typstLabel(key: string): string {
  return `<${key.replace(/[^A-Za-z0-9-]/g, (char) => `_${char.codePointAt(0)!.toString(16)}_`)}>`;
}
