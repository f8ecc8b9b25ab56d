import { diffWords } from 'diff';
import type { PageContext } from '../../web/page-context.ts';

/**
 * What changed in the original since the version a translation was made from, word by word:
 * removed words in <del>, added ones in <ins> (announced by their role text for screen readers,
 * since most of them do not read the elements' meaning).
 */
export function SourceDiff({ ctx, before, after }: { ctx: PageContext; before: string; after: string }) {
  const parts = diffWords(before, after);
  return (
    <div class="tr-diff" data-diff>
      {parts.map((part) =>
        part.added ? (
          <ins>
            <span class="visually-hidden">{ctx.t('trq.diff.added')} </span>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del>
            <span class="visually-hidden">{ctx.t('trq.diff.removed')} </span>
            {part.value}
          </del>
        ) : (
          <span>{part.value}</span>
        ),
      )}
    </div>
  );
}
