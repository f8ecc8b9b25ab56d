import { LANGS, type Lang } from '../../../i18n/langs.ts';
import { textOf } from '../../../i18n/translatable.ts';
import { CsrfField, ErrorSummary } from '../../../web/components.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { DECISIONS } from '../domain.ts';
import { PLACEHOLDERS, type RenderedMail, type Templates } from '../mail.ts';
import type { CallRow } from '../queries.ts';
import type { Decision } from '../tables.ts';

const heading = (ctx: PageContext, lang: Lang, decision: Decision) =>
  ctx.t('selection.mail_group', { lang: ctx.t.langName(lang), decision: ctx.t(`selection.decision.${decision}`) });

/** The decision mails of a call, per language and decision, with the placeholders they may use. */
export function TemplatesPage({ ctx, call, templates, errors = {}, saved }: { ctx: PageContext; call: CallRow; templates: Templates; errors?: Record<string, string>; saved?: boolean }) {
  const { t, lang } = ctx;
  const base = `/${lang}/admin/calls/${call.slug}`;
  const labels: Record<string, string> = {};
  for (const l of LANGS) for (const d of DECISIONS) {
    labels[`subject_${l}_${d}`] = `${heading(ctx, l, d)} — ${t('selection.mail_subject')}`;
    labels[`body_${l}_${d}`] = `${heading(ctx, l, d)} — ${t('selection.mail_body')}`;
  }
  return (
    <div class="selection-mails">
      <h1>{t('selection.mails_title', { call: textOf(call.title, lang) })}</h1>
      <p>{t('selection.mails_intro', { placeholders: PLACEHOLDERS.map((p) => `{${p}}`).join(', ') })}</p>
      <p><a href={`${base}/notifications/preview`}>{t('selection.preview_link')}</a> · <a href={`${base}/selection`}>{t('selection.back')}</a></p>
      {saved && <p role="status" class="notice">{t('selection.mails_saved')}</p>}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`${base}/notifications`} novalidate>
        <CsrfField ctx={ctx} />
        {LANGS.map((l) => DECISIONS.map((d) => (
          <fieldset lang={l}>
            <legend>{heading(ctx, l, d)}</legend>
            <div class="field">
              <label for={`subject_${l}_${d}`}>{t('selection.mail_subject')}</label>
              <input id={`subject_${l}_${d}`} name={`subject_${l}_${d}`} value={templates[l][d].subject} maxlength={200} />
              {errors[`subject_${l}_${d}`] && <p class="error" id={`subject_${l}_${d}-error`}>{t(errors[`subject_${l}_${d}`]!)}</p>}
            </div>
            <div class="field">
              <label for={`body_${l}_${d}`}>{t('selection.mail_body')}</label>
              <textarea id={`body_${l}_${d}`} name={`body_${l}_${d}`} rows={8}>{templates[l][d].body}</textarea>
              {errors[`body_${l}_${d}`] && <p class="error" id={`body_${l}_${d}-error`}>{t(errors[`body_${l}_${d}`]!)}</p>}
            </div>
          </fieldset>
        )))}
        <button type="submit">{t('selection.mails_save')}</button>
      </form>
    </div>
  );
}

export interface PreviewGroup { lang: Lang; decision: Decision; count: number; mails: RenderedMail[] }

/** Every mail "Release" will send, grouped by language and decision, then the release button. */
export function PreviewPage({ ctx, call, groups, progress }: { ctx: PageContext; call: CallRow; groups: PreviewGroup[]; progress: Record<string, number> }) {
  const { t, lang } = ctx;
  const base = `/${lang}/admin/calls/${call.slug}`;
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  return (
    <div class="selection-preview">
      <h1>{t('selection.preview_title', { call: textOf(call.title, lang) })}</h1>
      <p><a href={`${base}/notifications`}>{t('selection.notifications_link')}</a> · <a href={`${base}/selection`}>{t('selection.back')}</a></p>
      {Object.keys(progress).length > 0 && (
        <p role="status" class="notice">{t('selection.progress', { sent: progress.sent ?? 0, pending: (progress.pending ?? 0) + (progress.sending ?? 0), unconfirmed: progress.unconfirmed ?? 0 })}</p>
      )}
      <p>{t.plural('selection.preview_count', total)}</p>
      {groups.map((group) => (
        <section class="mail-group">
          <h2>{heading(ctx, group.lang, group.decision)} ({group.count})</h2>
          {group.mails.map((mail) => (
            <article class="mail-preview" lang={group.lang}>
              <p><strong>{t('selection.mail_to')}</strong> {mail.to}</p>
              <p><strong>{t('selection.mail_subject')}</strong> <span class="mail-subject">{mail.subject}</span></p>
              <MailText text={mail.text} />
            </article>
          ))}
        </section>
      ))}
      {total > 0 && (
        <form method="post" action={`${base}/notifications/release`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t.plural('selection.release', total)}</button>
        </form>
      )}
    </div>
  );
}

/** A plain-text mail as the reader sees it: paragraphs and line breaks kept, long lines wrapped (no <pre> wider than a phone). */
function MailText({ text }: { text: string }) {
  return (
    <div class="mail-body">
      {text.split(/\n{2,}/).map((paragraph) => <p>{paragraph.split('\n').map((line, i) => <>{i > 0 && <br />}{line}</>)}</p>)}
    </div>
  );
}
