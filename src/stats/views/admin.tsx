import type { PageContext } from '../../web/page-context.ts';
import type { Count } from '../domain.ts';

function CountTable({ ctx, id, rows }: { ctx: PageContext; id: string; rows: Count[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`stats.admin.${id}`)}</h2>
      {rows.length ? (
        <table>
          <thead><tr><th scope="col">{t('stats.key.status')}</th><th scope="col">{t('stats.count')}</th></tr></thead>
          <tbody>{rows.map((row) => <tr><th scope="row">{row.key}</th><td>{row.count}</td></tr>)}</tbody>
        </table>
      ) : <p>{t('stats.summary_none')}</p>}
    </section>
  );
}

export function AdminStatsPage({ ctx, figures }: { ctx: PageContext; figures: { funnel: Count[]; fees: Count[]; registrations: Count[] } }) {
  return (
    <div class="stats">
      <h1>{ctx.t('stats.admin.title')}</h1>
      <p><a href={`/${ctx.lang}/stats`}>{ctx.t('stats.title')}</a></p>
      <CountTable ctx={ctx} id="funnel" rows={figures.funnel} />
      <CountTable ctx={ctx} id="fees" rows={figures.fees} />
      <CountTable ctx={ctx} id="registrations" rows={figures.registrations} />
    </div>
  );
}
