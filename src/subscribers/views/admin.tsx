import { CsrfField, ErrorSummary, FieldFrame, ScrollingTable } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { ImportReport } from '../csv-import.ts';

const STATUSES = ['active', 'pending', 'unsubscribed', 'suspended'] as const;

export function SubscribersAdminPage({ ctx, counts, errors = {}, values = {}, report }: {
  ctx: PageContext;
  counts: Record<string, number>;
  errors?: FieldErrors;
  values?: Record<string, string>;
  report?: ImportReport;
}) {
  const { t, lang } = ctx;
  const labels = { file: t('subscribers.import.file'), consent_source: t('subscribers.import.consent_source'), consent_confirmed: t('subscribers.import.consent_confirmed') };
  return (
    <>
      <h1>{t('subscribers.admin.title')}</h1>
      <ul>
        {STATUSES.map((status) => (
          <li>{t(`subscribers.admin.count.${status}`, { count: counts[status] ?? 0 })}</li>
        ))}
      </ul>
      <p>
        <a href={`/${lang}/admin/subscribers/export.csv`} download>
          {t('subscribers.admin.export')}
        </a>
      </p>
      {report && <ImportReportView ctx={ctx} report={report} />}
      <h2>{t('subscribers.import.title')}</h2>
      <p class="hint">{t('subscribers.import.hint')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`/${lang}/admin/subscribers/import`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <FieldFrame ctx={ctx} name="file" label={labels.file} error={errors.file} required>
          <input type="file" id="file" name="file" accept=".csv,text/csv" required aria-describedby={errors.file ? 'file-error' : undefined} />
        </FieldFrame>
        <FieldFrame ctx={ctx} name="consent_source" label={labels.consent_source} error={errors.consent_source} required hint={t('subscribers.import.consent_source_hint')}>
          <input
            type="text"
            id="consent_source"
            name="consent_source"
            value={values.consent_source ?? ''}
            required
            aria-invalid={errors.consent_source ? 'true' : undefined}
            aria-describedby={errors.consent_source ? 'consent_source-hint consent_source-error' : 'consent_source-hint'}
          />
        </FieldFrame>
        <div class={errors.consent_confirmed ? 'field has-error' : 'field'}>
          {errors.consent_confirmed && (
            <p class="field-error" id="consent_confirmed-error">
              {t(errors.consent_confirmed)}
            </p>
          )}
          <label class="check">
            <input type="checkbox" id="consent_confirmed" name="consent_confirmed" value="yes" required aria-describedby={errors.consent_confirmed ? 'consent_confirmed-error' : undefined} />{' '}
            {labels.consent_confirmed}
          </label>
        </div>
        <button type="submit">{t('subscribers.import.submit')}</button>
      </form>
    </>
  );
}

function ImportReportView({ ctx, report }: { ctx: PageContext; report: ImportReport }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="import-report">
      <h2 id="import-report">{t('subscribers.import.report_title')}</h2>
      <p role="status" class="success">
        {t('subscribers.import.report_summary', { imported: report.imported, rejected: report.rejected.length })}
      </p>
      {report.rejected.length > 0 && (
        <ScrollingTable captionId="import-rejected">
          <caption id="import-rejected">{t('subscribers.import.rejected_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('subscribers.import.line')}</th>
              <th scope="col">{t('subscribers.field.email')}</th>
              <th scope="col">{t('subscribers.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rejected.map((row) => (
              <tr>
                <td>{row.line}</td>
                <td>{row.email}</td>
                <td>{t(`subscribers.import.reason.${row.reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </section>
  );
}
