import { createHash } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { LANGS, type Lang } from './langs.ts';

/**
 * A content field stored in several languages. Exactly one language holds the original; the others
 * are machine drafts, drafts a person edited ("human"), approved translations, or translations made
 * outdated by a later change of the original.
 */
export type TranslationStatus = 'original' | 'machine' | 'human' | 'approved' | 'outdated';

export interface TranslatedText {
  text: string;
  status: TranslationStatus;
  updatedAt: string;
  /** sourceHashOf(the original text this translation was made from); absent on originals and old data. */
  sourceHash?: string;
  /** The machine engine that made a draft, e.g. "apertium fr→es" or "apertium en→es→fr". */
  engine?: string;
  /** The user who wrote this text, and the one who approved it. */
  by?: number;
  approvedBy?: number;
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

/**
 * The first 16 hex digits of the SHA-256 of a text's UTF-8 bytes. The database computes the same
 * value (translation_units trigger, migration 0640), so "outdated" can be told in SQL and in code.
 */
export function sourceHashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** The original text of a field, if it has one. */
export function sourceText(field: Translatable | null | undefined): string | undefined {
  const source = field ? sourceLang(field) : undefined;
  return source ? field![source]!.text : undefined;
}

/**
 * A translation's effective status: one made from another version of the original (its sourceHash
 * differs from the current original's) is outdated whatever its stored status says.
 */
export function effectiveStatus(field: Translatable, lang: Lang): TranslationStatus | 'missing' {
  const entry = field[lang];
  if (!entry || entry.text.trim() === '') return 'missing';
  if (entry.status === 'original' || entry.status === 'outdated') return entry.status;
  const source = sourceText(field);
  if (entry.sourceHash && source !== undefined && entry.sourceHash !== sourceHashOf(source)) return 'outdated';
  return entry.status;
}

/**
 * Stores a machine draft unless a person's work would be lost: a human or approved entry made from
 * the current original is kept (returned unchanged). Outdated, machine and missing entries are replaced.
 */
export function setMachineDraft(field: Translatable, lang: Lang, text: string, engine: string, at = now()): Translatable {
  const source = sourceText(field);
  if (source === undefined) throw new Error('a field without an original cannot get a machine draft');
  if (field[lang]?.status === 'original') throw new Error(`the original is in ${lang}`);
  const state = effectiveStatus(field, lang);
  if (state === 'human' || state === 'approved') return field;
  return { ...field, [lang]: { text, status: 'machine', updatedAt: at, sourceHash: sourceHashOf(source), engine } };
}

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
  const entry: TranslatedText = { text, status, updatedAt: at };
  const currentSource = sourceText(field);
  if (status !== 'original' && currentSource !== undefined) entry.sourceHash = sourceHashOf(currentSource);
  const next: Translatable = { ...field, [lang]: entry };
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
 * What public pages show of each language's translations (the secretariat's choice per language,
 * translation_language_settings): approved only, approved and human drafts, or machine drafts too.
 * Originals are always shown; outdated translations only where human drafts are.
 */
export type DisplayLevel = 'approved' | 'human' | 'machine';
export type DisplayPolicy = Partial<Record<Lang, DisplayLevel>>;

const SHOWN: Record<DisplayLevel, readonly TranslationStatus[]> = {
  approved: ['original', 'approved'],
  human: ['original', 'approved', 'human', 'outdated'],
  machine: ['original', 'approved', 'human', 'outdated', 'machine'],
};

/**
 * The policy of the page being rendered. sendPage renders inside withDisplayPolicy, so every view's
 * pick() follows the settings without each view passing them; elsewhere (admin, mail, API) all
 * texts are shown.
 */
const displayScope = new AsyncLocalStorage<DisplayPolicy>();

export function withDisplayPolicy<T>(policy: DisplayPolicy | undefined, render: () => T): T {
  return policy ? displayScope.run(policy, render) : render();
}

export interface PickOptions {
  policy?: DisplayPolicy;
}


/**
 * The text to show a reader of `lang`: theirs if present (and shown by the display policy), else
 * the original, else the first language present in the order en, fr, es, ko.
 */
export function pick(field: Translatable | null | undefined, lang: Lang, options: PickOptions = {}): PickedText | null {
  if (!field) return null;
  const policy = options.policy ?? displayScope.getStore();
  const source = sourceLang(field);
  const order = [lang, ...(source ? [source] : []), ...LANGS];
  for (const candidate of order) {
    const status = effectiveStatus(field, candidate);
    const level = policy?.[candidate];
    if (status !== 'missing' && (!level || SHOWN[level].includes(status))) {
      return { text: field[candidate]!.text, lang: candidate, status, isFallback: candidate !== lang };
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
    else if (field?.[lang]?.text !== text) next = { ...next, [lang]: { text, status: 'human', updatedAt: new Date().toISOString(), sourceHash: sourceHashOf(texts[source]) } };
  }
  return next;
}
