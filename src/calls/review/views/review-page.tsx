import type { Lang } from '../../../i18n/langs.ts';
import { textOf, type Translatable } from '../../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, FieldFrame } from '../../../web/components.tsx';
import type { FieldErrors } from '../../../web/forms.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { ReviewSummary } from '../../scores.ts';
import type { ReviewCopy } from '../blind.ts';
import { DECISIONS, type Values } from '../forms.ts';
import type { ShownVersion } from '../language.ts';
import type { PhaseState } from '../phase.ts';
import type { Review } from '../reviews.ts';
import { PhaseNotice, reviewsPath } from './reviewer.tsx';

export interface CategoryView { id: number; label: Translatable; required: boolean; min_score: number; max_score: number; weight: string }
export interface OthersView { shown: boolean; rule: PhaseState['others']; reviews: Pick<Review, 'scores' | 'total' | 'comment' | 'proposed_decision'>[]; summary: ReviewSummary | null }

export interface QuestionView { id: number; kind: string; label: Translatable; choices: unknown }

export interface ReviewPageProps {
  ctx: PageContext;
  slug: string;
  copy: ReviewCopy;
  version: ShownVersion;
  state: PhaseState;
  categories: CategoryView[];
  /** The call's own questions: the submission's answers are shown under them (kept on a blind copy). */
  questions: QuestionView[];
  mine: Review | undefined;
  others: OthersView;
  progress: { done: number; total: number };
  errors?: FieldErrors;
  values?: Values;
  /** A save from a stale form: the review another tab saved, shown beside the unsaved one. */
  stale?: Review;
  saved?: boolean;
}

/** An answer as the submitter chose it: a choice by its label in the reader's language. */
function answerText(ctx: PageContext, question: QuestionView, answer: unknown): string {
  if (question.kind === 'choice' && Array.isArray(question.choices)) {
    const choice = (question.choices as { value?: unknown; label?: Translatable }[]).find((c) => c.value === answer);
    if (choice?.label) return textOf(choice.label, ctx.lang);
  }
  return typeof answer === 'number' ? ctx.t.number(answer) : String(answer);
}

function Answers({ ctx, copy, questions }: Pick<ReviewPageProps, 'ctx' | 'copy' | 'questions'>) {
  const answered = questions.filter((q) => copy.answers[String(q.id)] !== undefined && copy.answers[String(q.id)] !== '');
  if (answered.length === 0) return null;
  return (
    <dl class="submission-answers">
      {answered.map((q) => <><dt>{textOf(q.label, ctx.lang)}</dt><dd>{answerText(ctx, q, copy.answers[String(q.id)])}</dd></>)}
    </dl>
  );
}

function SubmissionText({ ctx, slug, copy, version, questions }: Pick<ReviewPageProps, 'ctx' | 'slug' | 'copy' | 'version' | 'questions'>) {
  const { t, lang } = ctx;
  const url = reviewsPath(lang, slug, copy.id);
  const label = version.status === 'original'
    ? t('calls_review.shown_original', { lang: t.langName(version.source) })
    : version.status === 'machine'
      ? t('calls_review.shown_machine', { source: t.langName(version.source) })
      : version.status === 'outdated'
        ? t('calls_review.shown_outdated', { source: t.langName(version.source) })
        : t('calls_review.shown_human', { source: t.langName(version.source) });
  return (
    <section aria-labelledby="submission-heading">
      <h2 id="submission-heading" lang={version.lang === lang ? undefined : version.lang}>{version.title || `#${copy.id}`}</h2>
      <p class="content-notice" role="note">
        {label}{' '}
        {version.hasTranslation && (version.status === 'original'
          ? <a href={url}>{t('calls_review.show_translation', { lang: t.langName(lang) })}</a>
          : <a href={`${url}?original=1`}>{t('calls_review.show_original', { lang: t.langName(version.source) })}</a>)}
      </p>
      <div lang={version.lang === lang ? undefined : version.lang} class="submission-summary">
        {version.summary.split(/\n{2,}/).map((paragraph) => <p>{paragraph}</p>)}
      </div>
      <dl>
        <dt>{t('calls_review.place')}</dt><dd>{[copy.city, copy.country].filter(Boolean).join(', ') || '—'}</dd>
        {copy.themes.length > 0 && <><dt>{t('calls_review.themes')}</dt><dd>{copy.themes.join(', ')}</dd></>}
        {copy.names && <>
          <dt>{t('calls_review.organisation')}</dt><dd>{copy.names.organisation ?? '—'}</dd>
          <dt>{t('calls_review.presenters')}</dt>
          <dd><ul>{copy.names.presenters.map((p) => <li>{[p.name, p.role, p.organisation].filter(Boolean).join(', ')}</li>)}</ul></dd>
          <dt>{t('calls_review.email')}</dt><dd>{copy.names.email}</dd>
          {copy.names.links.length > 0 && <><dt>{t('calls_review.links')}</dt><dd><ul>{copy.names.links.map((link) => <li>{link}</li>)}</ul></dd></>}
          {copy.names.files.length > 0 && <><dt>{t('calls_review.files')}</dt><dd><ul>{copy.names.files.map((file) => <li>{file}</li>)}</ul></dd></>}
        </>}
      </dl>
      <Answers ctx={ctx} copy={copy} questions={questions} />
      {!copy.names && <p class="notice">{t('calls_review.blind_notice')}</p>}
    </section>
  );
}

function decisionName(ctx: PageContext, decision: string | null) {
  return decision ? ctx.t(`calls_review.decision.${decision}`) : '—';
}

function Others({ ctx, others }: { ctx: PageContext; others: OthersView }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="others-heading">
      <h2 id="others-heading">{t('calls_review.others_title')}</h2>
      {!others.shown ? <p>{t(others.rule === 'never' ? 'calls_review.others_never' : 'calls_review.others_after_own')}</p> : (
        <>
          {others.summary && (
            <p id="summary">
              {t.plural('calls_review.summary', others.summary.count, { mean: t.number(others.summary.mean), median: t.number(others.summary.median) })}
              {others.summary.disagree && <strong> {t('calls_review.disagree')}</strong>}
            </p>
          )}
          {others.reviews.length === 0 ? <p>{t('calls_review.others_none')}</p> : (
            <ol class="other-reviews">
              {others.reviews.map((review, index) => (
                <li>
                  <p>{t('calls_review.other_reviewer', { n: index + 1 })}: {t('calls_review.total', { total: review.total === null ? '—' : t.number(Number(review.total)) })}, {decisionName(ctx, review.proposed_decision)}</p>
                  {review.comment && <p>{review.comment}</p>}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function StaleNotice({ ctx, stale, categories }: { ctx: PageContext; stale: Review; categories: CategoryView[] }) {
  const { t, lang } = ctx;
  return (
    <section class="error-summary" role="alert" aria-labelledby="stale-heading">
      <h2 id="stale-heading">{t('calls_review.stale_title')}</h2>
      <p>{t('calls_review.stale_text')}</p>
      <h3>{t('calls_review.stale_saved')}</h3>
      <ul>
        {categories.map((c) => <li>{textOf(c.label, lang)}: {stale.scores[String(c.id)] ?? '—'}</li>)}
        <li>{t('calls_review.decision_label')}: {decisionName(ctx, stale.proposed_decision)}</li>
        <li>{t('calls_review.comment')}: {stale.comment ?? '—'}</li>
      </ul>
      <p>{t('calls_review.stale_yours')}</p>
    </section>
  );
}

function ScoreForm(props: ReviewPageProps) {
  const { ctx, slug, copy, categories, mine, errors = {}, values, stale } = props;
  const { t, lang } = ctx;
  const value = (name: string, stored: string) => (values && typeof values[name] === 'string' ? (values[name] as string) : stored);
  const labels: Record<string, string> = { comment: t('calls_review.comment'), proposed_decision: t('calls_review.decision_label') };
  for (const c of categories) labels[`score_${c.id}`] = textOf(c.label, lang);
  const version = stale ? stale.version : mine?.version ?? 0;
  const decision = value('proposed_decision', mine?.proposed_decision ?? '');
  return (
    <section aria-labelledby="form-heading">
      <h2 id="form-heading">{t('calls_review.form_title')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={reviewsPath(lang, slug, copy.id)} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(version)} />
        {categories.map((c) => {
          const name = `score_${c.id}`;
          const hint = t('calls_review.score_hint', { min: c.min_score, max: c.max_score, weight: t.number(Number(c.weight)) });
          return (
            <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]} required={c.required} hint={hint}>
              <input id={name} name={name} type="number" inputmode="numeric" min={c.min_score} max={c.max_score} step={1} required={c.required}
                value={value(name, mine?.scores[String(c.id)] === undefined ? '' : String(mine.scores[String(c.id)]))}
                aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={[`${name}-hint`, errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ')} />
            </FieldFrame>
          );
        })}
        <FieldFrame ctx={ctx} name="comment" label={labels.comment!} error={errors.comment}>
          <textarea id="comment" name="comment" rows={6} aria-invalid={errors.comment ? 'true' : undefined} aria-describedby={errors.comment ? 'comment-error' : undefined}>{value('comment', mine?.comment ?? '')}</textarea>
        </FieldFrame>
        <FieldFrame ctx={ctx} name="proposed_decision" label={labels.proposed_decision!} error={errors.proposed_decision}>
          <select id="proposed_decision" name="proposed_decision" aria-describedby={errors.proposed_decision ? 'proposed_decision-error' : undefined}>
            <option value="" selected={!decision}>{t('calls_review.decision.none')}</option>
            {DECISIONS.map((d) => <option value={d} selected={decision === d}>{t(`calls_review.decision.${d}`)}</option>)}
          </select>
        </FieldFrame>
        <div class="form-actions">
          <button type="submit" name="next" value="0">{t('calls_review.save')}</button>{' '}
          <button type="submit" name="next" value="1">{t('calls_review.save_next')}</button>
        </div>
      </form>
    </section>
  );
}

function ReadOnlyReview({ ctx, categories, mine, errors = {} }: Pick<ReviewPageProps, 'ctx' | 'categories' | 'mine' | 'errors'>) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="form-heading">
      <h2 id="form-heading">{t('calls_review.yours_title')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} labels={{}} />
      {!mine ? <p>{t('calls_review.yours_none')}</p> : (
        <ul>
          {categories.map((c) => <li>{textOf(c.label, lang)}: {mine.scores[String(c.id)] ?? '—'}</li>)}
          <li>{t('calls_review.decision_label')}: {decisionName(ctx, mine.proposed_decision)}</li>
          <li>{t('calls_review.comment')}: {mine.comment ?? '—'}</li>
        </ul>
      )}
    </section>
  );
}

export function ReviewPage(props: ReviewPageProps) {
  const { ctx, slug, state, progress, saved, stale } = props;
  const { t, lang } = ctx;
  return (
    <div class="review-page">
      <p><a href={reviewsPath(lang, slug)}>{t('calls_review.back_to_list')}</a></p>
      <h1>{t('calls_review.review_title', { n: props.copy.id })}</h1>
      <p id="progress">{t('calls_review.progress', { done: progress.done, total: progress.total })}</p>
      <PhaseNotice ctx={ctx} state={state} />
      {saved && <p class="notice" role="status">{t('calls_review.saved')}</p>}
      {stale && <StaleNotice ctx={ctx} stale={stale} categories={props.categories} />}
      <SubmissionText {...props} />
      <Others ctx={ctx} others={props.others} />
      {state.open ? <ScoreForm {...props} /> : <ReadOnlyReview {...props} />}
    </div>
  );
}
