import { dateInZone } from '../../admin/model.ts';
import { LANGS, type Lang } from '../../../i18n/langs.ts';
import { textOf, type Translatable } from '../../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame, ScrollingTable } from '../../../web/components.tsx';
import type { FieldErrors } from '../../../web/forms.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { ReviewSummary } from '../../scores.ts';
import type { Values } from '../forms.ts';
import type { Phase } from '../phase.ts';
import type { CategoryView } from './review-page.tsx';

export const adminReviewPath = (lang: Lang, slug: string, rest = '') => `/${lang}/admin/calls/${slug}/review${rest}`;

export interface ReviewerProgress { id: number; email: string; name: string; languages: string[]; cap: number; organisation_name: string | null; city: string | null; assigned: number | null; done: number | null }
export interface AssignmentRow { id: number; title: Translatable | null; source_lang: string | null; organisation_name: string | null; city: string | null; reviewers: number[] | null }

export interface AdminReviewProps {
  ctx: PageContext;
  slug: string;
  callTitle: string;
  /** The call's IANA zone: phase dates are entered and shown in it. */
  timeZone: string;
  phases: Phase[];
  categories: CategoryView[];
  reviewers: ReviewerProgress[];
  assignments: AssignmentRow[];
  summaries: Map<number, ReviewSummary>;
  /** The form that failed (its name) with its errors and values, or a message after a change. */
  failed?: { form: string; errors: FieldErrors; values: Values };
  message?: string;
}

function Post({ ctx, action, label, children }: { ctx: PageContext; action: string; label: string; children?: preact.ComponentChildren }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField ctx={ctx} />
      {children}
      <button type="submit">{label}</button>
    </form>
  );
}

function errorsOf(props: AdminReviewProps, form: string) {
  return props.failed?.form === form ? props.failed : { errors: {} as FieldErrors, values: {} as Values };
}
const v = (values: Values, name: string, fallback = '') => (typeof values[name] === 'string' ? (values[name] as string) : fallback);

function Phases(props: AdminReviewProps) {
  const { ctx, slug, phases, timeZone } = props;
  const { t, lang } = ctx;
  const { errors, values } = errorsOf(props, 'phase');
  const labels = { name: t('calls_review.phase_name'), opens_at: t('calls_review.opens_at'), closes_at: t('calls_review.closes_at'), others_reviews: t('calls_review.others_rule') };
  return (
    <section aria-labelledby="phases-heading">
      <h2 id="phases-heading">{t('calls_review.phases_title')}</h2>
      {phases.length === 0 ? <p>{t('calls_review.phases_none')}</p> : (
        <ul>
          {phases.map((p) => (
            <li>
              {p.name}: {dateInZone(p.opens_at, timeZone, lang)} – {dateInZone(p.closes_at, timeZone, lang)} · {t(p.reviewers_see_names ? 'calls_review.names_shown' : 'calls_review.names_hidden')} · {t(`calls_review.others.${p.others_reviews}`)}{' '}
              <Post ctx={ctx} action={adminReviewPath(lang, slug, `/phases/${p.id}/delete`)} label={t('calls_review.delete')} />
            </li>
          ))}
        </ul>
      )}
      <h3>{t('calls_review.phase_add')}</h3>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={adminReviewPath(lang, slug, '/phases')} novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="name" label={labels.name} errors={errors} value={v(values, 'name')} required />
        <Field ctx={ctx} name="opens_at" label={labels.opens_at} errors={errors} value={v(values, 'opens_at')} required hint={t('calls_review.date_hint', { zone: timeZone })} />
        <Field ctx={ctx} name="closes_at" label={labels.closes_at} errors={errors} value={v(values, 'closes_at')} required hint={t('calls_review.date_hint', { zone: timeZone })} />
        <div class="field"><label><input type="checkbox" name="see_names" value="1" checked={v(values, 'see_names') === '1'} /> {t('calls_review.see_names')}</label></div>
        <FieldFrame ctx={ctx} name="others_reviews" label={labels.others_reviews} error={errors.others_reviews}>
          <select id="others_reviews" name="others_reviews">
            {(['never', 'after_own', 'always'] as const).map((rule) => <option value={rule} selected={v(values, 'others_reviews', 'after_own') === rule}>{t(`calls_review.others.${rule}`)}</option>)}
          </select>
        </FieldFrame>
        <button type="submit">{t('calls_review.phase_add')}</button>
      </form>
    </section>
  );
}

function Categories(props: AdminReviewProps) {
  const { ctx, slug, categories } = props;
  const { t, lang } = ctx;
  const { errors, values } = errorsOf(props, 'category');
  const labels: Record<string, string> = { weight: t('calls_review.weight'), min_score: t('calls_review.min_score'), max_score: t('calls_review.max_score'), source: t('calls_review.source_lang') };
  for (const l of LANGS) labels[`label_${l}`] = t('calls_review.category_label', { lang: t.langName(l) });
  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('calls_review.categories_title')}</h2>
      {categories.length === 0 ? <p>{t('calls_review.categories_none')}</p> : (
        <ul>
          {categories.map((c) => (
            <li>
              {textOf(c.label, lang)} · {t('calls_review.category_line', { weight: t.number(Number(c.weight)), min: c.min_score, max: c.max_score })}
              {c.required ? ` · ${t('calls_review.required')}` : ''}{' '}
              <Post ctx={ctx} action={adminReviewPath(lang, slug, `/categories/${c.id}/delete`)} label={t('calls_review.delete')} />
            </li>
          ))}
        </ul>
      )}
      <h3>{t('calls_review.category_add')}</h3>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={adminReviewPath(lang, slug, '/categories')} novalidate>
        <CsrfField ctx={ctx} />
        <FieldFrame ctx={ctx} name="source" label={labels.source!}>
          <select id="source" name="source">{LANGS.map((l) => <option value={l} selected={v(values, 'source', lang) === l}>{t.langName(l)}</option>)}</select>
        </FieldFrame>
        {LANGS.map((l) => <Field ctx={ctx} name={`label_${l}`} label={labels[`label_${l}`]!} errors={errors} value={v(values, `label_${l}`)} />)}
        <Field ctx={ctx} name="weight" label={labels.weight!} errors={errors} value={v(values, 'weight', '1')} required />
        <Field ctx={ctx} name="min_score" label={labels.min_score!} errors={errors} value={v(values, 'min_score', '0')} required />
        <Field ctx={ctx} name="max_score" label={labels.max_score!} errors={errors} value={v(values, 'max_score', '5')} required />
        <div class="field"><label><input type="checkbox" name="required" value="1" checked={!props.failed || v(values, 'required') === '1'} /> {t('calls_review.required')}</label></div>
        <button type="submit">{t('calls_review.category_add')}</button>
      </form>
    </section>
  );
}

function Reviewers(props: AdminReviewProps) {
  const { ctx, slug, reviewers } = props;
  const { t, lang } = ctx;
  const { errors, values } = errorsOf(props, 'invite');
  const chosen = [values.languages ?? []].flat();
  const labels: Record<string, string> = {
    email: t('calls_review.email'), name: t('calls_review.reviewer_name'), languages: t('calls_review.reads'), cap: t('calls_review.cap'),
    organisation: t('calls_review.organisation'), city: t('calls_review.city'), country: t('calls_review.country'),
    conflict_organisations: t('calls_review.conflict_organisations'), conflict_submissions: t('calls_review.conflict_submissions'),
  };
  return (
    <section aria-labelledby="reviewers-heading">
      <h2 id="reviewers-heading">{t('calls_review.reviewers_title')}</h2>
      {reviewers.length === 0 ? <p>{t('calls_review.reviewers_none')}</p> : (
        <ScrollingTable captionId="progress-caption">
          <caption id="progress-caption">{t('calls_review.progress_caption')}</caption>
          <thead><tr><th scope="col">{t('calls_review.reviewer')}</th><th scope="col">{t('calls_review.reads')}</th><th scope="col">{t('calls_review.col_assigned')}</th><th scope="col">{t('calls_review.col_done')}</th><th scope="col">{t('calls_review.cap')}</th><th scope="col">{t('calls_review.actions')}</th></tr></thead>
          <tbody>
            {reviewers.map((r) => (
              <tr>
                <td>{r.name} ({r.email}){r.organisation_name ? ` · ${r.organisation_name}` : ''}{r.city ? ` · ${r.city}` : ''}</td>
                <td>{r.languages.map((l) => t.langName(l as Lang)).join(', ')}</td>
                <td>{r.assigned ?? 0}</td>
                <td>{r.done ?? 0}</td>
                <td>{r.cap}</td>
                <td><Post ctx={ctx} action={adminReviewPath(lang, slug, `/reviewers/${r.id}/delete`)} label={t('calls_review.uninvite')} /></td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <h3>{t('calls_review.invite')}</h3>
      <p>{t('calls_review.invite_intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={adminReviewPath(lang, slug, '/reviewers')} novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="email" type="email" label={labels.email!} errors={errors} value={v(values, 'email')} required autocomplete="off" />
        <Field ctx={ctx} name="name" label={labels.name!} errors={errors} value={v(values, 'name')} />
        <fieldset id="languages" aria-describedby={errors.languages ? 'languages-error' : undefined}>
          <legend>{labels.languages}</legend>
          {errors.languages && <p class="field-error" id="languages-error">{t(errors.languages)}</p>}
          {LANGS.map((l) => <label><input type="checkbox" name="languages" value={l} checked={chosen.includes(l)} /> {t.langName(l)}</label>)}
        </fieldset>
        <FieldFrame ctx={ctx} name="lang" label={t('calls_review.mail_lang')}>
          <select id="lang" name="lang">{LANGS.map((l) => <option value={l} selected={v(values, 'lang', lang) === l}>{t.langName(l)}</option>)}</select>
        </FieldFrame>
        <Field ctx={ctx} name="cap" label={labels.cap!} errors={errors} value={v(values, 'cap', '30')} required />
        <Field ctx={ctx} name="organisation" label={labels.organisation!} errors={errors} value={v(values, 'organisation')} />
        <Field ctx={ctx} name="city" label={labels.city!} errors={errors} value={v(values, 'city')} />
        <Field ctx={ctx} name="country" label={labels.country!} errors={errors} value={v(values, 'country')} hint={t('calls_review.country_hint')} />
        <FieldFrame ctx={ctx} name="conflict_organisations" label={labels.conflict_organisations!} error={errors.conflict_organisations} hint={t('calls_review.one_per_line')}>
          <textarea id="conflict_organisations" name="conflict_organisations" rows={3} aria-describedby="conflict_organisations-hint">{v(values, 'conflict_organisations')}</textarea>
        </FieldFrame>
        <FieldFrame ctx={ctx} name="conflict_submissions" label={labels.conflict_submissions!} error={errors.conflict_submissions} hint={t('calls_review.numbers_hint')}>
          <textarea id="conflict_submissions" name="conflict_submissions" rows={2} aria-invalid={errors.conflict_submissions ? 'true' : undefined} aria-describedby={`conflict_submissions-hint${errors.conflict_submissions ? ' conflict_submissions-error' : ''}`}>{v(values, 'conflict_submissions')}</textarea>
        </FieldFrame>
        <button type="submit">{t('calls_review.invite')}</button>
      </form>
    </section>
  );
}

function Assignments(props: AdminReviewProps) {
  const { ctx, slug, assignments, reviewers, summaries } = props;
  const { t, lang } = ctx;
  const auto = errorsOf(props, 'auto');
  const manual = errorsOf(props, 'assignment');
  const names = new Map(reviewers.map((r) => [r.id, r.name]));
  return (
    <section aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('calls_review.assign_title')}</h2>
      <p>{t('calls_review.assign_intro')}</p>
      <ErrorSummary ctx={ctx} errors={auto.errors} labels={{ per_submission: t('calls_review.per_submission') }} />
      <form method="post" action={adminReviewPath(lang, slug, '/assign')} novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="per_submission" label={t('calls_review.per_submission')} errors={auto.errors} value={v(auto.values, 'per_submission', '3')} required />
        <button type="submit">{t('calls_review.assign_run')}</button>
      </form>
      <h3>{t('calls_review.assign_manual')}</h3>
      <ErrorSummary ctx={ctx} errors={manual.errors} labels={{ submission_id: t('calls_review.col_number'), reviewer_id: t('calls_review.reviewer') }} />
      <form method="post" action={adminReviewPath(lang, slug, '/assignments')} novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="submission_id" label={t('calls_review.col_number')} errors={manual.errors} value={v(manual.values, 'submission_id')} required />
        <FieldFrame ctx={ctx} name="reviewer_id" label={t('calls_review.reviewer')} error={manual.errors.reviewer_id}>
          <select id="reviewer_id" name="reviewer_id">{reviewers.map((r) => <option value={String(r.id)}>{r.name} ({r.email})</option>)}</select>
        </FieldFrame>
        <button type="submit">{t('calls_review.assign_add')}</button>
      </form>
      <ScrollingTable captionId="assignments-caption">
        <caption id="assignments-caption">{t('calls_review.assignments_caption', { count: assignments.length })}</caption>
        <thead><tr><th scope="col">{t('calls_review.col_number')}</th><th scope="col">{t('calls_review.col_title')}</th><th scope="col">{t('calls_review.col_language')}</th><th scope="col">{t('calls_review.reviewers_title')}</th><th scope="col">{t('calls_review.col_summary')}</th></tr></thead>
        <tbody>
          {assignments.map((a) => {
            const s = summaries.get(a.id);
            return (
              <tr>
                <td>{a.id}</td>
                <td>{textOf(a.title, lang)}</td>
                <td>{a.source_lang ? t.langName(a.source_lang as Lang) : ''}</td>
                <td>
                  {(a.reviewers ?? []).map((id) => (
                    <span class="assignee">{names.get(id) ?? id}{' '}
                      <Post ctx={ctx} action={adminReviewPath(lang, slug, '/assignments/delete')} label={t('calls_review.remove_named', { name: names.get(id) ?? String(id) })}>
                        <input type="hidden" name="submission_id" value={String(a.id)} />
                        <input type="hidden" name="reviewer_id" value={String(id)} />
                      </Post>
                    </span>
                  ))}
                </td>
                <td>{s ? <>{t.plural('calls_review.summary', s.count, { mean: t.number(s.mean), median: t.number(s.median) })}{s.disagree && <strong> {t('calls_review.disagree')}</strong>}</> : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollingTable>
    </section>
  );
}

export function AdminReviewPage(props: AdminReviewProps) {
  const { ctx, slug, callTitle, message } = props;
  const { t, lang } = ctx;
  return (
    <div class="call-review-admin">
      <h1>{t('calls_review.admin_title', { call: callTitle })}</h1>
      <p><a href={`/${lang}/admin/calls/${slug}`}>{t('calls_review.back_to_call')}</a></p>
      {message && <p class="notice" role="status">{message}</p>}
      <Phases {...props} />
      <Categories {...props} />
      <Reviewers {...props} />
      <Assignments {...props} />
    </div>
  );
}
