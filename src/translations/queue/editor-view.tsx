import type { Lang } from '../../i18n/langs.ts';
import { CsrfField } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { TranslatableField } from '../fields.ts';
import { SourceDiff } from './diff.tsx';
import type { GlossaryHint } from './glossary.ts';

export interface EditorView {
  field: TranslatableField;
  key: string;
  target: Lang;
  source: { lang: Lang; text: string; hash: string };
  /** The stored translation (or what the translator typed, when the form comes back with a problem). */
  text: string;
  state: string;
  /** The original the translation was made from, when it is outdated and that version is known. */
  previousSource: string | null;
  glossary: GlossaryHint[];
  /** Where the form posts (with the queue's filters, for "save and next"). */
  action: string;
  back: string;
  /** The position in the queue, for "save and next". */
  position: string;
  saved?: 'saved' | 'approved';
  /** A problem to name: a catalog key, with its status shown above the form. */
  problem?: { code: string; field?: string };
  secondApproval: boolean;
}

/**
 * The editor: the original and the translation side by side (a CSS grid, stacked only on narrow
 * screens), the glossary's agreed terms and, for an outdated translation, what changed in the
 * original. Focus goes from the translation to its buttons in reading order; nothing needs a mouse.
 */
export function EditorPage({ ctx, view }: { ctx: PageContext; view: EditorView }) {
  const { t } = ctx;
  const line = view.field.format === 'line';
  const errorId = view.problem?.field ? 'text-error' : undefined;
  return (
    <>
      <h1>{t('trq.editor.title', { field: t(view.field.label), lang: t.langName(view.target) })}</h1>
      <p>
        <a href={view.back}>{t('trq.editor.back')}</a>
      </p>
      {view.saved && (
        <p class="success" role="status">
          {t(view.saved === 'approved' ? 'trq.editor.approved' : 'trq.editor.saved')}
        </p>
      )}
      {view.problem && !view.problem.field && (
        <p class="error" role="alert" data-problem={view.problem.code}>
          {t(view.problem.code)}
        </p>
      )}
      <p>
        {t('trq.editor.state', { state: t(`trq.state.${view.state}`) })}
        {view.secondApproval && <> {t('trq.editor.second_rule')}</>}
      </p>
      <form method="post" action={view.action} class="tr-editor">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="source_hash" value={view.source.hash} />
        <input type="hidden" name="pos" value={view.position} />
        <section class="tr-side tr-source" aria-labelledby="tr-source-h">
          <h2 id="tr-source-h">{t('trq.editor.original', { lang: t.langName(view.source.lang) })}</h2>
          <div class="tr-text" lang={view.source.lang} data-source>
            {view.source.text}
          </div>
          {view.previousSource !== null && (
            <>
              <h3>{t('trq.editor.diff')}</h3>
              <SourceDiff ctx={ctx} before={view.previousSource} after={view.source.text} />
            </>
          )}
          <h3>{t('trq.editor.glossary')}</h3>
          {view.glossary.length ? (
            <dl class="tr-glossary" data-glossary>
              {view.glossary.map((hint) => (
                <>
                  <dt lang={view.source.lang}>{hint.found}</dt>
                  <dd lang={view.target}>{hint.agreed}</dd>
                </>
              ))}
            </dl>
          ) : (
            <p>{t('trq.editor.no_glossary')}</p>
          )}
        </section>
        <section class="tr-side tr-target" aria-labelledby="tr-target-h">
          <h2 id="tr-target-h">{t('trq.editor.translation', { lang: t.langName(view.target) })}</h2>
          <label for="text">{t('trq.editor.text_label', { lang: t.langName(view.target) })}</label>
          {line && <p id="text-hint" class="hint">{t('trq.editor.line_hint')}</p>}
          {errorId && (
            <p id={errorId} class="field-error">
              {t(view.problem!.code)}
            </p>
          )}
          <textarea
            id="text"
            name="text"
            lang={view.target}
            rows={line ? 3 : 12}
            maxlength={view.field.maxLength}
            required
            aria-invalid={errorId ? 'true' : undefined}
            aria-describedby={[line ? 'text-hint' : '', errorId ?? ''].filter(Boolean).join(' ') || undefined}
          >
            {view.text}
          </textarea>
          <div class="tr-actions">
            <button type="submit" name="action" value="next" aria-keyshortcuts="Control+Enter" aria-describedby="save-next-keys">
              {t('trq.editor.save_next')}
            </button>
            <button type="submit" name="action" value="save">
              {t('trq.editor.save')}
            </button>
            <button type="submit" name="action" value="approve">
              {t('trq.editor.approve')}
            </button>
          </div>
          <p class="hint" id="save-next-keys">{t('trq.editor.shortcut')}</p>
        </section>
      </form>
    </>
  );
}
