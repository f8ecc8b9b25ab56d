import { dateInZone } from '../../admin/model.ts';
import type { Lang } from '../../../i18n/langs.ts';
import { textOf, type Translatable } from '../../../i18n/translatable.ts';
import { ScrollingTable } from '../../../web/components.tsx';
import { Pagination } from '../../../web/listing.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { PhaseState } from '../phase.ts';

export const reviewsPath = (lang: Lang, slug?: string, id?: number) => `/${lang}/reviews${slug ? `/${slug}` : ''}${id ? `/${id}` : ''}`;

/** The named message of a read-only phase; null while a phase is open. */
export function PhaseNotice({ ctx, state }: { ctx: PageContext; state: PhaseState }) {
  const { t, lang } = ctx;
  const when = (at: Date) => dateInZone(at, state.timeZone, lang);
  if (state.open) {
    return <p class="notice">{t('calls_review.phase_open', { name: state.phase!.name, date: when(state.phase!.closes_at) })}</p>;
  }
  const message = state.reason === 'none'
    ? t('calls_review.readonly_none')
    : state.reason === 'not_yet'
      ? t('calls_review.readonly_not_yet', { name: state.phase!.name, date: when(state.phase!.opens_at) })
      : t('calls_review.readonly_closed', { name: state.phase!.name, date: when(state.phase!.closes_at) });
  return <p class="notice" role="status" id="readonly-notice">{message}</p>;
}

export function ReviewerHome({ ctx, calls }: { ctx: PageContext; calls: { slug: string; title: Translatable; assigned: number | null; done: number | null }[] }) {
  const { t, lang } = ctx;
  return (
    <div class="reviews-home">
      <h1>{t('calls_review.home_title')}</h1>
      {calls.length === 0 ? <p>{t('calls_review.home_none')}</p> : (
        <ul>
          {calls.map((call) => (
            <li>
              <a href={reviewsPath(lang, call.slug)}>{textOf(call.title, lang)}</a>{' '}
              — {t('calls_review.progress', { done: call.done ?? 0, total: call.assigned ?? 0 })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface AssignedRow { id: number; title: Translatable | null; source_lang: string | null; city: string | null; country: string | null; reviewed_at: Date | null }

export function AssignedList({ ctx, slug, callTitle, rows, progress, page, pageSize, state, allDone }: {
  ctx: PageContext; slug: string; callTitle: string; rows: AssignedRow[]; progress: { done: number; total: number };
  page: number; pageSize: number; state: PhaseState; allDone: boolean;
}) {
  const { t, lang } = ctx;
  return (
    <div class="reviews-list">
      <h1>{t('calls_review.list_title', { call: callTitle })}</h1>
      <p><a href={reviewsPath(lang)}>{t('calls_review.home_title')}</a></p>
      <PhaseNotice ctx={ctx} state={state} />
      {allDone && <p class="notice" role="status">{t('calls_review.all_done')}</p>}
      <p id="progress">{t('calls_review.progress', progress)}</p>
      {rows.length === 0 ? <p>{t('calls_review.list_none')}</p> : (
        <ScrollingTable captionId="assigned-caption">
          <caption id="assigned-caption">{t('calls_review.list_caption')}</caption>
          <thead><tr><th scope="col">{t('calls_review.col_number')}</th><th scope="col">{t('calls_review.col_title')}</th><th scope="col">{t('calls_review.col_language')}</th><th scope="col">{t('calls_review.col_place')}</th><th scope="col">{t('calls_review.col_yours')}</th></tr></thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>{row.id}</td>
                <td><a href={reviewsPath(lang, slug, row.id)}>{textOf(row.title, lang) || `#${row.id}`}</a></td>
                <td>{row.source_lang ? t.langName(row.source_lang as Lang) : ''}</td>
                <td>{[row.city, row.country].filter(Boolean).join(', ')}</td>
                <td>{row.reviewed_at ? t('calls_review.status_done') : t('calls_review.status_todo')}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <Pagination ctx={ctx} total={progress.total} page={page} pageSize={pageSize} path={reviewsPath(lang, slug)} query={new URLSearchParams()} />
    </div>
  );
}
