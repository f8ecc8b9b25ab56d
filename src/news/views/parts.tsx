import { pick, type Translatable } from '../../i18n/translatable.ts';
import { TranslationNotice } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';

/** Plain text stored with blank lines between paragraphs, shown as paragraphs (escaped, as all text). */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
}

/** A translatable body in the reader's language or the best available, with the fallback notice (as LocalText). */
export function LocalParagraphs({ ctx, field }: { ctx: PageContext; field: Translatable }) {
  const picked = pick(field, ctx.lang);
  if (!picked) return null;
  return (
    <>
      <TranslationNotice ctx={ctx} picked={picked} />
      <div class="news-body" lang={picked.lang === ctx.lang ? undefined : picked.lang}>
        {paragraphs(picked.text).map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </div>
    </>
  );
}
