import { LANGS } from '../../../i18n/langs.ts';
import { textOf } from '../../../i18n/translatable.ts';
import { ORGANISATION_KINDS } from '../../../organisations/domain.ts';
import { REGIONS } from '../../../places/regions.ts';
import { CsrfField, ScrollingTable } from '../../../web/components.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { DECISIONS, type BalanceLine, type RankedRow } from '../domain.ts';
import { DECISION_STATES, filterPairs, type SelectionFilters } from '../filters.ts';
import type { CallRow } from '../queries.ts';
import type { Dimension } from '../tables.ts';
import { BalancePanel } from './balance.tsx';
import { valueName, type Names } from './labels.ts';

export interface SelectionView {
  call: CallRow;
  filters: SelectionFilters;
  rows: RankedRow[];
  balance: Record<Dimension, BalanceLine[]>;
  countries: string[];
  names: Names;
  notice?: string;
}

const score = (ctx: PageContext, value: number | undefined) => (value === undefined ? '—' : ctx.t.number(Math.round(value * 100) / 100));

/** The ranked table of a call's submissions, its facets (a GET form), bulk decision and balance panel. */
export function SelectionPage({ ctx, view }: { ctx: PageContext; view: SelectionView }) {
  const { t, lang } = ctx;
  const base = `/${lang}/admin/calls/${view.call.slug}`;
  return (
    <div class="selection">
      <h1>{t('selection.title', { call: textOf(view.call.title, lang) })}</h1>
      <p><a href={`${base}/notifications`}>{t('selection.notifications_link')}</a> · <a href={`${base}/programme`}>{t('selection.programme_link')}</a></p>
      {view.notice && <p role="status" class="notice">{view.notice}</p>}
      <Facets ctx={ctx} view={view} action={`${base}/selection`} />
      <BulkForm ctx={ctx} view={view} action={`${base}/selection/bulk`} />
      <RankedTable ctx={ctx} view={view} action={`${base}/selection/decide`} />
      <BalancePanel ctx={ctx} view={view} action={`${base}/selection/targets`} />
    </div>
  );
}

function FacetSelect({ ctx, view, name, values }: { ctx: PageContext; view: SelectionView; name: 'theme' | 'region' | 'country' | 'language' | 'kind' | 'state'; values: readonly string[] }) {
  const chosen = view.filters[name] as string[];
  return (
    <div class="field">
      <label for={`facet-${name}`}>{ctx.t(`selection.facet.${name}`)}</label>
      <select id={`facet-${name}`} name={name} multiple size={Math.min(values.length, 5)}>
        {values.map((value) => <option value={value} selected={chosen.includes(value)}>{valueName(ctx, view.names, name, value)}</option>)}
      </select>
    </div>
  );
}

function Facets({ ctx, view, action }: { ctx: PageContext; view: SelectionView; action: string }) {
  const { t } = ctx;
  return (
    <form method="get" action={action} class="selection-facets">
      <h2>{t('selection.facets')}</h2>
      <FacetSelect ctx={ctx} view={view} name="theme" values={view.call.themes} />
      <FacetSelect ctx={ctx} view={view} name="region" values={REGIONS} />
      <FacetSelect ctx={ctx} view={view} name="country" values={view.countries} />
      <FacetSelect ctx={ctx} view={view} name="language" values={LANGS} />
      <FacetSelect ctx={ctx} view={view} name="kind" values={ORGANISATION_KINDS} />
      <FacetSelect ctx={ctx} view={view} name="state" values={DECISION_STATES} />
      <div class="field">
        <label for="facet-min">{t('selection.facet.min')}</label>
        <input id="facet-min" name="min" type="number" step="0.01" min="0" value={view.filters.minScore ?? ''} />
      </div>
      <div class="field">
        <label for="facet-max">{t('selection.facet.max')}</label>
        <input id="facet-max" name="max" type="number" step="0.01" min="0" value={view.filters.maxScore ?? ''} />
      </div>
      <button type="submit">{t('selection.filter')}</button> <a href={action}>{t('selection.clear')}</a>
    </form>
  );
}

function DecisionSelect({ ctx, id, selected }: { ctx: PageContext; id: string; selected: string | null }) {
  return (
    <select id={id} name="decision">
      <option value="none" selected={selected === null}>{ctx.t('selection.decision.none')}</option>
      {DECISIONS.map((decision) => <option value={decision} selected={selected === decision}>{ctx.t(`selection.decision.${decision}`)}</option>)}
    </select>
  );
}

function BulkForm({ ctx, view, action }: { ctx: PageContext; view: SelectionView; action: string }) {
  const { t } = ctx;
  const open = view.rows.filter((row) => !row.decision_released_at).length;
  return (
    <form method="post" action={action} class="selection-bulk">
      <CsrfField ctx={ctx} />
      {filterPairs(view.filters).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
      <label for="bulk-decision">{t('selection.bulk_label', { count: open })}</label>{' '}
      <DecisionSelect ctx={ctx} id="bulk-decision" selected={null} />{' '}
      <button type="submit">{t('selection.bulk_apply')}</button>
    </form>
  );
}

function DecisionCell({ ctx, row, action, back }: { ctx: PageContext; row: RankedRow; action: string; back: string }) {
  const { t } = ctx;
  const state = row.decision === null ? t('selection.decision.none') : `${t(`selection.decision.${row.decision}`)} (${t(row.decision_released_at ? 'selection.released' : 'selection.pending')})`;
  if (row.decision_released_at) return <td>{state}</td>;
  return (
    <td>
      <form method="post" action={action} class="selection-decide">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="id" value={row.id} />
        <input type="hidden" name="version" value={row.version} />
        <input type="hidden" name="back" value={back} />
        <label for={`decision-${row.id}`}>{state}</label>{' '}
        <DecisionSelect ctx={ctx} id={`decision-${row.id}`} selected={row.decision} />{' '}
        <button type="submit" aria-label={t('selection.save_for', { title: textOf(row.title, ctx.lang) })}>{t('selection.save')}</button>
      </form>
    </td>
  );
}

function RankedTable({ ctx, view, action }: { ctx: PageContext; view: SelectionView; action: string }) {
  const { t, lang } = ctx;
  const back = new URLSearchParams(filterPairs(view.filters)).toString();
  const headings = ['rank', 'submission', 'reviews', 'mean', 'median', 'disagree', 'region', 'country', 'language', 'theme', 'kind', 'decision'];
  return (
    <section>
      <h2 id="selection-caption">{t.plural('selection.count', view.rows.length)}</h2>
      <ScrollingTable captionId="selection-caption">
        <thead><tr>{headings.map((key) => <th scope="col">{t(`selection.column.${key}`)}</th>)}</tr></thead>
        <tbody>
          {view.rows.map((row) => (
            <tr>
              <td>{row.rank ?? '—'}</td>
              <th scope="row">{textOf(row.title, lang) || `#${row.id}`}<br /><span class="meta">{row.organisation_name ?? ''}</span></th>
              <td>{row.summary?.count ?? 0}</td>
              <td>{score(ctx, row.summary?.mean)}</td>
              <td>{score(ctx, row.summary?.median)}</td>
              <td>{row.summary?.disagree ? t('selection.disagree') : ''}</td>
              <td>{row.region ? valueName(ctx, view.names, 'region', row.region) : ''}</td>
              <td>{row.country ? valueName(ctx, view.names, 'country', row.country) : ''}</td>
              <td>{row.source_lang ? valueName(ctx, view.names, 'language', row.source_lang) : ''}</td>
              <td>{row.themes.map((theme) => valueName(ctx, view.names, 'theme', theme)).join(', ')}</td>
              <td>{valueName(ctx, view.names, 'kind', row.organisation_kind ?? 'other')}</td>
              <DecisionCell ctx={ctx} row={row} action={action} back={back} />
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </section>
  );
}
