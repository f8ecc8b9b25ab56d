import type { PageContext } from '../../web/page-context.ts';
import type { ActivityListRow } from '../domain.ts';
import { ActivityItem } from './parts.tsx';
import { CallDeadlines } from '../../calls/public/views/parts.tsx';
import type { CallDeadline } from '../../calls/public/domain.ts';
import { dateFormat } from '../../i18n/formats.ts';

export interface CalendarData {
  year: number;
  month: number | null;
  years: readonly { year: number; count: number }[];
  events: ActivityListRow[];
  upcoming: ActivityListRow[];
  /** No period was asked and nothing is coming up: the latest year is shown, and the page says so. */
  latestShown?: boolean;
  /** Closing days of calls for initiatives in the period (the calls module's). */
  deadlines?: CallDeadline[];
}

const monthName = (lang: string, year: number, month: number) =>
  dateFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));

export function CalendarPage({ ctx, data }: { ctx: PageContext; data: CalendarData }) {
  const { t, lang } = ctx;
  const base = `/${lang}/calendar`;
  const heading = data.month ? monthName(lang, data.year, data.month) : String(data.year);
  const byMonth = new Map<number, ActivityListRow[]>();
  // Year-only dates have no month: the year view lists them apart, the month views never.
  const duringYear = data.events.filter((event) => event.date_precision === 'year');
  for (const event of data.events) {
    if (event.date_precision === 'year') continue;
    const month = data.month ?? Number(event.start_date.slice(5, 7));
    byMonth.set(month, [...(byMonth.get(month) ?? []), event]);
  }
  const previous = data.month ? (data.month === 1 ? { year: data.year - 1, month: 12 } : { year: data.year, month: data.month - 1 }) : null;
  const next = data.month ? (data.month === 12 ? { year: data.year + 1, month: 1 } : { year: data.year, month: data.month + 1 }) : null;
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p>
        {t('calendar.intro')} <a href="/calendar.ics">{t('calendar.subscribe')}</a>
      </p>
      <nav aria-label={t('calendar.years')} class="cal-years">
        <ul>
          {data.years.map(({ year, count }) => (
            <li>
              {year === data.year && !data.month ? (
                <span aria-current="page">{year}</span>
              ) : (
                <a href={`${base}?year=${year}`}>{year}</a>
              )}{' '}
              <span class="count">({t.number(count)})</span>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="cal-period">
        <h2 id="cal-period">{heading}</h2>
        {data.latestShown && (
          <p class="content-notice">
            {t('calendar.latest_shown', { year: String(data.year) })}
          </p>
        )}
        {previous && next && (
          <nav aria-label={t('calendar.months')} class="cal-months">
            <a href={`${base}?year=${previous.year}&month=${previous.month}`} rel="prev">
              {monthName(lang, previous.year, previous.month)}
            </a>{' '}
            <a href={`${base}?year=${data.year}`}>{t('calendar.whole_year', { year: String(data.year) })}</a>{' '}
            <a href={`${base}?year=${next.year}&month=${next.month}`} rel="next">
              {monthName(lang, next.year, next.month)}
            </a>
          </nav>
        )}
        {data.events.length === 0 && <p>{t('calendar.empty')}</p>}
        <CallDeadlines ctx={ctx} deadlines={data.deadlines ?? []} />
        {[...byMonth].map(([month, events]) => (
          <section aria-labelledby={`cal-m${month}`} class="cal-month">
            <h3 id={`cal-m${month}`}>
              {data.month ? t.plural('calendar.events', events.length) : <a href={`${base}?year=${data.year}&month=${month}`}>{monthName(lang, data.year, month)}</a>}
            </h3>
            <ul class="act-list">
              {events.map((event) => (
                <ActivityItem ctx={ctx} activity={event} headingLevel={4} />
              ))}
            </ul>
          </section>
        ))}
        {!data.month && duringYear.length > 0 && (
          <section aria-labelledby="cal-during-year" class="cal-month">
            <h3 id="cal-during-year">{t('calendar.during_year', { year: String(data.year) })}</h3>
            <p>{t('calendar.during_year_hint')}</p>
            <ul class="act-list">
              {duringYear.map((event) => (
                <ActivityItem ctx={ctx} activity={event} headingLevel={4} />
              ))}
            </ul>
          </section>
        )}
      </section>
      <section aria-labelledby="cal-upcoming">
        <h2 id="cal-upcoming">{t('calendar.upcoming')}</h2>
        {data.upcoming.length === 0 ? (
          <p>{t('calendar.no_upcoming')}</p>
        ) : (
          <ul class="act-list">
            {data.upcoming.map((event) => (
              <ActivityItem ctx={ctx} activity={event} headingLevel={3} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
