import type { ActivityListRow } from '../../activities/domain.ts';
import { placeOf, When } from '../../activities/views/parts.tsx';
import type { ImageView } from '../../images/domain.ts';
import { Picture } from '../../images/picture.tsx';
import type { PublishedNews } from '../../news/domain.ts';
import { LocalText } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { textOf } from '../../i18n/translatable.ts';

/** The two ways in a visitor looks for first: joining the network, and who is in it. */
export function HomeActions({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <p class="home-actions">
      <a class="button-link" href={`/${lang}/join`}>{t('home.join')}</a>{' '}
      <a class="button-link secondary" href={`/${lang}/members`}>{t('home.see_members')}</a>
    </p>
  );
}

/** The next forum; without one announced, the latest, said as such (never passed off as coming). */
export function HomeForum({ ctx, forum, images }: { ctx: PageContext; forum: { forum: ActivityListRow; upcoming: boolean } | null; images: Map<number, ImageView> }) {
  const { t, lang } = ctx;
  if (!forum) return null;
  const { forum: row, upcoming } = forum;
  const photo = row.photo_image_id ? images.get(row.photo_image_id) : undefined;
  const place = placeOf(ctx, row);
  return (
    <section aria-labelledby="home-forum-title" class="home-card">
      <h2 id="home-forum-title">{t(upcoming ? 'home.forum.next' : 'home.forum.latest')}</h2>
      {photo && <Picture image={photo} lang={lang} sizes="(min-width: 60rem) 34rem, 100vw" class="home-photo" />}
      <h3>
        <a href={`/${lang}/activities/${row.slug}`}>{textOf(row.title, lang)}</a>
      </h3>
      <p class="meta">
        <When ctx={ctx} activity={row} />
        {place && ` · ${place}`}
      </p>
      <LocalText ctx={ctx} field={row.summary} />
      {!upcoming && <p>{t('home.forum.next_unknown')}</p>}
    </section>
  );
}

/** What is coming; when nothing is announced, it says so, and shows the latest activities instead. */
export function HomeEvents({ ctx, events, recent }: { ctx: PageContext; events: ActivityListRow[]; recent: ActivityListRow[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="home-events-title" class="home-card">
      <h2 id="home-events-title">{t('home.events.title')}</h2>
      {events.length === 0 ? <p>{t('home.events.none')}</p> : <EventList ctx={ctx} events={events} />}
      <p>
        <a href={`/${lang}/calendar`}>{t('home.events.calendar')}</a>
      </p>
      {events.length === 0 && recent.length > 0 && (
        <>
          <h3 class="home-subtitle">{t('home.latest_activities')}</h3>
          <EventList ctx={ctx} events={recent} headingLevel={4} />
          <p>
            <a href={`/${lang}/activities`}>{t('home.all_activities')}</a>
          </p>
        </>
      )}
    </section>
  );
}

function EventList({ ctx, events, headingLevel = 3 }: { ctx: PageContext; events: ActivityListRow[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul class="act-list">
      {events.map((event) => {
        const place = placeOf(ctx, event);
        return (
          <li class="act-item">
            <Heading>
              <a href={`/${ctx.lang}/activities/${event.slug}`}>{textOf(event.title, ctx.lang)}</a>
            </Heading>
            <p class="meta">
              <span class="act-type">{ctx.t(`activities.type.${event.type}`)}</span>
              {' · '}
              <When ctx={ctx} activity={event} />
              {place && ` · ${place}`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export function HomeNews({ ctx, news, images }: { ctx: PageContext; news: PublishedNews[]; images: Map<number, ImageView> }) {
  const { t, lang } = ctx;
  if (news.length === 0) return null;
  return (
    <section aria-labelledby="home-news-title">
      <h2 id="home-news-title">{t('home.news.title')}</h2>
      <ul class="home-news">
        {news.map((item) => {
          const image = item.image_id ? images.get(item.image_id) : undefined;
          return (
            <li>
              {image && <Picture image={image} lang={lang} sizes="8rem" class="home-news-image" />}
              <div>
                <h3>
                  <a href={`/${lang}/news/${item.slug}`}>{textOf(item.title, lang)}</a>
                </h3>
                <p class="meta">
                  <time datetime={item.published_at.toISOString()}>{t.date(item.published_at)}</time>
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      <p>
        <a href={`/${lang}/news`}>{t('home.news.all')}</a>
      </p>
    </section>
  );
}

/** A GET form, as in the footer: no token, so the home page stays cacheable; the subscribe page does the rest. */
export function HomeNewsletter({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="home-newsletter-title" class="home-newsletter">
      <h2 id="home-newsletter-title">{t('home.newsletter.title')}</h2>
      <p>{t('home.newsletter.text')}</p>
      <form method="get" action={`/${lang}/newsletter/subscribe`}>
        <label for="home-subscribe-email">{t('subscribers.footer_email')}</label>{' '}
        <input id="home-subscribe-email" type="email" name="email" autocomplete="email" maxLength={254} />{' '}
        <button type="submit">{t('subscribers.footer_submit')}</button>
      </form>
      <p>
        <a href={`/${lang}/newsletter`}>{t('home.newsletter.archive')}</a>
      </p>
    </section>
  );
}
