import type { JSX } from 'preact';
import type { CallState } from '../../../db/types.ts';
import { LANGS, isLang, type Lang } from '../../../i18n/langs.ts';
import { sourceLang, textOf } from '../../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, FieldFrame } from '../../../web/components.tsx';
import type { FieldErrors } from '../../../web/forms.ts';
import type { PageContext } from '../../../web/page-context.ts';
import { bookletAdminPath, subPages } from '../../public/paths.ts';
import type { CallEditing, forums, themes } from '../domain.ts';
import { QUESTION_SLOTS, type CallValues } from '../forms.ts';
import { ATTACHMENT_KIND_NAMES, instantToZoned, kindOfMime, nextStates, QUESTION_KINDS } from '../model.ts';
import { QuestionFields } from './questions.tsx';

export interface CallFormState {
  errors?: FieldErrors;
  values?: CallValues;
  saved?: boolean;
}
export interface CallFormOptions {
  forums: Awaited<ReturnType<typeof forums>>;
  themes: Awaited<ReturnType<typeof themes>>;
}

export const str = (value: unknown) => (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '');
export const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : []);

/** A stored call as the form posts it. */
export function valuesOfCall(editing: CallEditing, forumSlug: string): CallValues {
  const { call, questions } = editing;
  const source = sourceLang(call.title) ?? 'en';
  const values: CallValues = {
    original_lang: source,
    forum: forumSlug,
    event_slug: call.event_slug,
    themes: call.themes,
    time_zone: call.time_zone,
    opens_at: call.opens_at ? instantToZoned(call.opens_at, call.time_zone) : '',
    closes_at: call.closes_at ? instantToZoned(call.closes_at, call.time_zone) : '',
    languages: call.languages,
    attachment_kinds: call.attachment_types.map(kindOfMime).filter((kind): kind is NonNullable<typeof kind> => Boolean(kind)),
    attachment_max_mb: String(Math.max(1, Math.round(call.attachment_max_bytes / (1024 * 1024)))),
    max_attachments: String(call.max_attachments),
    received_count_reported: call.received_count_reported === null ? '' : String(call.received_count_reported),
  };
  for (const l of LANGS) {
    values[`title_${l}`] = call.title[l]?.text ?? '';
    values[`body_${l}`] = call.body?.[l]?.text ?? '';
  }
  questions.forEach((question, i) => {
    const p = `q${i}_`;
    Object.assign(values, {
      [`${p}id`]: String(question.id), [`${p}position`]: String(question.position), [`${p}kind`]: question.kind,
      [`${p}required`]: question.required ? '1' : '', [`${p}max_length`]: question.max_length === null ? '' : String(question.max_length),
      [`${p}min`]: question.min_value ?? '', [`${p}max`]: question.max_value ?? '',
    });
    for (const l of LANGS) {
      values[`${p}label_${l}`] = question.label[l]?.text ?? '';
      values[`${p}choices_${l}`] = question.choices.map((choice) => choice.label[l]?.text ?? '').join('\n').trim();
    }
  });
  return values;
}

/** The state panel: where the call is, and the moves it may make from there (one button each). */
function StatePanel({ ctx, slug, state }: { ctx: PageContext; slug: string; state: CallState }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="call-state-heading">
      <h2 id="call-state-heading">{t('calls.admin.state_heading')}</h2>
      <p>{t('calls.admin.state_now', { state: t(`calls.state.${state}`) })}</p>
      {nextStates(state).map((to) => (
        <form method="post" action={`/${lang}/admin/calls/${slug}/state`} class="inline-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="to" value={to} />
          <button type="submit">{t(`calls.admin.move.${to}`)}</button>
        </form>
      ))}
    </section>
  );
}

function SubPages({ ctx, editing }: { ctx: PageContext; editing: CallEditing }) {
  const { t, lang } = ctx;
  const slug = editing.call.slug;
  return (
    <nav aria-label={t('calls.admin.sub_pages')}>
      <ul class="inline-list">
        <li><a href={`/${lang}/admin/calls`}>{t('calls.admin.title')}</a></li>
        {editing.call.state !== 'draft' && <li><a href={`/${lang}/calls/${slug}`}>{t('calls.admin.view')}</a></li>}
        {subPages(lang, slug).map(([key, href]) => <li><a href={href}>{t(`calls.admin.page.${key}`)}</a></li>)}
        <li><a href={bookletAdminPath(lang, editing.call.event_slug)}>{t('calls.admin.page.booklet')}</a></li>
      </ul>
    </nav>
  );
}

export function CallFormPage({ ctx, editing, options, state }: { ctx: PageContext; editing: CallEditing | null; options: CallFormOptions; state: CallFormState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const forumSlug = options.forums.find((forum) => forum.id === editing?.call.activity_id)?.slug ?? '';
  const v: CallValues = state.values ?? (editing ? valuesOfCall(editing, forumSlug) : { original_lang: lang, time_zone: 'UTC', languages: [...LANGS], attachment_kinds: ['pdf'], attachment_max_mb: '5', max_attachments: '3' });
  const chosen = str(v.original_lang);
  const source: Lang = (editing ? sourceLang(editing.call.title) : null) ?? (isLang(chosen) ? chosen : lang);
  const order: Lang[] = [source, ...LANGS.filter((other) => other !== source)];
  const labels: Record<string, string> = {};
  for (const name of ['slug', 'original_lang', 'forum', 'event_slug', 'themes', 'opens_at', 'closes_at', 'time_zone', 'languages', 'attachment_kinds', 'attachment_max_mb', 'max_attachments', 'received_count_reported']) labels[name] = t(`calls.field.${name}`);
  for (const l of LANGS) {
    labels[`title_${l}`] = `${t('calls.field.title')} (${t.langName(l)})`;
    labels[`body_${l}`] = `${t('calls.field.body')} (${t.langName(l)})`;
  }
  const describedBy = (name: string, hint?: boolean) => [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const input = (name: string, type: 'text' | 'datetime-local' = 'text', extra: { hint?: string; required?: boolean; inputmode?: 'numeric' } = {}) => (
    <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]} hint={extra.hint} required={extra.required}>
      <input {...({ id: name, name, type, value: str(v[name]), inputMode: extra.inputmode, 'aria-invalid': errors[name] ? 'true' : undefined, 'aria-describedby': describedBy(name, Boolean(extra.hint)) } as JSX.IntrinsicElements['input'])} />
    </FieldFrame>
  );
  const checks = (name: string, choices: { value: string; label: string }[]) => (
    <fieldset class={errors[name] ? 'facet has-error' : 'facet'} id={name} aria-describedby={errors[name] ? `${name}-error` : undefined}>
      <legend>{labels[name]}</legend>
      {errors[name] && <p class="field-error" id={`${name}-error`}>{t(errors[name]!)}</p>}
      {choices.map((choice) => (
        <label class="check"><input type="checkbox" name={name} value={choice.value} checked={list(v[name]).includes(choice.value)} /> {choice.label}</label>
      ))}
    </fieldset>
  );
  const slots = editing ? Math.min(QUESTION_SLOTS, editing.questions.length + 1) : 2;
  const posted = Array.from({ length: QUESTION_SLOTS }, (_, i) => i).filter((i) => str(v[`q${i}_kind`]) || str(v[`q${i}_id`]));
  const shown = Math.min(QUESTION_SLOTS, Math.max(slots, (posted.at(-1) ?? -1) + 2));
  for (let i = 0; i < shown; i++) Object.assign(labels, Object.fromEntries(Object.keys(errors).filter((key) => key.startsWith(`q${i}_`)).map((key) => [key, t('calls.question.numbered', { n: i + 1 })])));
  const action = editing ? `/${lang}/admin/calls/${editing.call.slug}` : `/${lang}/admin/calls/new`;
  return (
    <>
      <h1>{editing ? t('calls.admin.edit_of', { title: textOf(editing.call.title, lang) }) : t('calls.admin.new')}</h1>
      {editing && <SubPages ctx={ctx} editing={editing} />}
      {state.saved && <p class="notice" role="status">{t('calls.admin.saved')}</p>}
      {editing && <StatePanel ctx={ctx} slug={editing.call.slug} state={editing.call.state} />}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {!editing && input('slug', 'text', { hint: t('calls.field.slug_hint') })}
        {editing ? <input type="hidden" name="original_lang" value={source} /> : (
          <FieldFrame ctx={ctx} name="original_lang" label={labels.original_lang!} error={errors.original_lang} required>
            <select id="original_lang" name="original_lang" aria-describedby={describedBy('original_lang')}>
              {LANGS.map((l) => <option value={l} selected={source === l}>{t.langName(l)}</option>)}
            </select>
          </FieldFrame>
        )}
        {order.map((l) => (
          <fieldset class="act-lang" lang={l}>
            <legend lang={lang}>{t.langName(l)}{l === source ? ` — ${t('calls.field.original')}` : ''}</legend>
            <div lang={lang}>
              {input(`title_${l}`, 'text', { required: l === source })}
              <FieldFrame ctx={ctx} name={`body_${l}`} label={labels[`body_${l}`]!} error={errors[`body_${l}`]}>
                <textarea id={`body_${l}`} name={`body_${l}`} rows={6} lang={l} aria-describedby={describedBy(`body_${l}`)}>{str(v[`body_${l}`])}</textarea>
              </FieldFrame>
            </div>
          </fieldset>
        ))}
        <FieldFrame ctx={ctx} name="forum" label={labels.forum!} error={errors.forum} required>
          <select id="forum" name="forum" aria-describedby={describedBy('forum')}>
            <option value="">{t('calls.field.choose_forum')}</option>
            {options.forums.map((forum) => <option value={forum.slug} selected={str(v.forum) === forum.slug}>{textOf(forum.title, lang)}</option>)}
          </select>
        </FieldFrame>
        {input('event_slug', 'text', { hint: t('calls.field.event_slug_hint'), required: true })}
        {checks('themes', options.themes.map((theme) => ({ value: theme.slug, label: textOf(theme.name, lang) })))}
        {input('time_zone', 'text', { hint: t('calls.field.time_zone_hint'), required: true })}
        {input('opens_at', 'datetime-local', { hint: t('calls.field.date_hint') })}
        {input('closes_at', 'datetime-local', { hint: t('calls.field.date_hint') })}
        {checks('languages', LANGS.map((l) => ({ value: l, label: t.langName(l) })))}
        {checks('attachment_kinds', ATTACHMENT_KIND_NAMES.map((kind) => ({ value: kind, label: t(`calls.attachment.${kind}`) })))}
        {input('attachment_max_mb', 'text', { inputmode: 'numeric', hint: t('calls.field.attachment_max_mb_hint') })}
        {input('max_attachments', 'text', { inputmode: 'numeric' })}
        {input('received_count_reported', 'text', { inputmode: 'numeric', hint: t('calls.field.received_count_reported_hint') })}
        <h2>{t('calls.question.heading')}</h2>
        <p>{t('calls.question.intro')}</p>
        {Array.from({ length: shown }, (_, i) => (
          <QuestionFields ctx={ctx} i={i} values={v} errors={errors} order={order} kinds={QUESTION_KINDS} stored={Boolean(str(v[`q${i}_id`]))} />
        ))}
        <button type="submit">{t('calls.admin.save')}</button>
      </form>
    </>
  );
}
