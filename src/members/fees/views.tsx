import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field, ScrollingTable } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { Choice, type FormState } from '../views/admin.tsx';
import type { FeeWithDocuments } from './domain.ts';
import { SCHEDULE_KINDS, SCHEDULE_REGIONS } from './forms.ts';
import { formatAmount } from './money.ts';
import { documentNumber } from './numbering.ts';
import type { DocumentKind, FeeState } from './tables.ts';

type State = FormState & { notice?: string };
const withoutForm = (errors: Record<string, string> = {}) => Object.fromEntries(Object.entries(errors).filter(([field]) => field !== '_form'));
const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export interface Schedule {
  id: number;
  member_kind: string;
  region: string | null;
  from_year: number;
  to_year: number | null;
  amount_minor: string;
  currency: string;
}

export interface YearFee {
  id: number;
  slug: string;
  name: Translatable;
  amount_minor: string;
  currency: string;
  due_on: string;
  state: FeeState;
  paid_on: string | null;
}

export interface FeesAdminData {
  year: number;
  schedules: Schedule[];
  fees: YearFee[];
  overdue: number;
}

function Notice({ ctx, notice }: { ctx: PageContext; notice?: string }) {
  return notice ? <p role="status">{ctx.t(`fees.notice.${notice}`)}</p> : null;
}

function years(schedule: Schedule, ctx: PageContext) {
  if (schedule.to_year === schedule.from_year) return String(schedule.from_year);
  return schedule.to_year === null ? ctx.t('fees.from_year', { year: String(schedule.from_year) }) : `${schedule.from_year}–${schedule.to_year}`;
}

/** The secretariat's fees page: schedules, the year's renewal, the year's fees and the accounting export. */
export function FeesAdminPage({ ctx, data, forms }: { ctx: PageContext; data: FeesAdminData; forms: Record<string, State> }) {
  const { t, lang } = ctx;
  const schedule = forms.schedule ?? {};
  const renewal = forms.renewal ?? {};
  return (
    <>
      <h1>{t('fees.title')}</h1>
      <Notice ctx={ctx} notice={forms.page?.notice} />
      <p class="fees-overdue">{t.plural('fees.overdue_count', data.overdue)}</p>

      <h2 id="schedules-caption">{t('fees.schedules')}</h2>
      {data.schedules.length === 0 ? (
        <p>{t('fees.no_schedules')}</p>
      ) : (
        <ScrollingTable captionId="schedules-caption">
          <thead>
            <tr>
              <th scope="col">{t('members.kind')}</th>
              <th scope="col">{t('members.region')}</th>
              <th scope="col">{t('fees.years')}</th>
              <th scope="col">{t('fees.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {data.schedules.map((row) => (
              <tr>
                <td>{t(`members.kind.${row.member_kind}`)}</td>
                <td>{row.region ? t(`members.region.${row.region}`) : t('fees.all_regions')}</td>
                <td>{years(row, ctx)}</td>
                <td>{formatAmount(Number(row.amount_minor), row.currency, lang)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <form method="post" action={`/${lang}/admin/fees/schedules`} novalidate aria-labelledby="schedule-title">
        <h3 id="schedule-title">{t('fees.add_schedule')}</h3>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={schedule.errors ?? {}} labels={{ member_kind: t('members.kind'), region: t('members.region'), from_year: t('fees.from'), to_year: t('fees.to'), amount: t('fees.amount'), currency: t('fees.currency') }} />
        <Choice ctx={ctx} name="member_kind" label={t('members.kind')} state={schedule} options={SCHEDULE_KINDS.map((value) => ({ value, label: t(`members.kind.${value}`) }))} />
        <Choice ctx={ctx} name="region" label={t('members.region')} state={schedule} required={false} options={SCHEDULE_REGIONS.map((value) => ({ value, label: t(`members.region.${value}`) }))} />
        <Field ctx={ctx} name="from_year" label={t('fees.from')} errors={schedule.errors} value={str(schedule.values?.from_year)} required />
        <Field ctx={ctx} name="to_year" label={t('fees.to')} hint={t('fees.to_hint')} errors={schedule.errors} value={str(schedule.values?.to_year)} />
        <Field ctx={ctx} name="amount" label={t('fees.amount')} hint={t('fees.amount_hint')} errors={schedule.errors} value={str(schedule.values?.amount)} required />
        <Field ctx={ctx} name="currency" label={t('fees.currency')} hint={t('fees.currency_hint')} errors={schedule.errors} value={str(schedule.values?.currency ?? 'EUR')} required />
        <button type="submit">{t('fees.add_schedule')}</button>
      </form>

      <form method="post" action={`/${lang}/admin/fees/renewal`} novalidate aria-labelledby="renewal-title">
        <h2 id="renewal-title">{t('fees.renewal')}</h2>
        <p class="hint">{t('fees.renewal_hint')}</p>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={renewal.errors ?? {}} labels={{ year: t('fees.year'), due_on: t('fees.due_on') }} />
        <Field ctx={ctx} name="year" label={t('fees.year')} errors={renewal.errors} value={str(renewal.values?.year ?? data.year)} required />
        <Field ctx={ctx} name="due_on" label={t('fees.due_on')} hint={t('membership.date_hint')} errors={renewal.errors} value={str(renewal.values?.due_on ?? `${data.year}-03-31`)} required />
        <button type="submit">{t('fees.renew')}</button>
      </form>

      <h2 id="year-title">{t('fees.of_year', { year: String(data.year) })}</h2>
      <form method="get" action={`/${lang}/admin/fees`} aria-labelledby="year-title">
        <label for="year-choice">{t('fees.year')}</label> <input id="year-choice" name="year" value={String(data.year)} inputmode="numeric" size={6} />{' '}
        <button type="submit">{t('fees.show')}</button>
      </form>
      <p>
        <a href={`/${lang}/admin/fees/accounting/${data.year}`}>{t('fees.export', { year: String(data.year) })}</a>
      </p>
      {data.fees.length === 0 ? (
        <p>{t('fees.none_this_year')}</p>
      ) : (
        <ScrollingTable captionId="year-caption">
          <caption id="year-caption">{t('fees.of_year', { year: String(data.year) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fees.member')}</th>
              <th scope="col">{t('fees.amount')}</th>
              <th scope="col">{t('fees.due_on')}</th>
              <th scope="col">{t('fees.state')}</th>
            </tr>
          </thead>
          <tbody>
            {data.fees.map((fee) => (
              <tr>
                <td><a href={`/${lang}/admin/members/${fee.slug}/fees`}>{textOf(fee.name, lang)}</a></td>
                <td>{formatAmount(Number(fee.amount_minor), fee.currency, lang)}</td>
                <td>{t.date(fee.due_on, 'medium')}</td>
                <td class={`fee-state fee-${fee.state}`}>{t(`fees.state.${fee.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}

function DocumentLinks({ ctx, fee, base }: { ctx: PageContext; fee: FeeWithDocuments; base: string }) {
  if (fee.documents.length === 0) return <>—</>;
  return (
    <ul class="fee-documents">
      {fee.documents.map((document) => (
        <li>
          <a href={`${base}/${document.id}`} download>
            {ctx.t(`fees.kind.${document.kind as DocumentKind}`)} {documentNumber(document)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A member's fees, newest first, each with its invoice and receipt. */
export function FeeHistory({ ctx, fees, documentBase, captionId = 'fees-caption' }: { ctx: PageContext; fees: FeeWithDocuments[]; documentBase: string; captionId?: string }) {
  const { t, lang } = ctx;
  if (fees.length === 0) return <p>{t('fees.no_fees')}</p>;
  return (
    <ScrollingTable captionId={captionId}>
      <caption id={captionId}>{t('fees.history')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('fees.year')}</th>
          <th scope="col">{t('fees.amount')}</th>
          <th scope="col">{t('fees.due_on')}</th>
          <th scope="col">{t('fees.state')}</th>
          <th scope="col">{t('fees.documents')}</th>
        </tr>
      </thead>
      <tbody>
        {fees.map((fee) => (
          <tr>
            <td>{fee.year}</td>
            <td>{formatAmount(fee.amount_minor, fee.currency, lang)}</td>
            <td>{t.date(fee.due_on, 'medium')}</td>
            <td class={`fee-state fee-${fee.state}`}>
              {t(`fees.state.${fee.state}`)}
              {fee.paid_on && <> · {t.date(fee.paid_on, 'medium')}</>}
              {fee.waived_reason && <> · {fee.waived_reason}</>}
            </td>
            <td><DocumentLinks ctx={ctx} fee={fee} base={documentBase} /></td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

/** The secretariat's view of one member's fees, with the payment and waiver forms of the oldest open fee. */
export function MemberFeesPage({ ctx, member, fees, forms }: { ctx: PageContext; member: { slug: string; name: Translatable }; fees: FeeWithDocuments[]; forms: Record<string, State> }) {
  const { t, lang } = ctx;
  const open = [...fees].reverse().find((fee) => fee.state === 'due' || fee.state === 'overdue');
  const payment = forms.payment ?? {};
  const waiver = forms.waiver ?? {};
  const action = open ? `/${lang}/admin/members/${member.slug}/fees/${open.id}` : '';
  return (
    <>
      <h1>{t('fees.member_title', { name: textOf(member.name, lang) })}</h1>
      <p>
        <a href={`/${lang}/admin/members/${member.slug}`}>{t('fees.back_to_member')}</a> · <a href={`/${lang}/admin/fees`}>{t('fees.title')}</a>
      </p>
      <Notice ctx={ctx} notice={forms.page?.notice} />
      {/* A broken fee rule (paid twice, waiving a paid fee) concerns the fee, whose forms may be gone: said at the top. */}
      {[payment, waiver].map((state) => state.errors?._form).filter(Boolean).map((key) => (
        <p class="content-notice" role="alert">{t(key!)}</p>
      ))}
      <FeeHistory ctx={ctx} fees={fees} documentBase={`/${lang}/admin/fees/documents`} />
      {open && (
        <>
          <form method="post" action={`${action}/payment`} novalidate aria-labelledby="payment-title">
            <h2 id="payment-title">{t('fees.record_payment', { year: String(open.year) })}</h2>
            <CsrfField ctx={ctx} />
            <ErrorSummary ctx={ctx} errors={withoutForm(payment.errors)} labels={{ paid_on: t('fees.paid_on'), reference: t('fees.reference') }} />
            <Field ctx={ctx} name="paid_on" label={t('fees.paid_on')} hint={t('membership.date_hint')} errors={payment.errors} value={str(payment.values?.paid_on)} required />
            <Field ctx={ctx} name="reference" label={t('fees.reference')} hint={t('fees.reference_hint')} errors={payment.errors} value={str(payment.values?.reference)} required />
            <button type="submit">{t('fees.record_payment_submit')}</button>
          </form>
          <form method="post" action={`${action}/waiver`} novalidate aria-labelledby="waiver-title">
            <h2 id="waiver-title">{t('fees.waive', { year: String(open.year) })}</h2>
            <CsrfField ctx={ctx} />
            <ErrorSummary ctx={ctx} errors={withoutForm(waiver.errors)} labels={{ reason: t('fees.waived_reason') }} />
            <Field ctx={ctx} name="reason" label={t('fees.waived_reason')} errors={waiver.errors} value={str(waiver.values?.reason)} required />
            <button type="submit">{t('fees.waive_submit')}</button>
          </form>
        </>
      )}
    </>
  );
}

/** A member contact's invoices and receipts. */
export function OwnFeesPage({ ctx, member, fees }: { ctx: PageContext; member: { slug: string; name: Translatable }; fees: FeeWithDocuments[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('fees.own_title', { name: textOf(member.name, lang) })}</h1>
      <p>
        <a href={`/${lang}/my-member/${member.slug}`}>{t('fees.back_to_space')}</a>
      </p>
      <p>{t('fees.own_intro')}</p>
      <FeeHistory ctx={ctx} fees={fees} documentBase={`/${lang}/my-member/${member.slug}/fees/documents`} />
    </>
  );
}
