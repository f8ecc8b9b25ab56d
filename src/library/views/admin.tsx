import { LANGS, type Lang } from '../../i18n/langs.ts';
import { sourceLang, textOf } from '../../i18n/translatable.ts';
import { THEME_SLUGS } from '../../search/glossary.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame, formatSize } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import { publishedForApi, themeName, type adminResources, type resourceForEditing } from '../domain.ts';
import { RESOURCE_TYPES, VISIBILITIES } from '../forms.ts';
import { fileKind } from './parts.tsx';
import { ExtractionState, fileUrl } from './resource.tsx';

export type Values = Record<string, string | string[] | undefined>;
export interface FormState {
  errors?: FieldErrors;
  values?: Values;
}
type Editing = NonNullable<Awaited<ReturnType<typeof resourceForEditing>>>;

const str = (value: unknown) => (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : []);

export function AdminLibraryPage({ ctx, rows }: { ctx: PageContext; rows: Awaited<ReturnType<typeof adminResources>> }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('library.admin.title')}</h1>
      <p>
        <a href={`/${lang}/admin/library/new`}>{t('library.admin.new')}</a>
      </p>
      <ul class="library-admin-list">
        {rows.map((row) => (
          <li>
            <a href={`/${lang}/admin/library/${row.slug}`}>{textOf(row.title, lang)}</a>{' '}
            <span class="meta">
              ({[t(`library.type.${row.type}`), publishedForApi(row.published_on, row.date_precision), row.visibility === 'members' ? t('library.members_only') : null, t.plural('library.admin.files_count', Number(row.files))].filter(Boolean).join(' · ')}
              {row.pending > 0 ? ` · ${t('library.extraction.pending')}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Form values of a stored resource, as the form posts them. */
export function valuesOf(editing: Editing): Values {
  const { resource, publishers, related } = editing;
  const values: Values = {
    type: resource.type,
    visibility: resource.visibility,
    original_lang: sourceLang(resource.title) ?? 'en',
    languages: resource.languages,
    published: publishedForApi(resource.published_on, resource.date_precision) ?? '',
    authors: resource.authors.join('\n'),
    publishers: publishers.map((p) => textOf(p.name, sourceLang(resource.title) ?? 'en')).join('\n'),
    themes: resource.themes,
    activity: related.activity,
    member: related.member,
    initiative: related.initiative,
    external_url: resource.external_url ?? '',
  };
  for (const l of LANGS) {
    values[`title_${l}`] = resource.title[l]?.text ?? '';
    values[`summary_${l}`] = resource.summary?.[l]?.text ?? '';
  }
  return values;
}

export function ResourceFormPage({ ctx, editing, state }: { ctx: PageContext; editing: Editing | null; state: FormState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const v = state.values ?? (editing ? valuesOf(editing) : { visibility: 'public', original_lang: lang });
  const source = (editing ? sourceLang(editing.resource.title) : null) ?? ((LANGS as readonly string[]).includes(str(v.original_lang)) ? (str(v.original_lang) as Lang) : lang);
  const order: Lang[] = [source, ...LANGS.filter((other) => other !== source)];
  const labels: Record<string, string> = {
    slug: t('library.admin.slug'), type: t('library.admin.type'), visibility: t('library.admin.visibility'), original_lang: t('library.admin.original_lang'),
    languages: t('library.admin.languages'), published: t('library.admin.published'), authors: t('library.authors'), publishers: t('library.publishers'),
    themes: t('library.themes'), activity: t('library.admin.activity'), member: t('library.admin.member'), initiative: t('library.admin.initiative'),
    external_url: t('library.admin.external_url'),
  };
  for (const l of LANGS) {
    labels[`title_${l}`] = `${t('library.admin.resource_title')} (${t.langName(l)})`;
    labels[`summary_${l}`] = `${t('library.admin.summary')} (${t.langName(l)})`;
  }
  const area = (name: string, rows: number, hint?: string) => (
    <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]} hint={hint}>
      <textarea id={name} name={name} rows={rows} aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={[hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined}>
        {str(v[name])}
      </textarea>
    </FieldFrame>
  );
  const select = (name: string, options: readonly string[], label: (option: string) => string) => (
    <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]} required>
      <select id={name} name={name} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined}>
        {options.map((option) => <option value={option} selected={str(v[name]) === option}>{label(option)}</option>)}
      </select>
    </FieldFrame>
  );
  const checks = (name: string, options: { value: string; label: string }[]) => (
    <fieldset class={errors[name] ? 'facet has-error' : 'facet'} id={name}>
      <legend>{labels[name]}</legend>
      {errors[name] && <p class="field-error" id={`${name}-error`}>{t(errors[name]!)}</p>}
      {options.map((option) => (
        <label class="check">
          <input type="checkbox" name={name} value={option.value} checked={list(v[name]).includes(option.value)} /> {option.label}
        </label>
      ))}
    </fieldset>
  );
  const action = editing ? `/${lang}/admin/library/${editing.resource.slug}` : `/${lang}/admin/library`;
  return (
    <>
      <h1>{editing ? t('library.admin.edit_of', { title: textOf(editing.resource.title, lang) }) : t('library.admin.new')}</h1>
      <p>
        <a href={`/${lang}/admin/library`}>{t('library.admin.title')}</a>
        {editing && <> · <a href={`/${lang}/library/${editing.resource.slug}`}>{t('library.admin.view')}</a></>}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {!editing && <Field ctx={ctx} name="slug" label={labels.slug!} errors={errors} value={str(v.slug)} hint={t('library.admin.slug_hint')} />}
        {select('type', RESOURCE_TYPES, (option) => t(`library.type.${option}`))}
        {select('visibility', VISIBILITIES, (option) => t(`library.visibility.${option}`))}
        {editing ? <input type="hidden" name="original_lang" value={source} /> : select('original_lang', LANGS, (option) => t.langName(option as Lang))}
        {order.map((l) => (
          <fieldset class="act-lang" lang={l}>
            <legend lang={lang}>{t.langName(l)}{l === source ? ` — ${t('library.admin.original')}` : ''}</legend>
            <Field ctx={ctx} name={`title_${l}`} label={labels[`title_${l}`]!} errors={errors} value={str(v[`title_${l}`])} required={l === source} />
            {area(`summary_${l}`, 4)}
          </fieldset>
        ))}
        {checks('languages', LANGS.map((l) => ({ value: l, label: t.langName(l) })))}
        <Field ctx={ctx} name="published" label={labels.published!} errors={errors} value={str(v.published)} hint={t('library.admin.published_hint')} />
        {area('authors', 3, t('library.admin.one_per_line'))}
        {area('publishers', 2, t('library.admin.one_per_line'))}
        {checks('themes', THEME_SLUGS.map((slug) => ({ value: slug, label: themeName(slug, lang) })))}
        <Field ctx={ctx} name="activity" label={labels.activity!} errors={errors} value={str(v.activity)} hint={t('library.admin.slug_of')} />
        <Field ctx={ctx} name="member" label={labels.member!} errors={errors} value={str(v.member)} hint={t('library.admin.slug_of')} />
        <Field ctx={ctx} name="initiative" label={labels.initiative!} errors={errors} value={str(v.initiative)} hint={t('library.admin.slug_of')} />
        <Field ctx={ctx} name="external_url" label={labels.external_url!} errors={errors} value={str(v.external_url)} type="url" />
        <button type="submit">{t('library.admin.save')}</button>
      </form>
    </>
  );
}

export function FilesSection({ ctx, editing, state }: { ctx: PageContext; editing: Editing; state: FormState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const base = `/${lang}/admin/library/${editing.resource.slug}`;
  return (
    <section aria-labelledby="library-files-heading">
      <h2 id="library-files-heading">{t('library.files')}</h2>
      {editing.files.length === 0 && <p>{t('library.no_files')}</p>}
      <ul class="library-files">
        {editing.files.map((file) => (
          <li>
            <a href={fileUrl(file)}>{file.file_name}</a>{' '}
            <span class="meta">({[fileKind(ctx, file.mime), formatSize(ctx, file.size), file.lang ? t.langName(file.lang as Lang) : null].filter(Boolean).join(', ')})</span>{' '}
            <ExtractionState ctx={ctx} file={file} />
            <form method="post" action={`${base}/files/${file.id}/delete`} class="inline-form">
              <CsrfField ctx={ctx} />
              <button type="submit" aria-label={t('library.admin.delete_file_named', { name: file.file_name })}>{t('library.admin.delete_file')}</button>
            </form>
          </li>
        ))}
      </ul>
      <h3>{t('library.admin.add_file')}</h3>
      <ErrorSummary ctx={ctx} errors={errors} labels={{ file: t('library.admin.file'), lang: t('library.admin.file_lang') }} />
      <form method="post" action={`${base}/files`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <FieldFrame ctx={ctx} name="file" label={t('library.admin.file')} error={errors.file} hint={t('library.admin.file_hint')} required>
          <input id="file" name="file" type="file" accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp" required
            aria-invalid={errors.file ? 'true' : undefined} aria-describedby={['file-hint', errors.file ? 'file-error' : ''].filter(Boolean).join(' ')} />
        </FieldFrame>
        <FieldFrame ctx={ctx} name="lang" label={t('library.admin.file_lang')} error={errors.lang}>
          <select id="lang" name="lang" aria-describedby={errors.lang ? 'lang-error' : undefined}>
            <option value="">{t('library.admin.no_lang')}</option>
            {LANGS.map((l) => <option value={l} selected={str(state.values?.lang) === l}>{t.langName(l)}</option>)}
          </select>
        </FieldFrame>
        <button type="submit">{t('library.admin.upload')}</button>
      </form>
    </section>
  );
}
