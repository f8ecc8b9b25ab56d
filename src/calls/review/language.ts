import type { Lang } from '../../i18n/langs.ts';
import { effectiveStatus, sourceLang, textOf, type Translatable, type TranslationStatus } from '../../i18n/translatable.ts';

/** Which version of a submission's texts a reviewer reads. */
export interface ShownVersion {
  /** The language shown, and the original's. */
  lang: Lang;
  source: Lang;
  /** 'original', or the status of the translation shown (human, approved, machine, outdated). */
  status: TranslationStatus;
  /** A version in the reader's language exists besides the original (the page links between them). */
  hasTranslation: boolean;
  title: string;
  summary: string;
}

/**
 * The original by default for a reader of the source language; for the others, their language's
 * version when there is one (a person's translation or a machine draft, labelled), with the
 * original one click away (`original`).
 */
export function shownVersion(title: Translatable | null, summary: Translatable | null, reader: Lang, wantOriginal: boolean): ShownVersion {
  const source = (summary && sourceLang(summary)) ?? (title && sourceLang(title)) ?? reader;
  const statusOf = (field: Translatable | null) => (field ? effectiveStatus(field, reader) : 'missing');
  const summaryStatus = statusOf(summary);
  const hasTranslation = reader !== source && (summaryStatus !== 'missing' || statusOf(title) !== 'missing');
  const text = (field: Translatable | null, lang: Lang) => (field?.[lang]?.text && effectiveStatus(field, lang) !== 'missing' ? field[lang]!.text : textOf(field, source));
  if (!hasTranslation || wantOriginal) {
    return { lang: source, source, status: 'original', hasTranslation, title: text(title, source), summary: text(summary, source) };
  }
  const status = summaryStatus !== 'missing' ? summaryStatus : statusOf(title);
  return { lang: reader, source, status: status as TranslationStatus, hasTranslation, title: text(title, reader), summary: text(summary, reader) };
}
