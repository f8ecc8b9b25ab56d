import { textOf } from '../../i18n/translatable.ts';
import { Picture } from '../../images/picture.tsx';
import { LocalText, ScrollingTable } from '../../web/components.tsx';
import { ForumCalls } from '../../calls/public/views/parts.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { activityDetail, seriesDetail } from '../domain.ts';
import { ActivityItem, placeOf, When } from './parts.tsx';

type Detail = NonNullable<Awaited<ReturnType<typeof activityDetail>>>;

export function ActivityPage({ ctx, detail, registration }: { ctx: PageContext; detail: Detail; registration: { open: boolean; reason?: string } }) {
  const { t, lang } = ctx;
  const { activity, children, resources, related, organisations } = detail;
  const organisers = organisations.filter((o) => o.role === 'organiser');
  const partners = organisations.filter((o) => o.role === 'partner');
  const place = placeOf(ctx, activity);
  return (
    <article class="act-page">
      <p class="meta">
        {t(`activities.type.${activity.type}`)}
        {activity.series_slug && (
          <>
            {' · '}
            <a href={`/${lang}/activities/series/${activity.series_slug}`}>
              {activity.edition ? t('activities.edition_of', { edition: activity.edition, series: textOf(activity.series_title, lang) }) : textOf(activity.series_title, lang)}
            </a>
          </>
        )}
      </p>
      <h1>{textOf(activity.title, lang)}</h1>
      {detail.photo && <Picture image={detail.photo} lang={lang} sizes="(min-width: 72rem) 70rem, 100vw" class="act-photo" lazy={false} />}
      <dl class="act-facts">
        <dt>{t('activities.when')}</dt>
        <dd>
          <When ctx={ctx} activity={activity} />
        </dd>
        {place && (
          <>
            <dt>{t('activities.where')}</dt>
            <dd>{place}</dd>
          </>
        )}
        <dt>{t('activities.format')}</dt>
        <dd>{t(`activities.format.${activity.format}`)}</dd>
        {activity.participants !== null && (
          <>
            <dt>{t('activities.participants')}</dt>
            <dd>{t.number(activity.participants)}</dd>
          </>
        )}
        {activity.countries_count !== null && (
          <>
            <dt>{t('activities.countries')}</dt>
            <dd>{t.number(activity.countries_count)}</dd>
          </>
        )}
        {activity.themes.length > 0 && (
          <>
            <dt>{t('activities.themes')}</dt>
            <dd>{activity.themes.map((theme) => t(`activities.theme.${theme}`)).join(', ')}</dd>
          </>
        )}
        {activity.parent_slug && (
          <>
            <dt>{t('activities.part_of')}</dt>
            <dd>
              <a href={`/${lang}/activities/${activity.parent_slug}`}>{textOf(activity.parent_title, lang)}</a>
            </dd>
          </>
        )}
      </dl>
      <LocalText ctx={ctx} field={activity.summary} />
      <LocalText ctx={ctx} field={activity.body} as="div" />
      <ForumCalls ctx={ctx} calls={detail.calls} />
      {activity.date_precision !== 'year' && (
        <p>
          <a href={`/${lang}/activities/${activity.slug}/calendar.ics`}>{t('activities.add_to_calendar')}</a>
        </p>
      )}
      {registration.open ? (
        <p>
          <a class="button" href={`/${lang}/activities/${activity.slug}/register`}>
            {t('registration.register')}
          </a>
        </p>
      ) : (
        registration.reason && <p>{t(registration.reason)}</p>
      )}
      {activity.speakers.length > 0 && (
        <section aria-labelledby="act-speakers">
          <h2 id="act-speakers">{t('activities.speakers')}</h2>
          <ul>
            {activity.speakers.map((speaker) => (
              <li>{speaker}</li>
            ))}
          </ul>
        </section>
      )}
      {(organisers.length > 0 || partners.length > 0) && (
        <section aria-labelledby="act-partners">
          <h2 id="act-partners">{t('activities.organisers_partners')}</h2>
          {organisers.length > 0 && <OrgList ctx={ctx} title={t('activities.organisers')} orgs={organisers} />}
          {partners.length > 0 && <OrgList ctx={ctx} title={t('activities.partners')} orgs={partners} />}
        </section>
      )}
      {children.length > 0 && (
        <section aria-labelledby="act-children">
          <h2 id="act-children">{t('activities.sub_events')}</h2>
          <ul class="act-list">
            {children.map((child) => (
              <ActivityItem ctx={ctx} activity={child} />
            ))}
          </ul>
        </section>
      )}
      {resources.length > 0 && (
        <section aria-labelledby="act-resources">
          <h2 id="act-resources">{t('activities.resources')}</h2>
          <ul>
            {resources.map((resource) => (
              <li>
                <span class="act-type">{t(`activities.resource.${resource.kind}`)}</span>:{' '}
                {resource.url ? <a href={resource.url}>{textOf(resource.title, lang)}</a> : textOf(resource.title, lang)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {related.length > 0 && (
        <section aria-labelledby="act-related">
          <h2 id="act-related">{t('activities.related')}</h2>
          <ul class="act-list">
            {related.map((item) => (
              <ActivityItem ctx={ctx} activity={item} />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function OrgList({ ctx, title, orgs }: { ctx: PageContext; title: string; orgs: Detail['organisations'] }) {
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {orgs.map((org) => (
          <li>{textOf(org.name, ctx.lang)}</li>
        ))}
      </ul>
    </>
  );
}

type Series = NonNullable<Awaited<ReturnType<typeof seriesDetail>>>;

export function SeriesPage({ ctx, detail }: { ctx: PageContext; detail: Series }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{textOf(detail.series.title, lang)}</h1>
      <LocalText ctx={ctx} field={detail.series.description} />
      <ScrollingTable captionId="series-editions">
        <caption id="series-editions">{t.plural('activities.editions', detail.editions.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.edition')}</th>
            <th scope="col">{t('activities.when')}</th>
            <th scope="col">{t('activities.where')}</th>
            <th scope="col">{t('activities.theme_or_summary')}</th>
            <th scope="col">{t('activities.participants')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.editions.map((edition) => (
            <tr>
              <th scope="row">
                <a href={`/${lang}/activities/${edition.slug}`}>{edition.edition ? t.number(edition.edition) : textOf(edition.title, lang)}</a>
              </th>
              <td>
                <When ctx={ctx} activity={edition} />
              </td>
              <td>{placeOf(ctx, edition)}</td>
              <td>{textOf(edition.summary, lang)}</td>
              <td>{edition.participants === null ? t('activities.unknown') : t.number(edition.participants)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </>
  );
}
