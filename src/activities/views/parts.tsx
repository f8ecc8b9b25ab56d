import { textOf } from '../../i18n/translatable.ts';
import type { PageContext } from '../../web/page-context.ts';
import { datesInWords } from '../dates.ts';
import { placeInWords, type ActivityListRow } from '../domain.ts';

/** The date line of an activity, in words, with a machine-readable <time> only when the day is known. */
export function When({ ctx, activity }: { ctx: PageContext; activity: ActivityListRow }) {
  const words = datesInWords(ctx.t, activity);
  if (activity.date_precision === 'month') return <span class="act-when">{words}</span>;
  // HTML accepts a bare year as a datetime; it claims no day.
  if (activity.date_precision === 'year' && activity.start_date === activity.end_date) {
    return (
      <time class="act-when" datetime={activity.start_date.slice(0, 4)}>
        {words}
      </time>
    );
  }
  if (activity.date_precision === 'year') return <span class="act-when">{words}</span>;
  return (
    <time class="act-when" datetime={activity.start_date}>
      {words}
    </time>
  );
}

export function placeOf(ctx: PageContext, activity: ActivityListRow): string {
  return activity.format === 'online' && !activity.city ? ctx.t('activities.format.online') : placeInWords(activity, ctx.lang);
}

/** One activity in a list: title link, type, dates, place, edition. */
export function ActivityItem({ ctx, activity, headingLevel = 3 }: { ctx: PageContext; activity: ActivityListRow; headingLevel?: 2 | 3 | 4 }) {
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 4 ? 'h4' : 'h3';
  const place = placeOf(ctx, activity);
  return (
    <li class="act-item">
      <Heading>
        <a href={`/${ctx.lang}/activities/${activity.slug}`}>{textOf(activity.title, ctx.lang)}</a>
      </Heading>
      <p class="meta">
        <span class="act-type">{ctx.t(`activities.type.${activity.type}`)}</span>
        {' · '}
        <When ctx={ctx} activity={activity} />
        {place && ` · ${place}`}
      </p>
    </li>
  );
}
