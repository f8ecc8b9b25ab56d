/**
 * Intl date formatters and collators, made once per language and options. Making one costs far more
 * than using it: a calendar of 200 dated events made 200 formatters, and sorting a facet with
 * `localeCompare(b, lang)` makes a collator per comparison. The keys come from our code's options
 * and the few languages served, so the maps stay small.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const collators = new Map<string, Intl.Collator>();

export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}\u0000${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** The collator `a.localeCompare(b, lang)` uses, kept: `collator(lang).compare(a, b)` orders the same. */
export function collator(lang: string): Intl.Collator {
  let found = collators.get(lang);
  if (!found) {
    found = new Intl.Collator(lang);
    collators.set(lang, found);
  }
  return found;
}
