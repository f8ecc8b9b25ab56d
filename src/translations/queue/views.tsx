import type { Lang } from '../../i18n/langs.ts';
import type { PageContext } from '../../web/page-context.ts';
import { findField, MODULES } from '../fields.ts';
import { encodePosition, UNIT_STATES, type QueueFilter, type QueueItem, type StateCounts } from './queries.ts';

export const unitHref = (lang: Lang, item: { tbl: string; rowKey: string; col: string; lang: string }) =>
  `/${lang}/admin/translations/unit/${item.tbl}/${encodeURIComponent(item.rowKey)}/${item.col}/${item.lang}`;

const withQuery = (path: string, params: URLSearchParams) => (params.size ? `${path}?${params}` : path);

/** Counts per language (rows) and state (columns), each a link into the queue filtered to it. */
export function CountsTable({ ctx, counts, langs }: { ctx: PageContext; counts: StateCounts; langs: Lang[] }) {
  const { t } = ctx;
  return (
    <table class="tr-counts">
      <caption>{t('trq.counts')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('trq.language')}</th>
          {UNIT_STATES.map((state) => (
            <th scope="col">{t(`trq.state.${state}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {langs.map((lang) => (
          <tr>
            <th scope="row">{t.langName(lang)}</th>
            {UNIT_STATES.map((state) => (
              <td data-count={`${lang}-${state}`}>
                <a href={`/${ctx.lang}/admin/translations?lang=${lang}&state=${state}`}>{t.number(counts[lang]?.[state] ?? 0)}</a>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Check({ name, value, label, checked }: { name: string; value: string; label: string; checked: boolean }) {
  const id = `f-${name}-${value}`;
  return (
    <li>
      <input type="checkbox" id={id} name={name} value={value} checked={checked} />
      <label for={id}>{label}</label>
    </li>
  );
}

function FilterBox({ ctx, filter, langs }: { ctx: PageContext; filter: QueueFilter; langs: Lang[] }) {
  const { t } = ctx;
  return (
    <form method="get" action={`/${ctx.lang}/admin/translations`} class="tr-filters">
      <fieldset>
        <legend>{t('trq.filter.language')}</legend>
        <ul class="plain">{langs.map((lang) => <Check name="lang" value={lang} label={t.langName(lang)} checked={filter.langs.includes(lang) && filter.langs.length < langs.length} />)}</ul>
      </fieldset>
      <fieldset>
        <legend>{t('trq.filter.state')}</legend>
        <ul class="plain">{UNIT_STATES.map((state) => <Check name="state" value={state} label={t(`trq.state.${state}`)} checked={filter.states.includes(state)} />)}</ul>
      </fieldset>
      <fieldset>
        <legend>{t('trq.filter.module')}</legend>
        <ul class="plain">{MODULES.map((module) => <Check name="module" value={module} label={t(`trq.module.${module}`)} checked={filter.modules.includes(module)} />)}</ul>
      </fieldset>
      <p>
        <label for="f-age">{t('trq.filter.age')}</label>
        <input id="f-age" name="age" type="number" inputmode="numeric" min="0" max="36500" value={filter.minAgeDays ?? ''} aria-describedby="f-age-hint" />
        <span id="f-age-hint" class="hint">{t('trq.filter.age_hint')}</span>
      </p>
      <button type="submit">{t('trq.filter.apply')}</button>
    </form>
  );
}

export interface QueueView {
  counts: StateCounts;
  langs: Lang[];
  filter: QueueFilter;
  query: URLSearchParams;
  items: QueueItem[];
  more: boolean;
  paged: boolean;
}

/** The translator's workspace: counts, filters, and the units oldest first. */
export function QueuePage({ ctx, view }: { ctx: PageContext; view: QueueView }) {
  const { t } = ctx;
  const base = `/${ctx.lang}/admin/translations`;
  const last = view.items[view.items.length - 1];
  const next = new URLSearchParams(view.query);
  if (last) next.set('after', encodePosition(last));
  return (
    <>
      <h1>{t('trq.title')}</h1>
      <p>
        <a href={`${base}/dashboard`}>{t('trq.dashboard.title')}</a> · <a href={withQuery(`${base}/export`, view.query)}>{t('trq.xliff.export_link')}</a> ·{' '}
        <a href={`${base}/import`}>{t('trq.xliff.import_title')}</a>
      </p>
      <p data-machine="korean">{t('machine.korean')}</p>
      <CountsTable ctx={ctx} counts={view.counts} langs={view.langs} />
      <FilterBox ctx={ctx} filter={view.filter} langs={view.langs} />
      {view.items.length === 0 ? (
        <p role="status">{t('trq.empty')}</p>
      ) : (
        <table class="tr-queue">
          <caption>{t('trq.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trq.col.text')}</th>
              <th scope="col">{t('trq.col.field')}</th>
              <th scope="col">{t('trq.language')}</th>
              <th scope="col">{t('trq.col.state')}</th>
              <th scope="col">{t('trq.col.since')}</th>
            </tr>
          </thead>
          <tbody>
            {view.items.map((item) => (
              <tr data-unit={`${item.tbl}:${item.rowKey}:${item.col}:${item.lang}`}>
                <td>
                  <a href={withQuery(unitHref(ctx.lang, item), view.query)} lang={item.sourceLang}>
                    {item.excerpt}
                  </a>
                </td>
                <td>{t(findField(item.tbl, item.col)?.label ?? 'trq.col.field')}</td>
                <td>{t.langName(item.lang as Lang)}</td>
                <td>{t(`trq.state.${item.state}`)}</td>
                <td>
                  <time datetime={item.since}>{t.date(item.since, 'medium')}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pagination" aria-label={t('listing.pages')}>
        <ul>
          {view.paged && (
            <li>
              <a href={withQuery(base, view.query)}>{t('trq.first_page')}</a>
            </li>
          )}
          {view.more && (
            <li>
              <a href={`${base}?${next}`} rel="next">{t('listing.next')}</a>
            </li>
          )}
        </ul>
      </nav>
    </>
  );
}

/** "What is missing in Korean": per module, the units in each state, with links into the queue. */
export function DashboardPage({ ctx, lang, langs, counts }: { ctx: PageContext; lang: Lang; langs: Lang[]; counts: StateCounts }) {
  const { t } = ctx;
  const base = `/${ctx.lang}/admin/translations`;
  const modules = MODULES.filter((module) => counts[module]);
  return (
    <>
      <h1>{t('trq.dashboard.heading', { lang: t.langName(lang) })}</h1>
      <p>
        <a href={base}>{t('trq.title')}</a>
      </p>
      <nav aria-label={t('trq.dashboard.languages')}>
        <ul class="plain inline">
          {langs.map((other) => (
            <li>{other === lang ? <span aria-current="page">{t.langName(other)}</span> : <a href={`${base}/dashboard?for=${other}`}>{t.langName(other)}</a>}</li>
          ))}
        </ul>
      </nav>
      {lang === 'ko' && <p data-machine="korean">{t('machine.korean')}</p>}
      <table class="tr-dashboard">
        <caption>{t('trq.dashboard.caption', { lang: t.langName(lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trq.filter.module')}</th>
            {UNIT_STATES.map((state) => (
              <th scope="col">{t(`trq.state.${state}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {modules.map((module) => (
            <tr data-module={module}>
              <th scope="row">{t(`trq.module.${module}`)}</th>
              {UNIT_STATES.map((state) => {
                const n = counts[module]?.[state] ?? 0;
                return (
                  <td data-count={`${module}-${state}`}>
                    {n ? <a href={`${base}?lang=${lang}&module=${module}&state=${state}`}>{t.number(n)}</a> : t.number(0)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
