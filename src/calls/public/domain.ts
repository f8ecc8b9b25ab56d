import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Lang } from '../../i18n/langs.ts';
import { pick, textOf } from '../../i18n/translatable.ts';
import { dateInZone, dayIn } from '../admin/model.ts';
import { callPath } from './paths.ts';
import * as q from './queries.ts';

type Db = Kysely<DB>;
export type PublicCall = Awaited<ReturnType<typeof q.publicCalls>>[number];
export type Phase = 'open' | 'upcoming' | 'past';

/**
 * Where a call stands for the public: open (its state is open and now is between its dates),
 * upcoming (open but its opening date is ahead), past (anything after: closed, reviewed, decided…).
 */
export function phaseOf(call: Pick<PublicCall, 'state' | 'opens_at' | 'closes_at'>, now = new Date()): Phase {
  if (call.state !== 'open') return 'past';
  if (call.closes_at && call.closes_at <= now) return 'past';
  if (call.opens_at && call.opens_at > now) return 'upcoming';
  return 'open';
}

export async function callListing(db: Db, now = new Date()) {
  const rows = await q.publicCalls(db);
  const by = (phase: Phase) => rows.filter((row) => phaseOf(row, now) === phase);
  return { open: by('open'), upcoming: by('upcoming').reverse(), past: by('past') };
}

export async function callDetail(db: Db, slug: string) {
  const call = await q.publicCall(db, slug);
  if (!call) return null;
  const [questions, themes, selected, received] = await Promise.all([
    q.questionsOf(db, call.id), q.themeNames(db, call.themes), q.selectedCounts(db, call.id), q.receivedCount(db, call.id),
  ]);
  // Calls run before Passerelle report what they received; the rows are only the selected ones.
  const receivedShown = call.received_count_reported ?? received.n;
  return { call, questions, themes, selected, received: receivedShown };
}
export type CallDetail = NonNullable<Awaited<ReturnType<typeof callDetail>>>;

/** The calls of a forum, for its activity page. */
export const callsOfActivity = (db: Db, activityId: number) => q.callsOfActivity(db, activityId);

/** Calls open now or announced, for the home page and the newsletter composer. */
export const openCalls = (db: Db, now = new Date()) => q.openCalls(db, now);

/** A call's closing day as a calendar event (all-day, on the day it closes in the call's zone). */
export interface CallDeadline {
  slug: string;
  title: string;
  day: string;
  closesText: string;
  url: string;
  updatedAt: Date;
}

export async function callDeadlines(db: Db, lang: Lang, baseUrl = '', range: { from?: Date; to?: Date } = {}): Promise<CallDeadline[]> {
  const rows = await q.callDeadlines(db, range.from, range.to);
  return rows.map((row) => ({
    slug: row.slug,
    title: textOf(row.title, lang),
    day: dayIn(row.closes_at!, row.time_zone),
    closesText: dateInZone(row.closes_at!, row.time_zone, lang),
    url: `${baseUrl}${callPath(lang, row.slug)}`,
    updatedAt: row.updated_at,
  }));
}

/** Open calls as Atom entries (the feed's shape, news/feed.ts). */
export async function callFeedEntries(db: Db, lang: Lang, baseUrl: string, category: string) {
  const rows = await q.openCalls(db, new Date());
  return rows.filter((row) => phaseOf(row) === 'open').map((row) => {
    const title = pick(row.title, lang);
    const body = pick(row.body, lang);
    const url = `${baseUrl}${callPath(lang, row.slug)}`;
    return {
      id: url, url, category,
      title: title?.text ?? row.slug, titleLang: title?.lang ?? lang,
      summary: (body?.text ?? '').slice(0, 600), summaryLang: body?.lang ?? lang,
      updated: row.updated_at, published: row.opens_at ?? undefined,
    };
  });
}

/**
 * Call closing days for the calendar feed (activities/ics.ts's shape): one all-day event each, its
 * UID fixed by the call's slug; SEQUENCE follows the call's last change so a moved deadline replaces
 * the old entry in a subscribed calendar.
 */
export async function callDeadlineIcsEvents(db: Db, lang: Lang, baseUrl: string, summary: (title: string) => string) {
  const deadlines = await callDeadlines(db, lang, baseUrl);
  return deadlines.map((deadline) => ({
    uid: `call-${deadline.slug}-closes@calls.gsef-net.org`,
    sequence: Math.floor(deadline.updatedAt.getTime() / 1000) % 2_000_000_000,
    updatedAt: deadline.updatedAt,
    start_date: deadline.day,
    end_date: deadline.day,
    date_precision: 'day' as const,
    tentative: false,
    summary: summary(deadline.title),
    description: deadline.closesText,
    location: '',
    url: deadline.url,
  }));
}
