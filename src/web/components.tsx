import type { ComponentChildren, JSX } from 'preact';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { pick, sourceLang, type PickedText, type Translatable } from '../i18n/translatable.ts';
import type { FieldErrors } from './forms.ts';
import type { PageContext } from './page-context.ts';

/**
 * A translatable text in the reader's language, or the best available one with a visible notice
 * saying which language is shown (and marked with its `lang`, so screen readers switch voice).
 */
export function LocalText({ ctx, field, as: Tag = 'p' }: { ctx: PageContext; field: Translatable | null | undefined; as?: 'p' | 'div' | 'span' | 'h1' | 'h2' }) {
  const picked = pick(field, ctx.lang);
  if (!picked) return null;
  return (
    <>
      <TranslationNotice ctx={ctx} picked={picked} />
      <Tag lang={picked.lang === ctx.lang ? undefined : picked.lang}>{picked.text}</Tag>
      {picked.status === 'machine' && <MachineOriginal ctx={ctx} field={field!} />}
    </>
  );
}

/** Says when the text shown is another language's, a machine draft or an outdated translation. */
export function TranslationNotice({ ctx, picked }: { ctx: PageContext; picked: PickedText }) {
  const notice = picked.isFallback
    ? ctx.t('content.fallback', { shown: ctx.t.langName(picked.lang) })
    : picked.status === 'machine'
      ? ctx.t('content.machine')
      : picked.status === 'outdated'
        ? ctx.t('content.outdated')
        : null;
  return notice ? (
    <p class="content-notice" role="note">
      {notice}
    </p>
  ) : null;
}

/** A machine draft's original, one click away (a disclosure: no script, no second page). */
export function MachineOriginal({ ctx, field }: { ctx: PageContext; field: Translatable }) {
  const source = sourceLang(field);
  if (!source) return null;
  return (
    <details class="machine-original">
      <summary>{ctx.t('content.show_original', { lang: ctx.t.langName(source) })}</summary>
      <p lang={source}>{field[source]!.text}</p>
    </details>
  );
}

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrf()} />;
}

export interface FieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  errors?: FieldErrors;
  value?: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'tel';
  autocomplete?: string;
  required?: boolean;
  hint?: string;
}

/** A labelled input with its hint and error next to it, tied together for assistive technology. */
export function Field({ ctx, name, label, errors = {}, value, type = 'text', autocomplete, required, hint }: FieldProps) {
  const error = errors[name];
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  // Preact types each input `type` separately; this one field serves several of them.
  const inputAttributes = {
    id: name,
    name,
    type,
    value,
    autocomplete,
    required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
  } as JSX.IntrinsicElements['input'];
  return (
    <FieldFrame ctx={ctx} name={name} label={label} error={error} required={required} hint={hint}>
      <input {...inputAttributes} />
    </FieldFrame>
  );
}

/**
 * The frame of every form control: label (with a star when required), hint and error message next to
 * it. The control itself is the child, and points at `${name}-error` with aria-describedby.
 */
export function FieldFrame({ ctx, name, label, error, required, hint, children }: {
  ctx: PageContext;
  name: string;
  label: string;
  error?: string;
  required?: boolean;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={name}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {ctx.t(error)}
        </p>
      )}
      {children}
    </div>
  );
}

/** A summary at the top of a form that failed, linking to each field in error. */
export function ErrorSummary({ ctx, errors, labels }: { ctx: PageContext; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{ctx.t('form.has_errors')}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li>
            {labels[field] ? <a href={`#${field}`}>{`${labels[field]}: ${ctx.t(key)}`}</a> : ctx.t(key)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A table that may be wider than a phone scrolls inside its own region rather than the page;
 * the region takes focus so that keyboard users can scroll it too, and is named by the caption.
 */
export function ScrollingTable({ captionId, children }: { captionId: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={captionId} tabindex={0}>
      <table>{children}</table>
    </div>
  );
}

export function PageHeading({ children }: { children: ComponentChildren }) {
  return <h1>{children}</h1>;
}

type TranslationState = 'original' | 'human' | 'machine' | 'outdated';

/** One translatable field of a texts form: a line, or a text area of `rows` rows. */
export interface TranslatedField {
  name: string;
  label: string;
  rows?: number;
  /** Required in the source language (the others may stay empty). */
  required?: boolean;
}

/** Catalog keys of a module's texts form (each module words its statuses its own way). */
export interface TranslationWords {
  statusLabel: string;
  /** Takes {status}. */
  statusNow: string;
  statuses: Record<TranslationState | 'missing', string>;
  keepOutdated: string;
  save: string;
}

/**
 * The back-office form for a content's texts in every language: one fieldset per language, the
 * source language first, each saying its current translation status; every other language also
 * records the status of what is typed (human, machine, or kept outdated). With its error summary.
 */
export function TranslationsForm({ ctx, action, source, texts, fields, words, errors, values }: {
  ctx: PageContext;
  action: string;
  source: Lang;
  /** The content's translatable fields as stored, to tell each language's status. */
  texts: Translatable[];
  fields: TranslatedField[];
  words: TranslationWords;
  errors: FieldErrors;
  values: Record<string, unknown>;
}) {
  const { t, lang } = ctx;
  const order: Lang[] = [source, ...LANGS.filter((other) => other !== source)];
  const labels: Record<string, string> = {};
  for (const l of LANGS) {
    for (const field of fields) labels[`${field.name}_${l}`] = `${t(field.label)} (${t.langName(l)})`;
    labels[`status_${l}`] = `${t(words.statusLabel)} (${t.langName(l)})`;
  }
  const value = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const input = (field: TranslatedField, l: Lang) => {
    const name = `${field.name}_${l}`;
    const required = Boolean(field.required) && l === source;
    if (!field.rows) return <Field ctx={ctx} name={name} label={labels[name]!} errors={errors} value={value(name)} required={required} />;
    return (
      <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]} required={required}>
        <textarea id={name} name={name} rows={field.rows} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined}>
          {value(name)}
        </textarea>
      </FieldFrame>
    );
  };
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {order.map((l) => {
          const status = translationState(texts, l);
          const chosen = value(`status_${l}`) || (status === 'machine' || status === 'outdated' ? status : 'human');
          const name = `status_${l}`;
          return (
            <fieldset class="lang-texts" lang={l}>
              <legend lang={lang}>{t.langName(l)}</legend>
              <p lang={lang} id={`status-now-${l}`}>
                {t(words.statusNow, { status: t(words.statuses[status ?? 'missing']) })}
              </p>
              {fields.map((field) => input(field, l))}
              {l !== source && (
                // The control's words are in the reader's language, inside a fieldset in another one.
                <div lang={lang}>
                  <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]}>
                    <select id={name} name={name} aria-describedby={errors[name] ? `${name}-error` : `status-now-${l}`}>
                      {(status === 'outdated' ? (['outdated', 'human', 'machine'] as const) : (['human', 'machine'] as const)).map((option) => (
                        <option value={option} selected={chosen === option}>
                          {t(option === 'outdated' ? words.keepOutdated : words.statuses[option])}
                        </option>
                      ))}
                    </select>
                  </FieldFrame>
                </div>
              )}
            </fieldset>
          );
        })}
        <button type="submit">{t(words.save)}</button>
      </form>
    </>
  );
}

/** A language's status over several fields: original wins, then outdated, then machine; none if empty. */
function translationState(texts: Translatable[], l: Lang): TranslationState | null {
  // An approved translation counts as a person's (the translations workspace tells the two apart).
  const statuses = texts.map((text) => (text[l]?.status === 'approved' ? 'human' : text[l]?.status)).filter((status) => status !== undefined);
  if (statuses.length === 0) return null;
  for (const status of ['original', 'outdated', 'machine'] as const) if (statuses.includes(status)) return status;
  return 'human';
}

/** A file size in the reader's number format: "340 kB", "2,5 MB" (decimal units, as file managers show). */
export function formatSize(ctx: PageContext, bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
