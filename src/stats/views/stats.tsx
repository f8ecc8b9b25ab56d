import { textOf } from '../../i18n/translatable.ts';
import { THEMES } from '../../initiatives/themes.ts';
import { countryName } from '../../places/countries.ts';
import type { PageContext } from '../../web/page-context.ts';
import { programmeRows, type Count, type NetworkFigures } from '../domain.ts';
import type { ComponentChildren } from 'preact';
import { BarChart, LineChart } from './chart.tsx';

type Labeller = (key: string) => string;

interface FigureProps {
  ctx: PageContext; id: string; rows: Count[]; labelOf: Labeller; counts: string; csv: string;
  /** Figures that are not a ranking (a line over time, a programme's outcome) say their own summary, key and chart. */
  summary?: string; keyName?: string; chart?: (summary: string) => ComponentChildren;
}

/** One figure: heading, what it counts and as of when, the chart, its table, a summary in words, a CSV link. */
function Figure({ ctx, id, rows, labelOf, counts, csv, ...own }: FigureProps) {
  const { t } = ctx;
  const labelled = rows.map((row) => ({ label: labelOf(row.key), count: row.count }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const top = labelled[0];
  const summary = own.summary ?? (top ? t('stats.summary', { total, top: top.label, count: top.count }) : t('stats.summary_none'));
  const title = t(`stats.figure.${id}`);
  return (
    <section class="figure" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p class="figure-counts">{counts}</p>
      {rows.length ? (own.chart?.(summary) ?? <BarChart rows={labelled} label={summary} title={title} />) : null}
      <p class="figure-summary">{summary}</p>
      {rows.length ? (
        <table>
          <thead><tr><th scope="col">{t(`stats.key.${own.keyName ?? id.split('-by-')[1] ?? 'year'}`)}</th><th scope="col">{t('stats.count')}</th></tr></thead>
          <tbody>{labelled.map((row) => <tr><th scope="row">{row.label}</th><td>{row.count}</td></tr>)}</tbody>
        </table>
      ) : null}
      <p><a href={csv} download>{t('stats.csv')}</a></p>
    </section>
  );
}

export function StatsPage({ ctx, figures }: { ctx: PageContext; figures: NetworkFigures }) {
  const { t, lang } = ctx;
  const { day, year } = figures;
  const asOf = t('stats.as_of', { day: t.date(day, 'long') });
  const csv = (name: string) => `/${lang}/stats/${name}.csv?as_of=${day}&year=${year}`;
  // A value without a message (a new type not yet in the catalogs) is shown as stored, never an error.
  const known = (prefix: string): Labeller => (key) => {
    if (key === '—') return t('stats.unknown');
    try { return t(`${prefix}${key}`); } catch { return key; }
  };
  const theme: Labeller = (key) => THEMES.find((one) => one.slug === key)?.names[lang] ?? key;
  const country: Labeller = (key) => (key === '—' ? t('stats.unknown') : countryName(key, lang));
  const plain: Labeller = (key) => key;
  const { members, applications, activities, initiatives, calls, newsletter, target } = figures;
  const callTitle: Labeller = (key) => { const call = calls.find((one) => one.slug === key); return call ? textOf(call.title, lang) : key; };
  return (
    <div class="stats">
      <h1>{t('stats.title')}</h1>
      <p class="lead">{t('stats.intro')}</p>
      <form method="get" action={`/${lang}/stats`} class="stats-form">
        <label for="stats-as-of">{t('stats.as_of_label')}</label>{' '}
        <input id="stats-as-of" type="date" name="as_of" value={day} />{' '}
        <label for="stats-year">{t('stats.year_label')}</label>{' '}
        <select id="stats-year" name="year">{figures.years.map((y) => <option value={y} selected={y === year}>{y}</option>)}</select>{' '}
        <button type="submit">{t('stats.show')}</button>
      </form>

      <h2>{t('stats.members')}</h2>
      <p>{t('stats.members_total', { count: members.total, day: t.date(day, 'long') })}</p>
      {target ? <p>{t('stats.target', { baseline: target.baseline, target: target.target, deadline: t.date(target.deadline, 'long') })}</p> : null}
      <p>{t('stats.applications', { received: applications.received, decided: applications.decided, withdrawals: applications.withdrawals })}
        {applications.medianDays === null ? '' : ` ${t('stats.median_days', { days: applications.medianDays })}`}</p>
      <MembershipOverTime ctx={ctx} figures={figures} csv={csv('members-over-time')} />
      <Figure ctx={ctx} id="members-by-kind" rows={members.byKind} labelOf={known('members.kind.')} counts={`${t('stats.counts_members')} ${asOf}`} csv={csv('members-by-kind')} />
      <Figure ctx={ctx} id="members-by-region" rows={members.byRegion} labelOf={known('initiatives.region.')} counts={`${t('stats.counts_members')} ${asOf}`} csv={csv('members-by-region')} />
      <Figure ctx={ctx} id="members-by-country" rows={members.byCountry} labelOf={country} counts={`${t('stats.counts_members')} ${asOf}`} csv={csv('members-by-country')} />

      <h2>{t('stats.activities')}</h2>
      <Figure ctx={ctx} id="activities-per-year" rows={activities.perYear.map((row) => ({ key: String(row.year), count: row.count }))} labelOf={plain} counts={`${t('stats.counts_activities')} ${t('stats.today')}`} csv={csv('activities-per-year')} />
      <Figure ctx={ctx} id="activities-by-type" rows={activities.types} labelOf={known('activities.type.')} counts={`${t('stats.counts_activities_year', { year: String(year) })} ${t('stats.today')}`} csv={csv('activities-by-type')} />
      <Figure ctx={ctx} id="activities-by-region" rows={activities.regions} labelOf={known('initiatives.region.')} counts={`${t('stats.counts_activities_year', { year: String(year) })} ${t('stats.today')}`} csv={csv('activities-by-region')} />
      <Figure ctx={ctx} id="activities-by-format" rows={activities.formats} labelOf={known('activities.format.')} counts={`${t('stats.counts_activities_year', { year: String(year) })} ${t('stats.today')}`} csv={csv('activities-by-format')} />
      <h3>{t('stats.reach', { year: String(year) })}</h3>
      {activities.reach.length ? (
        <table>
          <thead><tr><th scope="col">{t('stats.activity')}</th><th scope="col">{t('stats.participants')}</th><th scope="col">{t('stats.countries')}</th></tr></thead>
          <tbody>{activities.reach.map((row) => (
            <tr><th scope="row"><a href={`/${lang}/activities/${row.slug}`}>{textOf(row.title, lang)}</a></th><td>{row.participants ?? '—'}</td><td>{row.countries_count ?? '—'}</td></tr>
          ))}</tbody>
        </table>
      ) : <p>{t('stats.summary_none')}</p>}
      <Figure ctx={ctx} id="activities-planned-held" rows={programmeRows(activities.programme)} labelOf={known('stats.programme.')} keyName="outcome"
        counts={`${t('stats.counts_programme', { year: String(year) })} ${t('stats.today')}`} csv={csv('activities-planned-held')}
        summary={t('stats.programme_summary', { year: String(year), ...activities.programme })} />

      <h2>{t('stats.initiatives')}</h2>
      <p>{t('stats.initiatives_total', { count: initiatives.total })}</p>
      <Figure ctx={ctx} id="initiatives-by-region" rows={initiatives.byRegion} labelOf={known('initiatives.region.')} counts={`${t('stats.counts_initiatives')} ${t('stats.today')}`} csv={csv('initiatives-by-region')} />
      <Figure ctx={ctx} id="initiatives-by-country" rows={initiatives.byCountry} labelOf={country} counts={`${t('stats.counts_initiatives')} ${t('stats.today')}`} csv={csv('initiatives-by-country')} />
      <Figure ctx={ctx} id="initiatives-by-theme" rows={initiatives.byTheme} labelOf={theme} counts={`${t('stats.counts_initiatives_theme')} ${t('stats.today')}`} csv={csv('initiatives-by-theme')} />

      {calls.length ? <>
        <h2>{t('stats.calls')}</h2>
        <ul>{calls.map((call) => (
          <li><a href={`/${lang}/calls/${call.slug}`}>{textOf(call.title, lang)}</a>{' — '}
            {t(call.reported ? 'stats.call_line_reported' : 'stats.call_line', { received: call.received, selected: call.selected, countries: call.countries })}</li>
        ))}</ul>
        <Figure ctx={ctx} id="calls-received" rows={calls.map((call) => ({ key: call.slug, count: call.received }))} labelOf={callTitle} keyName="call" counts={`${t('stats.counts_calls_received')} ${t('stats.today')}`} csv={csv('calls-received')} />
        <Figure ctx={ctx} id="calls-selected" rows={calls.map((call) => ({ key: call.slug, count: call.selected }))} labelOf={callTitle} keyName="call" counts={`${t('stats.counts_calls_selected')} ${t('stats.today')}`} csv={csv('calls-selected')} />
      </> : null}

      <h2>{t('stats.newsletter')}</h2>
      <p>{t('stats.issues_sent', { count: newsletter.issuesSent })}</p>
      <Figure ctx={ctx} id="subscribers-by-language" rows={newsletter.subscribers} labelOf={(key) => t(`lang.${key}`)} counts={`${t('stats.counts_subscribers')} ${t('stats.today')}`} csv={csv('subscribers-by-language')} />
      <Figure ctx={ctx} id="subscribers-by-topic" rows={newsletter.topics} labelOf={known('subscribers.topic.')} counts={`${t('stats.counts_subscribers_topic')} ${t('stats.today')}`} csv={csv('subscribers-by-topic')} />
      <Figure ctx={ctx} id="deliveries-by-status" rows={newsletter.deliveries} labelOf={known('stats.delivery.')} counts={`${t('stats.counts_deliveries')} ${t('stats.today')}`} csv={csv('deliveries-by-status')} />
    </div>
  );
}

/** Active members at each quarter's end against the target's line, from its baseline to its deadline. */
function MembershipOverTime({ ctx, figures, csv }: { ctx: PageContext; figures: NetworkFigures; csv: string }) {
  const { t, lang } = ctx;
  const { members: { overTime }, target, day } = figures;
  const goal = target ? [{ day: target.created_at.toISOString().slice(0, 10), count: target.baseline }, { day: target.deadline, count: target.target }] : [];
  const last = overTime.at(-1);
  const summary = !last ? t('stats.summary_none') : target
    ? t('stats.over_time_target', { count: last.count, day: t.date(last.day, 'long'), target: target.target, deadline: t.date(target.deadline, 'long') })
    : t('stats.over_time', { count: last.count, day: t.date(last.day, 'long') });
  return (
    <Figure ctx={ctx} id="members-over-time" rows={overTime.map((point) => ({ key: point.day, count: point.count }))} labelOf={(key) => t.date(key, 'medium')}
      keyName="day" counts={`${t('stats.counts_over_time')} ${t('stats.as_of', { day: t.date(day, 'long') })}`} csv={csv} summary={summary}
      chart={(label) => <LineChart points={overTime} goal={goal} label={label} title={t('stats.figure.members-over-time')} lang={lang} />} />
  );
}
