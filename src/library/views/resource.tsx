import { can } from '../../auth/permissions.ts';
import { pick, textOf } from '../../i18n/translatable.ts';
import { JsonLd } from '../../initiatives/views/detail.tsx';
import { formatSize, LocalText } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { publishedForApi, themeName, type resourceDetail } from '../domain.ts';
import { fileKind, ResourceMeta } from './parts.tsx';

type Detail = NonNullable<Awaited<ReturnType<typeof resourceDetail>>>;
type File = Detail['files'][number];

export const fileUrl = (file: Pick<File, 'id' | 'file_name'>) => `/media/library/${file.id}/${encodeURIComponent(file.file_name)}`;

export function ResourcePage({ ctx, detail }: { ctx: PageContext; detail: Detail }) {
  const { t, lang } = ctx;
  const { resource, files, publishers, related } = detail;
  const staff = can(ctx.user, 'library.manage');
  const inline = (field: Parameters<typeof pick>[0]) => {
    const picked = pick(field, lang);
    return picked ? <span lang={picked.lang !== lang ? picked.lang : undefined}>{picked.text}</span> : null;
  };
  return (
    <article class="library-resource">
      <JsonLd data={resourceJsonLd(ctx, detail)} />
      <p class="meta">
        <a href={`/${lang}/library`}>{t('library.title')}</a>
      </p>
      <LocalText ctx={ctx} field={resource.title} as="h1" />
      <ResourceMeta ctx={ctx} row={resource} />
      <LocalText ctx={ctx} field={resource.summary} />
      <dl class="library-facts">
        {resource.authors.length > 0 && (
          <>
            <dt>{t('library.authors')}</dt>
            <dd>{resource.authors.join(', ')}</dd>
          </>
        )}
        {publishers.length > 0 && (
          <>
            <dt>{t('library.publishers')}</dt>
            <dd>{publishers.map((p, index) => <>{index > 0 && ', '}{inline(p.name)}</>)}</dd>
          </>
        )}
        {resource.themes.length > 0 && (
          <>
            <dt>{t('library.themes')}</dt>
            <dd>{resource.themes.map((slug, index) => <>{index > 0 && ', '}<a href={`/${lang}/library?theme=${slug}`}>{themeName(slug, lang)}</a></>)}</dd>
          </>
        )}
        {related.activity && (
          <>
            <dt>{t('library.related_activity')}</dt>
            <dd><a href={`/${lang}/activities/${related.activity.slug}`}>{inline(related.activity.title)}</a></dd>
          </>
        )}
        {related.member && (
          <>
            <dt>{t('library.related_member')}</dt>
            <dd><a href={`/${lang}/members/${related.member.slug}`}>{inline(related.member.title)}</a></dd>
          </>
        )}
        {related.initiative && (
          <>
            <dt>{t('library.related_initiative')}</dt>
            <dd><a href={`/${lang}/initiatives/${related.initiative.slug}`}>{inline(related.initiative.title)}</a></dd>
          </>
        )}
        {resource.external_url && (
          <>
            <dt>{t(resource.type === 'video' ? 'library.watch' : 'library.external')}</dt>
            <dd><a href={resource.external_url} rel="noopener noreferrer external">{resource.external_url}</a></dd>
          </>
        )}
      </dl>
      <h2>{t('library.files')}</h2>
      {files.length === 0 ? (
        <p>{t('library.no_files')}</p>
      ) : (
        <ul class="library-files">
          {files.map((file) => (
            <li>
              <a href={fileUrl(file)} download>{file.file_name}</a>{' '}
              <span class="meta">
                ({[fileKind(ctx, file.mime), formatSize(ctx, file.size), file.lang ? t.langName(file.lang as never) : null].filter(Boolean).join(', ')})
              </span>
              {staff && <> <ExtractionState ctx={ctx} file={file} /></>}
            </li>
          ))}
        </ul>
      )}
      {staff && (
        <p>
          <a href={`/${lang}/admin/library/${resource.slug}`}>{t('library.admin.edit')}</a>
        </p>
      )}
    </article>
  );
}

/** Where a file's text extraction stands (staff only): pending, done, failed with its reason. */
export function ExtractionState({ ctx, file }: { ctx: PageContext; file: Pick<File, 'extraction' | 'extraction_error' | 'downloads'> }) {
  const { t } = ctx;
  // A file refused for its cost (extract.ts) says which limit, in the reader's language.
  const limit = file.extraction === 'failed' ? /^limit:(memory|time|output)$/.exec(file.extraction_error ?? '')?.[1] : undefined;
  return (
    <span class={`library-extraction library-extraction-${file.extraction}`}>
      {limit ? t('library.extraction.refused', { reason: t(`library.extraction.limit.${limit}`) }) : t(`library.extraction.${file.extraction}`)}
      {file.extraction === 'failed' && file.extraction_error && !limit ? `: ${file.extraction_error}` : ''} · {t.plural('library.downloads', file.downloads)}
    </span>
  );
}

const SCHEMA_TYPES: Record<string, string> = { report: 'Report', video: 'VideoObject', photo_gallery: 'ImageGallery', press_release: 'NewsArticle', presentation: 'PresentationDigitalDocument' };

function resourceJsonLd(ctx: PageContext, { resource, files, publishers }: Detail): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': SCHEMA_TYPES[resource.type] ?? 'CreativeWork',
    name: textOf(resource.title, ctx.lang),
    description: textOf(resource.summary, ctx.lang) || undefined,
    url: `${ctx.baseUrl}/${ctx.lang}/library/${resource.slug}`,
    datePublished: publishedForApi(resource.published_on, resource.date_precision) ?? undefined,
    inLanguage: resource.languages,
    author: resource.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: publishers.map((p) => ({ '@type': 'Organization', name: textOf(p.name, ctx.lang) })),
    associatedMedia: files.map((file) => ({ '@type': 'MediaObject', name: file.file_name, encodingFormat: file.mime, contentUrl: `${ctx.baseUrl}${fileUrl(file)}`, contentSize: file.size })),
  };
}
