import { formatAmount } from '../../members/fees/money.ts';
import { ScrollingTable } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { FeeFigure } from '../admin-queries.ts';
import type { Count } from '../domain.ts';

/** A status stored as a key, named in the reader's language (an unknown one as stored, never an error). */
function named(ctx: PageContext, prefix: string, key: string): string {
  if (key === '—') return ctx.t('stats.unknown');
  try { return ctx.t(`${prefix}${key}`); } catch { return key; }
}

/** Registrations are counted by status and, where recorded, attendance ("confirmed:attended"). */
function registrationLabel(ctx: PageContext, key: string): string {
  const [status = '', attendance] = key.split(':');
  const name = named(ctx, 'registration.status.', status);
  return attendance ? `${name} — ${ctx.t(`stats.admin.${attendance}`)}` : name;
}

function CountTable({ ctx, id, rows, label }: { ctx: PageContext; id: string; rows: Count[]; label: (key: string) => string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`stats.admin.${id}`)}</h2>
      {rows.length ? (
        <table>
          <thead><tr><th scope="col">{t('stats.key.status')}</th><th scope="col">{t('stats.count')}</th></tr></thead>
          <tbody>{rows.map((row) => <tr><th scope="row">{label(row.key)}</th><td>{row.count}</td></tr>)}</tbody>
        </table>
      ) : <p>{t('stats.summary_none')}</p>}
    </section>
  );
}

function FeeTable({ ctx, fees }: { ctx: PageContext; fees: FeeFigure[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="fees-title">
      <h2 id="fees-title">{t('stats.admin.fees')}</h2>
      {fees.length ? (
        // Amounts do not break: on a phone the table scrolls in its own region, not the page.
        <ScrollingTable captionId="fees-caption">
          <caption id="fees-caption" class="visually-hidden">{t('a11y.stats_fees_caption')}</caption>
          <thead><tr><th scope="col">{t('stats.key.year')}</th><th scope="col">{t('stats.key.status')}</th><th scope="col">{t('stats.count')}</th><th scope="col">{t('stats.admin.amount')}</th></tr></thead>
          <tbody>{fees.map((row) => (
            <tr>
              <th scope="row">{row.year}</th><td>{named(ctx, 'fees.state.', row.state)}</td><td>{row.count}</td>
              <td>{row.amounts.map((amount) => formatAmount(amount.minor, amount.currency, lang)).join(' + ')}</td>
            </tr>
          ))}</tbody>
        </ScrollingTable>
      ) : <p>{t('stats.summary_none')}</p>}
      <p><a href={`/${lang}/admin/fees`}>{t('stats.admin.fees_link')}</a></p>
    </section>
  );
}

export function AdminStatsPage({ ctx, figures }: { ctx: PageContext; figures: { funnel: Count[]; fees: FeeFigure[]; registrations: Count[] } }) {
  return (
    <div class="stats">
      <h1>{ctx.t('stats.admin.title')}</h1>
      <p><a href={`/${ctx.lang}/stats`}>{ctx.t('stats.title')}</a></p>
      <CountTable ctx={ctx} id="funnel" rows={figures.funnel} label={(key) => named(ctx, 'membership.status.', key)} />
      <FeeTable ctx={ctx} fees={figures.fees} />
      <CountTable ctx={ctx} id="registrations" rows={figures.registrations} label={(key) => registrationLabel(ctx, key)} />
    </div>
  );
}
