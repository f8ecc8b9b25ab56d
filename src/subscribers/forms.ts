import { z } from 'zod';
import { LANGS } from '../i18n/langs.ts';
import { fields } from '../web/forms.ts';
import { TOPICS } from './topics.ts';

/**
 * Input shapes of the subscription pages and the editors' import. Any line break in a field that
 * could end up in a mail header (address, language, topics, source) is refused outright rather than
 * cleaned: such input is an injection attempt, never a typing mistake.
 */
export const LINE_BREAK = /[\r\n\u2028\u2029\0]/;

/** The names of submitted fields holding a line break (or NUL), wherever they are. */
export function fieldsWithLineBreaks(input: Record<string, unknown>, except: readonly string[] = []): string[] {
  return Object.entries(input)
    .filter(([name]) => !except.includes(name))
    .filter(([, value]) => [value].flat().some((v) => typeof v === 'string' && LINE_BREAK.test(v)))
    .map(([name]) => name);
}

export const subscriberEmail = () =>
  z.preprocess((value) => value, z.string({ error: 'validation.required' }).refine((v) => !LINE_BREAK.test(v), { error: 'validation.sub_line_break' }).pipe(fields.email()));

const lang = z.enum(LANGS, { error: 'validation.sub_lang' });
const topics = fields.list(z.enum(TOPICS, { error: 'validation.sub_topic' })).refine((list) => list.length > 0, { error: 'validation.sub_topics_required' }).transform((list) => [...new Set(list)] as string[]);

export const subscribeForm = z.object({
  email: subscriberEmail(),
  lang,
  topics,
  consent: z.literal('yes', { error: 'validation.sub_consent' }),
  method: z.enum(['form', 'footer']).catch('form'),
});

export const resendForm = z.object({ email: subscriberEmail() });

export const preferencesForm = z.object({ lang, topics });

export const importForm = z.object({
  consent_confirmed: z.literal('yes', { error: 'validation.sub_import_consent' }),
  consent_source: fields.text(500).refine((v) => !LINE_BREAK.test(v), { error: 'validation.sub_line_break' }),
});
