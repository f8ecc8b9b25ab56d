import { pick, type Translatable } from '../../i18n/translatable.ts';
import type { PageContext } from '../../web/page-context.ts';

/** Plain text stored with blank lines between paragraphs, shown as paragraphs (escaped, as all text). */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
}

/** A translatable body in the reader's language or the best available, with the fallback notice (as LocalText). */
export function LocalParagraphs({ ctx, field }: { ctx: PageContext; field: Translatable }) {
  const picked = pick(field, ctx.lang);
  if (!picked) return null;
  const notice = picked.isFallback
    ? ctx.t('content.fallback', { shown: ctx.t.langName(picked.lang) })
    : picked.status === 'machine'
      ? ctx.t('content.machine')
      : picked.status === 'outdated'
        ? ctx.t('content.outdated')
        : null;
  return (
    <>
      {notice && (
        <p class="content-notice" role="note">
          {notice}
        </p>
      )}
      <div class="news-body" lang={picked.lang === ctx.lang ? undefined : picked.lang}>
        {paragraphs(picked.text).map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </div>
    </>
  );
}
