import { can } from '../../auth/permissions.ts';
import { textOf } from '../../i18n/translatable.ts';
import { CsrfField, ScrollingTable } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { ATTENDANCE, type Seat } from '../convocations.ts';
import { roleTitle } from '../role-title.ts';

/** The meeting's seats: who is convened (and when), and the attendance form once it has taken place. */
export function ConvocationSection({ ctx, meetingId, seats, notice, error }: { ctx: PageContext; meetingId: number; seats: Seat[]; notice?: string; error?: string }) {
  const { t, lang, user } = ctx;
  const manage = can(user, 'governance.manage');
  const waiting = seats.reduce((sum, seat) => sum + seat.addresses.filter((one) => !one.sentAt).length, 0);
  return (
    <section class="convocation">
      <h2 id="convocation-title">{t('convocation.title')}</h2>
      {notice ? <p class="content-notice" role="status">{notice}</p> : null}
      {error ? <p class="content-notice" role="alert">{error}</p> : null}
      {seats.length === 0 ? <p>{t('convocation.no_seats')}</p> : (
        <form method="post" action={`/${lang}/admin/meetings/${meetingId}/attendance`}>
          <CsrfField ctx={ctx} />
          {/* Its own caption: a region named like the section around it would be a duplicate landmark. */}
          <ScrollingTable captionId="convocation-caption">
              <caption id="convocation-caption" class="visually-hidden">{t('a11y.convocation_caption')}</caption>
              <thead><tr><th scope="col">{t('convocation.seat')}</th><th scope="col">{t('convocation.convened')}</th><th scope="col">{t('convocation.attendance')}</th></tr></thead>
              <tbody>{seats.map((seat) => (
                <tr>
                  <th scope="row">{textOf(seat.holder, lang)}<br /><small>{roleTitle(t, seat.role)}</small></th>
                  <td>{seat.addresses.length === 0 ? t('convocation.no_address') : (
                    <ul>{seat.addresses.map((one) => <li>{one.email}{' · '}{one.sentAt ? t('convocation.sent_on', { day: t.date(one.sentAt.toISOString().slice(0, 10), 'medium') }) : t('convocation.not_sent')}</li>)}</ul>
                  )}</td>
                  <td>
                    <label class="visually-hidden" for={`attendance-${seat.mandateId}`}>{`${t('convocation.attendance')} · ${textOf(seat.holder, lang)}`}</label>
                    <select id={`attendance-${seat.mandateId}`} name={`seat_${seat.mandateId}`} disabled={!manage}>
                      <option value="">—</option>
                      {ATTENDANCE.map((status) => <option value={status} selected={seat.attendance === status}>{t(`convocation.status.${status}`)}</option>)}
                    </select>
                  </td>
                </tr>
              ))}</tbody>
          </ScrollingTable>
          {manage ? <button type="submit">{t('convocation.save_attendance')}</button> : null}
        </form>
      )}
      {manage && seats.length ? (
        <form method="post" action={`/${lang}/admin/meetings/${meetingId}/convocation`}>
          <CsrfField ctx={ctx} />
          <p>{t.plural('convocation.waiting', waiting)}</p>
          <button type="submit" disabled={waiting === 0}>{t('convocation.send')}</button>
        </form>
      ) : null}
    </section>
  );
}
