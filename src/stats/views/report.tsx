import { textOf } from '../../i18n/translatable.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { Count } from '../domain.ts';
import type { AnnualReport } from '../report.ts';
import { BarChart } from './chart.tsx';

function CountTable({ ctx, id, rows, labelOf }: { ctx: PageContext; id: string; rows: Count[]; labelOf: (key: string) => string }) {
  const { t } = ctx;
  const labelled = rows.map((row) => ({ label: labelOf(row.key), count: row.count }));
  return (
    <section class="figure" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(`stats.figure.${id}`)}</h3>
      {rows.length ? <BarChart rows={labelled} label={t(`stats.figure.${id}`)} title={t(`stats.figure.${id}`)} /> : null}
      {rows.length ? (
        <table>
          <thead><tr><th scope="col">{t(`stats.key.${id.split('-by-')[1]}`)}</th><th scope="col">{t('stats.count')}</th></tr></thead>
          <tbody>{labelled.map((row) => <tr><th scope="row">{row.label}</th><td>{row.count}</td></tr>)}</tbody>
        </table>
      ) : <p>{t('stats.summary_none')}</p>}
    </section>
  );
}

export function ReportPage({ ctx, report }: { ctx: PageContext; report: AnnualReport }) {
  const { t, lang } = ctx;
  const { year, figures } = report;
  const known = (prefix: string) => (key: string) => {
    if (key === '—') return t('stats.unknown');
    try { return t(`${prefix}${key}`); } catch { return key; }
  };
  const activitiesTotal = figures.activities.types.reduce((sum, row) => sum + row.count, 0);
  return (
    <div class="stats report">
      <h1>{t('report.title', { year: String(year) })}</h1>
      <p class="lead">{t('report.intro', { year: String(year), day: t.date(report.end, 'long') })}</p>
      <p><a href={`/${lang}/reports/${year}/report.pdf`} download>{t('report.pdf')}</a></p>
      <p><a href={`/${lang}/reports/${year}/figures.zip`} download>{t('report.zip')}</a></p>

      <h2>{t('stats.activities')}</h2>
      <p>{t('report.activities_total', { count: activitiesTotal, year: String(year) })}</p>
      <CountTable ctx={ctx} id="activities-by-type" rows={figures.activities.types} labelOf={known('activities.type.')} />
      <CountTable ctx={ctx} id="activities-by-region" rows={figures.activities.regions} labelOf={known('initiatives.region.')} />
      <h3>{t('stats.reach', { year: String(year) })}</h3>
      <table>
        <thead><tr><th scope="col">{t('stats.activity')}</th><th scope="col">{t('stats.participants')}</th><th scope="col">{t('stats.countries')}</th></tr></thead>
        <tbody>{figures.activities.reach.map((row) => (
          <tr><th scope="row"><a href={`/${lang}/activities/${row.slug}`}>{textOf(row.title, lang)}</a></th><td>{row.participants ?? '—'}</td><td>{row.countries_count ?? '—'}</td></tr>
        ))}</tbody>
      </table>

      <h2>{t('stats.members')}</h2>
      <p>{t('report.membership_change', { start: report.membersAtStart, end: figures.members.total, year: String(year), day: t.date(report.end, 'long') })}</p>
      {figures.target ? <p>{t('stats.target', { baseline: figures.target.baseline, target: figures.target.target, deadline: t.date(figures.target.deadline, 'long') })}</p> : null}
      <CountTable ctx={ctx} id="members-by-kind" rows={figures.members.byKind} labelOf={known('members.kind.')} />

      <h2>{t('report.governance')}</h2>
      {report.meetings.length ? (
        <ul>{report.meetings.map((meeting) => <li>{textOf(meeting.body, lang)}, {t.date(meeting.starts_on, 'long')}: {t('report.decisions', { count: Number(meeting.decisions) })}</li>)}</ul>
      ) : <p>{t('report.no_meetings')}</p>}

      <h2>{t('report.publications')}</h2>
      {report.publications.length ? (
        <ul>{report.publications.map((resource) => <li><a href={`/${lang}/library/${resource.slug}`}>{textOf(resource.title, lang)}</a></li>)}</ul>
      ) : <p>{t('stats.summary_none')}</p>}
    </div>
  );
}
