import { sourceLang, sourceText, textOf } from '../../../i18n/translatable.ts';
import { countryName } from '../../../places/countries.ts';
import { formatSize, ScrollingTable } from '../../../web/components.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { Call } from '../domain.ts';
import type { SubmissionRow, submissionsOfCall } from '../queries.ts';

type ListRow = Awaited<ReturnType<typeof submissionsOfCall>>[number];

const base = (ctx: PageContext, call: Call) => `/${ctx.lang}/admin/calls/${call.slug}/submissions`;

export function SubmissionsPage({ ctx, call, rows }: { ctx: PageContext; call: Call; rows: ListRow[] }) {
  const { t, lang } = ctx;
  return (
    <section>
      <p class="eyebrow">{textOf(call.title, lang)}</p>
      <h1>{t('calls_submit.admin.title')}</h1>
      <p><a href={`${base(ctx, call)}.csv`} download>{t('calls_submit.admin.csv')}</a></p>
      <ScrollingTable captionId="submissions-caption">
        <caption id="submissions-caption">{t('calls_submit.admin.caption', { count: rows.length })}</caption>
        <thead>
          <tr>
            {['title', 'state', 'language', 'organisation', 'country', 'duplicate'].map((key) => <th scope="col">{t(`calls_submit.admin.col.${key}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <td><a href={`${base(ctx, call)}/${row.id}`} lang={row.source_lang ?? undefined}>{sourceText(row.title) || t('calls_submit.admin.untitled')}</a></td>
              <td>{t(`calls_submit.state.${row.state}`)}</td>
              <td>{row.source_lang ? t.langName(row.source_lang as never) : '—'}</td>
              <td>{row.organisation ? textOf(row.organisation, lang) : row.organisation_name ?? '—'}</td>
              <td>{row.country ? countryName(row.country, lang) : '—'}</td>
              <td>{row.possible_duplicate_of ? <a href={`${base(ctx, call)}/${row.possible_duplicate_of}`}>{t('calls_submit.admin.duplicate_of', { id: row.possible_duplicate_of })}</a> : ''}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </section>
  );
}

export function SubmissionDetailPage({ ctx, call, submission, files }: { ctx: PageContext; call: Call; submission: SubmissionRow; files: { id: number; file_name: string; size: number }[] }) {
  const { t, lang } = ctx;
  const written = submission.title ? sourceLang(submission.title) : undefined;
  const rows: [string, string][] = [
    [t('calls_submit.admin.col.state'), t(`calls_submit.state.${submission.state}`)],
    [t('calls_submit.field.email'), submission.email],
    [t('calls_submit.field.source_lang'), submission.source_lang ? t.langName(submission.source_lang as never) : '—'],
    [t('calls_submit.field.organisation_name'), submission.organisation_name ?? '—'],
    [t('calls_submit.field.city'), [submission.city, submission.country ? countryName(submission.country, lang) : ''].filter(Boolean).join(', ')],
    [t('calls_submit.field.presenters'), submission.presenters.map((p) => [p.name, p.role, p.organisation].filter(Boolean).join(', ')).join(' · ')],
    [t('calls_submit.field.themes'), submission.themes.map((slug) => textOf(call.themeNames[slug], lang) || slug).join(', ')],
    [t('calls_submit.field.links'), submission.links.join(' ')],
    ...call.questions.map((q): [string, string] => [textOf(q.label, lang), String(submission.answers[q.id] ?? '—')]),
  ];
  return (
    <section>
      <p class="eyebrow"><a href={base(ctx, call)}>{t('calls_submit.admin.title')}</a></p>
      <h1 lang={written}>{sourceText(submission.title) || t('calls_submit.admin.untitled')}</h1>
      {submission.possible_duplicate_of && (
        <p class="content-notice" role="note"><a href={`${base(ctx, call)}/${submission.possible_duplicate_of}`}>{t('calls_submit.admin.duplicate_of', { id: submission.possible_duplicate_of })}</a></p>
      )}
      <dl class="submission-summary">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </>
        ))}
        <dt>{t('calls_submit.field.summary')}</dt>
        <dd lang={written}>{sourceText(submission.summary) || '—'}</dd>
      </dl>
      <h2>{t('calls_submit.field.attachments')}</h2>
      {files.length === 0 ? <p>—</p> : (
        <ul>
          {files.map((file) => <li><a href={`${base(ctx, call)}/${submission.id}/files/${file.id}`}>{file.file_name}</a>{` (${formatSize(ctx, file.size)})`}</li>)}
        </ul>
      )}
    </section>
  );
}
