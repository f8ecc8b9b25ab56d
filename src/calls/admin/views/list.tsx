import { textOf } from '../../../i18n/translatable.ts';
import { ScrollingTable } from '../../../web/components.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { adminCalls } from '../domain.ts';
import { dateInZone } from '../model.ts';

type Row = Awaited<ReturnType<typeof adminCalls>>[number];

/** /{lang}/admin/calls: every call, its state, its dates in its zone and what it received. */
export function CallListPage({ ctx, rows }: { ctx: PageContext; rows: Row[] }) {
  const { t, lang } = ctx;
  const when = (at: Date | null, zone: string) => (at ? dateInZone(at, zone, lang) : t('calls.admin.no_date'));
  return (
    <>
      <h1>{t('calls.admin.title')}</h1>
      <p>
        <a href={`/${lang}/admin/calls/new`}>{t('calls.admin.new')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t('calls.admin.none')}</p>
      ) : (
        <ScrollingTable captionId="calls-caption">
          <caption id="calls-caption">{t('calls.admin.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calls.field.title')}</th>
              <th scope="col">{t('calls.field.state')}</th>
              <th scope="col">{t('calls.field.opens_at')}</th>
              <th scope="col">{t('calls.field.closes_at')}</th>
              <th scope="col">{t('calls.admin.submitted')}</th>
              <th scope="col">{t('calls.admin.drafts')}</th>
              <th scope="col">{t('calls.admin.accepted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">
                  <a href={`/${lang}/admin/calls/${row.slug}`}>{textOf(row.title, lang)}</a>
                  {row.forum_title && <span class="meta"> · {textOf(row.forum_title, lang)}</span>}
                </th>
                <td>{t(`calls.state.${row.state}`)}</td>
                <td>{when(row.opens_at, row.time_zone)}</td>
                <td>{when(row.closes_at, row.time_zone)}</td>
                <td>
                  {row.submitted}
                  {row.received_count_reported !== null && <> ({t('calls.admin.reported', { count: row.received_count_reported })})</>}
                </td>
                <td>{row.drafts}</td>
                <td>{row.accepted}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}
