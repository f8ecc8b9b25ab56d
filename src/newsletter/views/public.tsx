import type { Lang } from '../../i18n/langs.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { IssueContent } from '../content.ts';
import { IssueBody } from '../mail.tsx';

export interface ArchiveRow {
  slug: string;
  number: number;
  sentAt: Date;
  subject: string;
  subjectLang: Lang;
}

export function ArchivePage({ ctx, rows }: { ctx: PageContext; rows: ArchiveRow[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('newsletter.archive.title')}</h1>
      <p>{t('newsletter.archive.intro')}</p>
      <p>
        <a class="button" href={`/${lang}/newsletter/subscribe`}>
          {t('newsletter.archive.subscribe')}
        </a>
      </p>
      <h2>{t('newsletter.archive.past')}</h2>
      {rows.length === 0 ? (
        <p>
          {t('newsletter.archive.empty')} {t('newsletter.archive.empty_help')} <a href={`/${lang}/news`}>{t('newsletter.archive.empty_news')}</a>
        </p>
      ) : (
        <ul class="nl-archive">
          {rows.map((row) => (
            <li>
              <a href={`/${lang}/newsletter/${row.slug}`} lang={row.subjectLang === lang ? undefined : row.subjectLang}>
                {row.subject}
              </a>{' '}
              <span class="meta">{t('newsletter.archive.sent', { number: row.number, date: t.date(row.sentAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function IssueWebPage({ ctx, content, sentAt }: { ctx: PageContext; content: IssueContent; sentAt: Date | null }) {
  const { t, lang } = ctx;
  const fallback = content.lang !== lang;
  return (
    <article class="nl-issue">
      <p class="meta">
        {t('newsletter.masthead', { number: content.number, date: t.date(sentAt ?? content.issueDate) })} · <a href={`/${lang}/newsletter`}>{t('newsletter.archive.title')}</a>
      </p>
      {fallback && (
        <p class="content-notice" role="note">
          {t('newsletter.fallback_notice', { shown: t.langName(content.lang) })}
        </p>
      )}
      <div lang={fallback ? content.lang : undefined}>
        <IssueBody content={content} />
      </div>
      <p>
        <a href={`/${lang}/newsletter/subscribe`}>{t('newsletter.archive.subscribe')}</a>
      </p>
    </article>
  );
}
