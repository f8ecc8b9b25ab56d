import { LANGS, type Lang } from './langs.ts';

/**
 * A content field stored in several languages. Exactly one language holds the original; the others
 * are human translations, machine drafts, or translations made outdated by a later change of the
 * original.
 */
export type TranslationStatus = 'original' | 'human' | 'machine' | 'outdated';

export interface TranslatedText {
  text: string;
  status: TranslationStatus;
  updatedAt: string;
}

export type Translatable = Partial<Record<Lang, TranslatedText>>;

export interface PickedText {
  text: string;
  lang: Lang;
  status: TranslationStatus;
  /** True when the reader's language was missing and another one is shown. */
  isFallback: boolean;
}

const now = () => new Date().toISOString();

export function original(lang: Lang, text: string, at = now()): Translatable {
  return { [lang]: { text, status: 'original', updatedAt: at } };
}

/** An original plus its translations, all marked as human translations (used by the seed). */
export function translated(source: Lang, texts: Partial<Record<Lang, string>>, at = now()): Translatable {
  const result: Translatable = {};
  for (const lang of LANGS) {
    const text = texts[lang];
    if (text !== undefined) result[lang] = { text, status: lang === source ? 'original' : 'human', updatedAt: at };
  }
  if (!result[source]) throw new Error(`the original (${source}) text is missing`);
  return result;
}

export function sourceLang(field: Translatable): Lang | undefined {
  return LANGS.find((lang) => field[lang]?.status === 'original');
}

/** Sets one language's text. Changing the original marks every translation of it outdated. */
export function setText(
  field: Translatable,
  lang: Lang,
  text: string,
  status: Exclude<TranslationStatus, 'outdated'>,
  at = now(),
): Translatable {
  const source = sourceLang(field);
  if (status === 'original' && source && source !== lang) {
    throw new Error(`the original is in ${source}; a ${lang} text can only be a translation`);
  }
  const next: Translatable = { ...field, [lang]: { text, status, updatedAt: at } };
  const originalChanged = status === 'original' && field[lang]?.text !== text;
  if (originalChanged) {
    for (const other of LANGS) {
      const entry = next[other];
      if (other !== lang && entry && entry.status !== 'outdated') next[other] = { ...entry, status: 'outdated' };
    }
  }
  return next;
}

/**
 * The text to show a reader of `lang`: theirs if present, else the original, else the first
 * language present in the order en, fr, es, ko.
 */
export function pick(field: Translatable | null | undefined, lang: Lang): PickedText | null {
  if (!field) return null;
  const source = sourceLang(field);
  const order = [lang, ...(source ? [source] : []), ...LANGS];
  for (const candidate of order) {
    const entry = field[candidate];
    if (entry && entry.text.trim() !== '') {
      return { text: entry.text, lang: candidate, status: entry.status, isFallback: candidate !== lang };
    }
  }
  return null;
}

/** Plain text for lists, feeds and titles, where no notice can be shown. */
export function textOf(field: Translatable | null | undefined, lang: Lang): string {
  return pick(field, lang)?.text ?? '';
}

/**
 * A field edited in a form holding every language: a changed original marks the translations
 * outdated (setText); a changed translation becomes a human one; an emptied translation is removed;
 * an emptied original empties the field (null).
 */
export function editTranslations(field: Translatable | null, source: Lang, texts: Record<Lang, string>): Translatable | null {
  if (!texts[source]) return null;
  let next: Translatable = field?.[source]?.text === texts[source] ? { ...field } : setText(field ?? {}, source, texts[source], 'original');
  for (const lang of LANGS) {
    if (lang === source) continue;
    const text = texts[lang];
    if (!text) delete next[lang];
    else if (field?.[lang]?.text !== text) next = { ...next, [lang]: { text, status: 'human', updatedAt: new Date().toISOString() } };
  }
  return next;
}
