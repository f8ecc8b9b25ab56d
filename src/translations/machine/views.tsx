import { LANGS, type Lang } from '../../i18n/langs.ts';
import { CsrfField } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { Route } from './engine.ts';

export interface MachineStatus {
  available: boolean;
  engine: string;
  routes: { route: Route; label: string }[];
  counts: Record<Lang, { machine: number; missing: number; outdated: number }>;
}

/** The machine-draft status for the secretariat: engine here or not, its pairs, drafts and gaps per language. */
export function MachineDraftsPage({ ctx, status, queued }: { ctx: PageContext; status: MachineStatus; queued: boolean }) {
  const { t } = ctx;
  const name = (lang: Lang) => t.langName(lang);
  return (
    <>
      <h1>{t('machine.title')}</h1>
      {queued && <p role="status" class="notice">{t('machine.queued')}</p>}
      {status.available ? (
        <p>{t('machine.available', { engine: 'Apertium' })}</p>
      ) : (
        <p class="notice" role="note" data-machine="absent">{t('machine.absent')}</p>
      )}
      <p data-machine="korean">{t('machine.korean')}</p>
      {status.routes.length > 0 && (
        <>
          <h2>{t('machine.pairs')}</h2>
          <ul>
            {status.routes.map(({ route, label }) => (
              <li data-engine={label}>
                {route.via
                  ? t('machine.pair_pivot', { from: name(route.from), to: name(route.to), via: name(route.via) })
                  : t('machine.pair_direct', { from: name(route.from), to: name(route.to) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <table>
        <caption>{t('machine.counts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('machine.language')}</th>
            <th scope="col">{t('machine.machine_drafts')}</th>
            <th scope="col">{t('machine.missing')}</th>
            <th scope="col">{t('machine.outdated')}</th>
          </tr>
        </thead>
        <tbody>
          {LANGS.map((lang) => (
            <tr>
              <th scope="row">{name(lang)}</th>
              <td>{status.counts[lang].machine}</td>
              <td>{status.counts[lang].missing}</td>
              <td>{status.counts[lang].outdated}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.available && (
        <form method="post" action={`/${ctx.lang}/admin/translations/machine`}>
          <CsrfField ctx={ctx} />
          <p>{t('machine.backfill_hint')}</p>
          <button type="submit">{t('machine.backfill')}</button>
        </form>
      )}
    </>
  );
}
