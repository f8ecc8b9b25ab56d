import { yearOf } from './dates.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, translator, type Lang } from '../i18n/i18n.ts';
import { callDeadlineIcsEvents, callDeadlines } from '../calls/public/domain.ts';
import { textOf } from '../i18n/translatable.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { listParam, PAGE_SIZE, pageParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import {
  activityDetail,
  browseActivities,
  eventsBetween,
  eventYears,
  feedEvents,
  hasCalendarDates,
  icsEventOf,
  isActivityType,
  isKnownRegion,
  isTheme,
  PLACEABLE,
  seriesDetail,
  upcomingEvents,
  type ActivityFilter,
} from './domain.ts';
import { icsCalendar } from './ics.ts';
import { registrationState } from './registrations.ts';
import { ActivityPage, SeriesPage } from './views/activity.tsx';
import { CalendarPage } from './views/calendar.tsx';
import { ActivitiesPage, type ListState } from './views/list.tsx';

type Query = Record<string, unknown>;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const today = () => new Date().toISOString().slice(0, 10);

/** Listing filters from the query string; unknown values are dropped, never an error. */
export function listingFilter(query: Query) {
  const selected = {
    type: listParam(query.type).filter(isActivityType),
    region: listParam(query.region).filter(isKnownRegion),
    year: listParam(query.year).filter((y) => /^\d{4}$/.test(y)),
    theme: listParam(query.theme).filter(isTheme),
    series: listParam(query.series).filter((s) => SLUG.test(s) && s.length <= 100),
  };
  const filter: ActivityFilter = {
    topLevel: true,
    types: selected.type,
    regions: selected.region,
    years: selected.year.map(Number),
    themes: selected.theme,
    series: selected.series,
  };
  return { selected, filter };
}

async function activities(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const { selected, filter } = listingFilter(request.query);
  const page = pageParam.parse(request.query.page);
  const data = await browseActivities(request.server.ctx.db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const query = new URLSearchParams();
  for (const [name, values] of Object.entries(selected)) for (const value of values) query.append(name, value);
  const state: ListState = { selected, page, query };
  return sendPage(request, reply, {
    title: request.t('activities.title'),
    description: request.t('activities.intro'),
    body: (ctx) => <ActivitiesPage ctx={ctx} data={data} state={state} />,
  });
}

async function activity(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const detail = await activityDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  const registration = registrationState(detail.activity, today());
  return sendPage(request, reply, {
    title: textOf(detail.activity.title, request.lang),
    description: textOf(detail.activity.summary, request.lang).slice(0, 300),
    body: (ctx) => <ActivityPage ctx={ctx} detail={detail} registration={registration} />,
  });
}

async function series(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const detail = await seriesDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  return sendPage(request, reply, {
    title: textOf(detail.series.title, request.lang),
    body: (ctx) => <SeriesPage ctx={ctx} detail={detail} />,
  });
}

async function calendar(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const { db } = request.server.ctx;
  const yearText = String(request.query.year ?? '');
  const monthText = String(request.query.month ?? '');
  const now = today();
  if ((request.query.year !== undefined && !/^\d{4}$/.test(yearText)) || (request.query.month !== undefined && !/^(0?[1-9]|1[0-2])$/.test(monthText))) {
    throw new HttpError(400, 'calendar.error.period');
  }
  const [years, upcoming] = await Promise.all([eventYears(db), upcomingEvents(db, now)]);
  // With no period asked, open where something is coming up; else on the latest year, saying so.
  const fallbackYear = upcoming[0] ? yearOf(upcoming[0].start_date) : (years.at(-1)?.year ?? Number(now.slice(0, 4)));
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : fallbackYear;
  const month = /^(0?[1-9]|1[0-2])$/.test(monthText) ? Number(monthText) : null;
  const latestShown = request.query.year === undefined && upcoming.length === 0 && years.length > 0;
  const from = month ? `${year}-${String(month).padStart(2, '0')}-01` : `${year}-01-01`;
  const to = month ? new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) : `${year}-12-31`;
  const [events, deadlines] = await Promise.all([
    month ? eventsBetween(db, from, to, { precisions: PLACEABLE }) : eventsStartingIn(db, from, to),
    callDeadlines(db, request.lang, '', { from: new Date(`${from}T00:00:00Z`), to: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) }),
  ]);
  return sendPage(request, reply, {
    title: request.t('calendar.title'),
    body: (ctx) => <CalendarPage ctx={ctx} data={{ year, month, years, events, upcoming, latestShown, deadlines }} />,
  });
}

/** A year view lists each event once, under the month it starts in. */
function eventsStartingIn(db: FastifyRequest['server']['ctx']['db'], from: string, to: string) {
  return eventsBetween(db, from, to).then((rows) => rows.filter((row) => row.start_date >= from));
}

/** `?type=` and `?region=` of the feed: a value that is not a known type or region is a 400. */
export function feedFilter(query: Query): ActivityFilter {
  const types = listParam(query.type);
  const regions = listParam(query.region);
  const fields: Record<string, string> = {};
  if (types.some((type) => !isActivityType(type))) fields.type = 'calendar.error.type';
  if (regions.some((region) => !isKnownRegion(region))) fields.region = 'calendar.error.region';
  if (Object.keys(fields).length > 0) throw new HttpError(400, 'calendar.error.filter', fields);
  return { types, regions };
}

function sendIcs(reply: FastifyReply, body: string, filename: string) {
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('cache-control', 'public, max-age=300')
    .send(body);
}

async function calendarFeed(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const filter = feedFilter(request.query);
  const langText = String(request.query.lang ?? 'en');
  const lang: Lang = isLang(langText) ? langText : 'en';
  const { db, config } = request.server.ctx;
  const events = await feedEvents(db, filter, lang, config.baseUrl);
  // Calls' closing days are no activity type: they are in the unfiltered feed only.
  const t = translator(lang);
  const deadlines = filter.types?.length ? [] : await callDeadlineIcsEvents(db, lang, config.baseUrl, (title) => t('calls.public.deadline', { title }));
  return sendIcs(reply, icsCalendar('GSEF', [...events, ...deadlines]), 'gsef.ics');
}

async function eventFeed(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const detail = await activityDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  // A year-only date has no place in a calendar application (see feedEvents): said, not faked.
  if (!hasCalendarDates(detail.activity)) throw new HttpError(404, 'activities.error.no_calendar_dates');
  const event = icsEventOf(detail.activity, request.lang, request.server.ctx.config.baseUrl);
  return sendIcs(reply, icsCalendar(event.summary, [event]), `${detail.activity.slug}.ics`);
}

export const activityRoutes = [
  route('GET', '/:lang/activities', 'public', activities),
  route('GET', '/:lang/activities/series/:slug', 'public', series),
  route('GET', '/:lang/activities/:slug', 'public', activity),
  route('GET', '/:lang/activities/:slug/calendar.ics', 'public', eventFeed),
  route('GET', '/:lang/calendar', 'public', calendar),
  route('GET', '/calendar.ics', 'public', calendarFeed),
];
