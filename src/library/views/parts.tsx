import { LocalText } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { publishedInWords } from '../domain.ts';
import type { ResourceRow } from '../queries.ts';


/** A file type in words, from its detected MIME type. */
export function fileKind(ctx: PageContext, mime: string): string {
  const key = {
    'application/pdf': 'library.file_kind.pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'library.file_kind.docx',
    'application/vnd.oasis.opendocument.text': 'library.file_kind.odt',
  }[mime];
  return key ? ctx.t(key) : ctx.t('library.file_kind.image');
}

export function ResourceMeta({ ctx, row }: { ctx: PageContext; row: Pick<ResourceRow, 'type' | 'published_on' | 'date_precision' | 'languages' | 'visibility'> }) {
  const { t, lang } = ctx;
  const parts = [
    t(`library.type.${row.type}`),
    publishedInWords(row.published_on, row.date_precision, lang),
    row.languages.map((l) => t.langName(l as never)).join(', '),
  ].filter(Boolean);
  return (
    <p class="meta">
      {parts.join(' · ')}
      {row.visibility === 'members' && <> · <strong>{t('library.members_only')}</strong></>}
    </p>
  );
}

export function ResourceTitle({ ctx, row, as = 'h2' }: { ctx: PageContext; row: Pick<ResourceRow, 'title'>; as?: 'h1' | 'h2' }) {
  return <LocalText ctx={ctx} field={row.title} as={as} />;
}
