import { can } from '../../auth/permissions.ts';
import { Picture } from '../../images/picture.tsx';
import type { ImageView } from '../../images/domain.ts';
import { pick, textOf } from '../../i18n/translatable.ts';
import { LocalText } from '../../web/components.tsx';
import { Pagination } from '../../web/listing.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { newsImageUrl, type PublishedNews } from '../domain.ts';
import { LocalParagraphs } from './parts.tsx';

type ListRow = Omit<PublishedNews, 'published_at'> & { published_at: Date | null };

export function NewsListPage({ ctx, rows, total, page, pageSize }: { ctx: PageContext; rows: ListRow[]; total: number; page: number; pageSize: number }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('news.title')}</h1>
      <p class="lead">{t('news.intro')}</p>
      <p>
        <a href={`/${lang}/feed.xml`} type="application/atom+xml">{t('news.feed_link')}</a>
        {' · '}
        <a href={`/${lang}/newsletter/subscribe`}>{t('news.subscribe_link')}</a>
        {can(ctx.user, 'news.submit') && (
          <>
            {' · '}
            <a href={`/${lang}/news/submit`}>{t('news.submit_link')}</a>
          </>
        )}
      </p>
      {rows.length === 0 ? (
        <p>{t('news.empty')}</p>
      ) : (
        <ol class="news-list" aria-label={t('news.list_label')}>
          {rows.map((row) => {
            const title = pick(row.title, lang);
            return (
              <li class="card">
                <h2 lang={title && title.lang !== lang ? title.lang : undefined}>
                  <a href={`/${lang}/news/${row.slug}`}>{title?.text ?? row.slug}</a>
                </h2>
                <p class="meta">
                  {row.kind === 'announcement' ? `${t('news.kind.announcement')} · ` : ''}
                  {row.published_at && <time datetime={row.published_at.toISOString()}>{t.date(row.published_at)}</time>}
                </p>
                <LocalText ctx={ctx} field={row.summary} />
              </li>
            );
          })}
        </ol>
      )}
      <Pagination ctx={ctx} total={total} page={page} pageSize={pageSize} path={`/${lang}/news`} query={new URLSearchParams()} />
    </>
  );
}

export function NewsItemPage({ ctx, item, picture = null }: { ctx: PageContext; item: PublishedNews; picture?: ImageView | null }) {
  const { t, lang } = ctx;
  const alt = textOf(item.image_alt, lang);
  return (
    <article class="news-item">
      <p>
        <a href={`/${lang}/news`}>{t('news.back')}</a>
      </p>
      <LocalText ctx={ctx} field={item.title} as="h1" />
      <p class="meta">
        {item.kind === 'announcement' ? `${t('news.kind.announcement')} · ` : ''}
        {t('news.published_on')} <time datetime={item.published_at.toISOString()}>{t.date(item.published_at)}</time>
      </p>
      <LocalText ctx={ctx} field={item.summary} as="div" />
      {picture ? (
        <Picture image={picture} lang={lang} sizes="(min-width: 72rem) 70rem, 100vw" class="news-image" lazy={false} />
      ) : (
        item.image_key && <img class="news-image" src={newsImageUrl(item.slug)} alt={alt} />
      )}
      <LocalParagraphs ctx={ctx} field={item.body} />
      {item.link && (
        <p>
          <a href={item.link} rel="noopener noreferrer external">
            {t('news.link')}
          </a>
        </p>
      )}
      <p>
        <a href={`/${lang}/feed.xml`} type="application/atom+xml">{t('news.feed_link')}</a>
      </p>
    </article>
  );
}
