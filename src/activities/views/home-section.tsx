import type { PageContext } from '../../web/page-context.ts';
import type { ActivityListRow } from '../domain.ts';
import { ActivityItem } from './parts.tsx';

/** The home page's "latest activities": the most recent few, and a link to all of them. */
export function LatestActivities({ ctx, items }: { ctx: PageContext; items: ActivityListRow[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="latest-activities-title">
      <h2 id="latest-activities-title">{ctx.t('home.latest_activities')}</h2>
      <ul class="act-list">
        {items.map((activity) => (
          <ActivityItem ctx={ctx} activity={activity} />
        ))}
      </ul>
      <p>
        <a href={`/${ctx.lang}/activities`}>{ctx.t('home.all_activities')}</a>
      </p>
    </section>
  );
}
