import { translator, type Lang } from '../../i18n/i18n.ts';
import { textOf } from '../../i18n/translatable.ts';
import { countryName } from '../../places/countries.ts';
import type { OutgoingMessage } from '../../mail/mailer.ts';
import type { Draft } from './forms.ts';
import type { callBySlug } from './queries.ts';

type Call = NonNullable<Awaited<ReturnType<typeof callBySlug>>>;

/** The resume link, in the submitter's interface language. */
export function linkMail(lang: Lang, input: { call: Call; link: string; email: string }): OutgoingMessage {
  const t = translator(lang);
  const title = textOf(input.call.title, lang);
  return { to: input.email, subject: t('calls_submit.mail.link.subject', { call: title }), text: t('calls_submit.mail.link.body', { call: title, link: input.link }) };
}

/**
 * What the submitter sent, listed in their interface language (the texts as they wrote them), so
 * the mail is their receipt. Every line is their own words or ours; no markup, plain text only.
 */
export function confirmationText(lang: Lang, input: { call: Call; draft: Draft; files: { file_name: string }[] }): string {
  const t = translator(lang);
  const { call, draft } = input;
  const lines = [
    `${t('calls_submit.field.title')}: ${draft.title}`,
    `${t('calls_submit.field.organisation_name')}: ${draft.organisation_name}`,
    `${t('calls_submit.field.city')}: ${draft.city}, ${draft.country ? countryName(draft.country, lang) : ''}`,
    `${t('calls_submit.field.source_lang')}: ${t.langName(draft.source_lang)}`,
    `${t('calls_submit.field.presenters')}:`,
    ...draft.presenters.map((p) => `- ${[p.name, p.role, p.organisation].filter(Boolean).join(', ')}`),
    `${t('calls_submit.field.themes')}: ${draft.themes.map((slug) => textOf(call.themeNames[slug], lang) || slug).join(', ')}`,
    ...(draft.links.length > 0 ? [`${t('calls_submit.field.links')}: ${draft.links.join(' ')}`] : []),
    ...call.questions.filter((q) => draft.answers[q.id] !== undefined).map((q) => `${textOf(q.label, lang)}: ${String(draft.answers[q.id])}`),
    ...(input.files.length > 0 ? [`${t('calls_submit.field.attachments')}: ${input.files.map((file) => file.file_name).join(', ')}`] : []),
    '',
    `${t('calls_submit.field.summary')}:`,
    draft.summary,
  ];
  return lines.join('\n');
}

export function confirmationMail(lang: Lang, input: { call: Call; draft: Draft; files: { file_name: string }[]; email: string }): OutgoingMessage {
  const t = translator(lang);
  const title = textOf(input.call.title, lang);
  const closes = input.call.closes_at ? t.date(input.call.closes_at, 'long') : '';
  return {
    to: input.email,
    subject: t('calls_submit.mail.confirmation.subject', { call: title }),
    text: `${t('calls_submit.mail.confirmation.body', { call: title, closes })}\n\n${confirmationText(lang, input)}\n`,
  };
}
