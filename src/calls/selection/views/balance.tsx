import { CsrfField, ScrollingTable } from '../../../web/components.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { DIMENSIONS } from '../domain.ts';
import { valueName } from './labels.ts';
import type { SelectionView } from './selection.tsx';

/**
 * Accepted so far against the secretariat's targets, per region, country, theme and language; the
 * targets are edited in place (one form), so the panel and its inputs never disagree.
 */
export function BalancePanel({ ctx, view, action }: { ctx: PageContext; view: SelectionView; action: string }) {
  const { t } = ctx;
  return (
    <section class="selection-balance">
      <h2>{t('selection.balance')}</h2>
      <p>{t('selection.balance_intro')}</p>
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        {DIMENSIONS.map((dimension) => (
          <div>
            <h3 id={`balance-${dimension}`}>{t(`selection.facet.${dimension}`)}</h3>
            <ScrollingTable captionId={`balance-${dimension}`}>
              <thead><tr>
                <th scope="col">{t(`selection.facet.${dimension}`)}</th>
                <th scope="col">{t('selection.accepted')}</th>
                <th scope="col">{t('selection.target')}</th>
                <th scope="col">{t('selection.gap')}</th>
              </tr></thead>
              <tbody>
                {view.balance[dimension].map((line) => {
                  const id = `target-${dimension}-${line.value}`;
                  const name = valueName(ctx, view.names, dimension, line.value);
                  return (
                    <tr data-balance={`${dimension}:${line.value}`}>
                      <th scope="row"><label for={id}>{name}</label></th>
                      <td class="balance-accepted">{line.accepted}</td>
                      <td><input id={id} name={`target.${dimension}.${line.value}`} type="number" min="0" max="100000" inputmode="numeric" value={line.target ?? ''} /></td>
                      <td class="balance-gap">{line.gap === null ? '—' : line.gap > 0 ? t('selection.gap_missing', { count: line.gap }) : line.gap === 0 ? t('selection.gap_met') : t('selection.gap_over', { count: -line.gap })}</td>
                    </tr>
                  );
                })}
              </tbody>
            </ScrollingTable>
          </div>
        ))}
        <button type="submit">{t('selection.targets_save')}</button>
      </form>
    </section>
  );
}
