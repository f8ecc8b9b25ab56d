import { openCalls } from '../calls/public/domain.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { memberKeyFigures, memberPlaces } from '../members/domain.ts';
import { homeForum, latestActivities, upcomingEvents } from '../activities/domain.ts';
import { acceptedNews } from '../news/domain.ts';
import { loadImages } from '../images/domain.ts';
import { countBodies, getProfile, listBodies } from './queries.ts';

const HOME_BODIES = 6;
const HOME_EVENTS = 3;
const HOME_NEWS = 3;

export interface KeyFigure {
  value: number;
  /** A plural message key, filled with the value. */
  labelKey: string;
}

/** What the home page shows about the network, every figure computed from the stored data. */
export async function networkOverview(db: Kysely<DB>, today = new Date()) {
  const day = today.toISOString().slice(0, 10);
  const [profile, bodies, bodyCount, members, activities, forum, upcoming, news, places, calls] = await Promise.all([
    getProfile(db),
    // The home page presents the main bodies; the governance page lists them all.
    listBodies(db, { limit: HOME_BODIES, offset: 0 }),
    countBodies(db),
    memberKeyFigures(db),
    latestActivities(db, 3),
    homeForum(db, day),
    upcomingEvents(db, day, HOME_EVENTS),
    acceptedNews(db, { limit: HOME_NEWS }),
    memberPlaces(db),
    openCalls(db, today),
  ]);
  // Every picture of the page in one query.
  const images = await loadImages(db, [forum?.forum.photo_image_id, ...news.map((item) => item.image_id)]);
  if (!profile) return null;
  const seats = bodies.find((body) => body.kind === 'steering_committee')?.seats ?? 0;
  const figures: KeyFigure[] = [
    { value: today.getUTCFullYear() - profile.launched_year, labelKey: 'home.figure.years' },
    { value: profile.working_languages.length, labelKey: 'home.figure.languages' },
    { value: bodyCount, labelKey: 'home.figure.bodies' },
    { value: seats, labelKey: 'home.figure.seats' },
    { value: members.members, labelKey: 'home.figure.members' },
    { value: members.countries, labelKey: 'home.figure.countries' },
    { value: activities.total, labelKey: 'home.figure.activities' },
  ];
  return {
    profile,
    bodies,
    figures,
    latestActivities: activities.items,
    forum,
    upcoming,
    news,
    calls,
    images,
    members: { ...members, places },
  };
}
