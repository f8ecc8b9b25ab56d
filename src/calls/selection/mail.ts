import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import { translator } from '../../i18n/i18n.ts';
import { LANGS, type Lang } from '../../i18n/langs.ts';
import { textOf, type Translatable } from '../../i18n/translatable.ts';
import type { CallRow } from './queries.ts';
import type { Decision } from './tables.ts';
import './tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Placeholders a template may use; anything else in braces is left as typed. */
export const PLACEHOLDERS = ['title', 'call', 'presenter'] as const;
export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

export interface Template { subject: string; body: string }
export type Templates = Record<Lang, Record<Decision, Template>>;

/** The default mail of a decision in a language: the catalog's. */
export function defaultTemplate(lang: Lang, decision: Decision): Template {
  const t = translator(lang);
  return { subject: t(`selection.mail.${decision}.subject`), body: t(`selection.mail.${decision}.body`) };
}

/** The call's templates, the catalog's where the secretariat wrote none. */
export async function callTemplates(db: Db, callId: number): Promise<Templates> {
  const rows = await db.selectFrom('call_mail_templates').select(['lang', 'decision', 'subject', 'body']).where('call_id', '=', callId).execute();
  const templates = {} as Templates;
  for (const lang of LANGS) {
    templates[lang] = {} as Record<Decision, Template>;
    for (const decision of ['accepted', 'waitlisted', 'rejected'] as Decision[]) {
      const row = rows.find((r) => r.lang === lang && r.decision === decision);
      templates[lang][decision] = row ? { subject: row.subject, body: row.body } : defaultTemplate(lang, decision);
    }
  }
  return templates;
}

export async function saveTemplates(trx: Transaction<DB>, callId: number, templates: Templates) {
  await trx.deleteFrom('call_mail_templates').where('call_id', '=', callId).execute();
  const rows = LANGS.flatMap((lang) => (['accepted', 'waitlisted', 'rejected'] as Decision[]).map((decision) => ({ call_id: callId, lang, decision, ...templates[lang][decision] })));
  await trx.insertInto('call_mail_templates').values(rows).execute();
}

export interface Recipient {
  id: number;
  lang: string;
  email: string;
  decision: Decision;
  title: Translatable | null;
  source_lang: string | null;
  presenters: { name?: string }[];
}

export interface RenderedMail { to: string; subject: string; text: string }

/** A submitter's mail, exactly as it will be sent: the template of their language, placeholders filled. */
export function renderMail(template: Template, call: Pick<CallRow, 'title'>, recipient: Recipient): RenderedMail {
  const lang = recipient.lang as Lang;
  const values: Record<string, string> = {
    title: textOf(recipient.title, lang),
    call: textOf(call.title, lang),
    presenter: recipient.presenters[0]?.name ?? '',
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  // A subject is one line: a placeholder's value must not add a header line.
  return { to: recipient.email, subject: fill(template.subject).replace(/[\r\n]+/g, ' '), text: fill(template.body) };
}

/** The submitters whose decision is taken and not yet released: the mails "Release" will send. */
export function pendingRecipients(db: Db, callId: number, filter: { lang?: Lang; decision?: Decision } = {}) {
  let query = db.selectFrom('submissions')
    .select(['id', 'lang', 'email', 'decision', 'title', 'source_lang', 'presenters'])
    .where('call_id', '=', callId).where('state', '=', 'submitted').where('decision', 'is not', null).where('decision_released_at', 'is', null);
  if (filter.lang) query = query.where('lang', '=', filter.lang);
  if (filter.decision) query = query.where('decision', '=', filter.decision);
  return query.orderBy('id').execute() as Promise<Recipient[]>;
}
