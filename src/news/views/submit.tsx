import { LANGS, LANG_NAMES } from '../../i18n/langs.ts';
import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame, ScrollingTable } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';

export interface NewsFormState {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The news form: submission, edit after a request for changes, or an editor's announcement. */
export function NewsFormPage({ ctx, heading, intro, action, state, fixedLang, hasImage, comments }: {
  ctx: PageContext;
  heading: string;
  intro: string;
  action: string;
  state: NewsFormState;
  /** On an edit the language of the original stays what it was. */
  fixedLang?: string;
  hasImage?: boolean;
  comments?: { action: string; comment: string; at: Date }[];
}) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const v = state.values ?? {};
  const labels = {
    title: t('news.field.title'),
    summary: t('news.field.summary'),
    body: t('news.field.body'),
    link: t('news.field.link'),
    lang: t('news.field.lang'),
    image: t('news.field.image'),
    image_alt: t('news.field.image_alt'),
  };
  const area = (name: 'summary' | 'body', rows: number, required: boolean, hint?: string) => (
    <FieldFrame ctx={ctx} name={name} label={labels[name]} error={errors[name]} required={required} hint={hint}>
      <textarea
        id={name}
        name={name}
        rows={rows}
        required={required}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={[hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined}
      >
        {str(v[name])}
      </textarea>
    </FieldFrame>
  );
  const chosenLang = fixedLang ?? (str(v.lang) || lang);
  return (
    <>
      <h1>{heading}</h1>
      <p class="lead">{intro}</p>
      {comments && comments.length > 0 && (
        <section aria-labelledby="editor-comments">
          <h2 id="editor-comments">{t('news.editor_comments')}</h2>
          {comments.map((entry) => (
            <blockquote>
              <p class="meta">{`${t(`news.action.${entry.action}`)} · ${t.date(entry.at)}`}</p>
              <p>{entry.comment}</p>
            </blockquote>
          ))}
        </section>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <FieldFrame ctx={ctx} name="lang" label={labels.lang} error={errors.lang} required hint={t('news.field.lang_hint')}>
          <select id="lang" name="lang" disabled={fixedLang !== undefined} aria-describedby={errors.lang ? 'lang-hint lang-error' : 'lang-hint'}>
            {LANGS.map((option) => (
              <option value={option} lang={option} selected={option === chosenLang}>
                {LANG_NAMES[option]}
              </option>
            ))}
          </select>
        </FieldFrame>
        {fixedLang && <input type="hidden" name="lang" value={fixedLang} />}
        <Field ctx={ctx} name="title" label={labels.title} errors={errors} value={str(v.title)} required />
        {area('summary', 3, true, t('news.field.summary_hint'))}
        {area('body', 10, false, t('news.field.body_hint'))}
        <Field ctx={ctx} name="link" type="url" label={labels.link} errors={errors} value={str(v.link)} hint={t('news.field.link_hint')} />
        <FieldFrame ctx={ctx} name="image" label={labels.image} error={errors.image} hint={t(hasImage ? 'news.field.image_replace_hint' : 'news.field.image_hint')}>
          <input type="file" id="image" name="image" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby={errors.image ? 'image-hint image-error' : 'image-hint'} />
        </FieldFrame>
        <Field ctx={ctx} name="image_alt" label={labels.image_alt} errors={errors} value={str(v.image_alt)} hint={t('news.field.image_alt_hint')} />
        <button type="submit">{t('news.submit')}</button>
      </form>
    </>
  );
}

export function MySubmissionsPage({ ctx, rows, notice }: {
  ctx: PageContext;
  rows: { id: number; slug: string; title: Translatable; status: string; updated_at: Date }[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('news.mine_title')}</h1>
      {notice && (
        <p class="success" role="status">
          {t(notice)}
        </p>
      )}
      <p>
        <a href={`/${lang}/news/submit`}>{t('news.submit_link')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t('news.mine_empty')}</p>
      ) : (
        <ScrollingTable captionId="mine-caption">
          <caption id="mine-caption">{t('news.mine_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('news.field.title')}</th>
              <th scope="col">{t('news.status')}</th>
              <th scope="col">{t('news.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">
                  {row.status === 'accepted' ? <a href={`/${lang}/news/${row.slug}`}>{textOf(row.title, lang)}</a> : textOf(row.title, lang)}
                </th>
                <td>
                  {t(`news.status.${row.status}`)}
                  {row.status === 'changes_requested' && (
                    <>
                      {' · '}
                      <a href={`/${lang}/news/submissions/${row.id}/edit`}>{t('news.edit_link')}</a>
                    </>
                  )}
                </td>
                <td>{t.date(row.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}
