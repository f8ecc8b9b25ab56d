import type { Lang } from '../../i18n/langs.ts';
import { sourceLang, textOf, type Translatable } from '../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, FieldFrame, ScrollingTable, TranslationsForm, type TranslationWords } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import { LocalParagraphs } from './parts.tsx';

export function NewsQueuePage({ ctx, rows }: {
  ctx: PageContext;
  rows: { id: number; title: Translatable; kind: string; status: string; updated_at: Date; submitter_email: string | null; submitter_name: string | null }[];
}) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('news.admin.title')}</h1>
      <p>
        <a href={`/${lang}/admin/news/new`}>{t('news.admin.new_announcement')}</a>
      </p>
      <ScrollingTable captionId="news-queue-caption">
        <caption id="news-queue-caption">{t('news.admin.queue_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('news.field.title')}</th>
            <th scope="col">{t('news.status')}</th>
            <th scope="col">{t('news.admin.submitter')}</th>
            <th scope="col">{t('news.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={`/${lang}/admin/news/${row.id}`}>{textOf(row.title, lang)}</a>
              </th>
              <td>{`${t(`news.status.${row.status}`)}${row.kind === 'announcement' ? ` · ${t('news.kind.announcement')}` : ''}`}</td>
              <td>{row.submitter_name || row.submitter_email || '—'}</td>
              <td>{t.date(row.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </>
  );
}

interface ReviewItem {
  id: number;
  slug: string;
  kind: string;
  status: string;
  title: Translatable;
  summary: Translatable;
  body: Translatable;
  image_key: string | null;
  image_alt: Translatable;
  link: string | null;
  source_lang: string;
}

export function NewsReviewPage({ ctx, item, reviews, errors = {}, values = {} }: {
  ctx: PageContext;
  item: ReviewItem;
  reviews: { action: string; comment: string; at: Date; reviewer_name: string | null; reviewer_email: string | null }[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}) {
  const { t, lang } = ctx;
  const labels = { action: t('news.admin.decision'), comment: t('news.admin.comment') };
  const decisions = item.status === 'submitted' ? ['accept', 'request_changes', 'decline', 'comment'] : item.status === 'changes_requested' ? ['accept', 'decline', 'comment'] : ['comment'];
  const chosen = typeof values.action === 'string' ? values.action : decisions[0];
  return (
    <>
      <h1>{textOf(item.title, lang)}</h1>
      <p class="meta">{`${t(`news.status.${item.status}`)} · ${t.langName(item.source_lang as Lang)}`}</p>
      <p>
        <a href={`/${lang}/admin/news`}>{t('news.admin.back')}</a>
        {' · '}
        <a href={`/${lang}/admin/news/${item.id}/texts`}>{t('news.admin.texts_link')}</a>
        {item.status === 'accepted' && (
          <>
            {' · '}
            <a href={`/${lang}/news/${item.slug}`}>{t('news.admin.public_link')}</a>
          </>
        )}
      </p>
      <section class="card" aria-labelledby="submitted-text">
        <h2 id="submitted-text">{t('news.admin.submitted_text')}</h2>
        <p>
          <strong>{textOf(item.summary, lang)}</strong>
        </p>
        <LocalParagraphs ctx={ctx} field={item.body} />
        {item.image_key && <img class="news-image" src={`/${lang}/admin/news/${item.id}/image`} alt={textOf(item.image_alt, lang)} />}
        {item.link && (
          <p>
            <a href={item.link} rel="noopener noreferrer external">{item.link}</a>
          </p>
        )}
      </section>
      <h2>{t('news.admin.thread')}</h2>
      <ol>
        {reviews.map((review) => (
          <li>
            <p class="meta">{`${t(`news.action.${review.action}`)} · ${review.reviewer_name || review.reviewer_email || '—'} · ${t.date(review.at)}`}</p>
            {review.comment && <p>{review.comment}</p>}
          </li>
        ))}
      </ol>
      <h2>{t('news.admin.decide')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`/${lang}/admin/news/${item.id}/review`} novalidate>
        <CsrfField ctx={ctx} />
        <fieldset class={errors.action ? 'field has-error' : 'field'}>
          <legend>{labels.action}</legend>
          {decisions.map((decision, index) => (
            <label class="check">
              <input type="radio" name="action" id={index === 0 ? 'action' : `action-${decision}`} value={decision} checked={chosen === decision} /> {t(`news.admin.decision.${decision}`)}
            </label>
          ))}
        </fieldset>
        <FieldFrame ctx={ctx} name="comment" label={labels.comment} error={errors.comment} hint={t('news.admin.comment_hint')}>
          <textarea id="comment" name="comment" rows={4} aria-invalid={errors.comment ? 'true' : undefined} aria-describedby={errors.comment ? 'comment-hint comment-error' : 'comment-hint'}>
            {typeof values.comment === 'string' ? values.comment : ''}
          </textarea>
        </FieldFrame>
        <button type="submit">{t('news.admin.record')}</button>
      </form>
    </>
  );
}

const TEXT_WORDS: TranslationWords = {
  statusLabel: 'news.texts.status',
  statusNow: 'news.texts.status_now',
  statuses: {
    original: 'news.texts.status.original', human: 'news.texts.status.human', machine: 'news.texts.status.machine',
    outdated: 'news.texts.status.outdated', missing: 'news.texts.status.missing',
  },
  keepOutdated: 'news.texts.keep_outdated',
  save: 'news.texts.save',
};

export function NewsTextsPage({ ctx, item, errors = {}, values, saved }: {
  ctx: PageContext;
  item: { id: number; title: Translatable; summary: Translatable; body: Translatable; image_alt: Translatable; image_key: string | null };
  errors?: FieldErrors;
  values: Record<string, unknown>;
  saved: boolean;
}) {
  const { t, lang } = ctx;
  const source = sourceLang(item.title) ?? 'en';
  const fields = [
    { name: 'title', label: 'news.texts.title', required: true },
    { name: 'summary', label: 'news.texts.summary', rows: 3, required: true },
    { name: 'body', label: 'news.texts.body', rows: 8 },
    ...(item.image_key ? [{ name: 'image_alt', label: 'news.texts.image_alt' }] : []),
  ];
  return (
    <>
      <h1>{t('news.texts.heading', { title: textOf(item.title, lang) })}</h1>
      <p>
        <a href={`/${lang}/admin/news/${item.id}`}>{t('news.texts.back')}</a>
      </p>
      {saved && (
        <p class="success" role="status">
          {t('news.texts.saved')}
        </p>
      )}
      <p class="hint">{t('news.texts.hint', { lang: t.langName(source) })}</p>
      <TranslationsForm ctx={ctx} action={`/${lang}/admin/news/${item.id}/texts`} source={source}
        texts={[item.title, item.summary, item.body, item.image_alt]} fields={fields} words={TEXT_WORDS} errors={errors} values={values} />
    </>
  );
}
