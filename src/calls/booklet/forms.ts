import { LANGS, isLang, type Lang } from '../../i18n/langs.ts';
import { editTranslations, type Translatable } from '../../i18n/translatable.ts';
import type { FieldErrors } from '../../web/forms.ts';

export const FRONT_MATTER_MAX = 20_000;
export type BookletValues = Record<string, string | string[] | undefined>;

export interface BookletForm {
  source: Lang;
  texts: Record<Lang, string>;
  partners: string[];
}

const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '');

/** The booklet form: the front matter in each language (its original chosen), the partners one per line. */
export function parseBookletForm(values: BookletValues): { ok: true; data: BookletForm } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const source = isLang(values.source) ? values.source : 'en';
  const texts = Object.fromEntries(LANGS.map((lang) => [lang, text(values[`front_matter_${lang}`])])) as Record<Lang, string>;
  for (const lang of LANGS) if (texts[lang].length > FRONT_MATTER_MAX) errors[`front_matter_${lang}`] = 'booklet.error.too_long';
  if (!texts[source] && LANGS.some((lang) => texts[lang])) errors[`front_matter_${source}`] = 'booklet.error.source';
  const partners = text(values.partners).split('\n').map((line) => line.trim()).filter(Boolean);
  if (partners.length > 200 || partners.some((name) => name.length > 200)) errors.partners = 'booklet.error.partners';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: { source, texts, partners } };
}

export function frontMatterOf(stored: Translatable | null, form: BookletForm): Translatable | null {
  return editTranslations(stored, form.source, form.texts);
}
