import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { fields } from '../web/forms.ts';

/**
 * News input: the submission form (members, the working group), the editors' announcement form and
 * the translations page. Texts are plain: paragraphs separated by a blank line, shown escaped, so
 * there is no markup to sanitise. A title travels in mail subjects, so a line break in it is refused.
 */
const LINE_BREAK = /[\r\n\u2028\u2029\0]/;
const oneLine = (max: number, required = true) => fields.text(max, required).refine((v) => !LINE_BREAK.test(v), { error: 'validation.news_line_break' });

export const LIMITS = { title: 200, summary: 600, body: 20_000, image_alt: 300 } as const;

const link = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : ''),
  z
    .string()
    .max(2000, { error: 'validation.too_long' })
    .refine((v) => v === '' || (/^https?:\/\/[^\s<>"]+$/i.test(v) && URL.canParse(v)), { error: 'validation.url' }),
);

export const newsForm = z.object({
  title: oneLine(LIMITS.title),
  summary: fields.text(LIMITS.summary),
  body: fields.text(LIMITS.body, false),
  link,
  lang: z.enum(LANGS, { error: 'validation.news_lang' }),
  image_alt: oneLine(LIMITS.image_alt, false),
});
export type NewsInput = z.output<typeof newsForm>;

export const reviewForm = z.object({
  action: z.enum(['accept', 'request_changes', 'decline', 'comment'], { error: 'validation.news_action' }),
  comment: fields.text(5000, false),
}).refine((input) => input.action === 'accept' || input.comment.length > 0, { path: ['comment'], error: 'validation.news_comment_required' });

export const TEXT_FIELDS = ['title', 'summary', 'body', 'image_alt'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export interface LangTexts {
  title: string;
  summary: string;
  body: string;
  image_alt: string;
  status: 'human' | 'machine' | 'outdated';
}

/** The four languages at once; the source language's title and summary are required. */
export function textsForm(source: Lang) {
  const shape: Record<string, z.ZodType> = {};
  for (const lang of LANGS) {
    for (const field of TEXT_FIELDS) shape[`${field}_${lang}`] = field === 'title' || field === 'image_alt' ? oneLine(LIMITS[field], lang === source && field === 'title') : fields.text(LIMITS[field], lang === source && field === 'summary');
    if (lang !== source) shape[`status_${lang}`] = z.enum(['human', 'machine', 'outdated'], { error: 'validation.invalid' }).default('human');
  }
  return z
    .object(shape)
    .superRefine((input, issues) => {
      for (const lang of LANGS) {
        if (lang === source) continue;
        const any = TEXT_FIELDS.some((field) => input[`${field}_${lang}`]);
        // A translation needs at least its title and summary, or it would show half in one language, half in another.
        if (any && !input[`title_${lang}`]) issues.addIssue({ code: 'custom', path: [`title_${lang}`], message: 'validation.news_translation_title' });
        if (any && !input[`summary_${lang}`]) issues.addIssue({ code: 'custom', path: [`summary_${lang}`], message: 'validation.news_translation_summary' });
      }
    })
    .transform((input) => {
      const texts = {} as Record<Lang, LangTexts>;
      for (const lang of LANGS) {
        texts[lang] = {
          title: input[`title_${lang}`] as string,
          summary: input[`summary_${lang}`] as string,
          body: input[`body_${lang}`] as string,
          image_alt: input[`image_alt_${lang}`] as string,
          status: lang === source ? 'human' : (input[`status_${lang}`] as LangTexts['status']),
        };
      }
      return texts;
    });
}
