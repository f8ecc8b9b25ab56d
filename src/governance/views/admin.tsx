import type { Seat } from '../convocations.ts';
import { ConvocationSection } from './convocation.tsx';
import { textsHref } from '../../web/texts-editor.tsx';
import { GOVERNANCE_TEXTS_BASE } from '../texts.ts';
import { can } from '../../auth/permissions.ts';
import { LANGS, LANG_NAMES } from '../../i18n/i18n.ts';
import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { countryName } from '../../places/countries.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame, LocalText, ScrollingTable } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { meetingAdmin } from '../domain.ts';
import { meetingWhen } from './governance.tsx';

export interface FormState {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  notice?: string;
}

type Detail = NonNullable<Awaited<ReturnType<typeof meetingAdmin>>>;
const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function Select({ ctx, name, label, options, state, chosen = '', empty }: { ctx: PageContext; name: string; label: string; options: { value: string; label: string }[]; state: FormState; chosen?: string; empty?: string }) {
  const error = state.errors?.[name];
  const value = state.values?.[name] !== undefined ? str(state.values[name]) : chosen;
  return (
    <FieldFrame ctx={ctx} name={name} label={label} error={error}>
      <select id={name} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((option) => (
          <option value={option.value} selected={value === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div class="field">
      <label class="check">
        <input type="checkbox" id={name} name={name} checked={checked} /> {label}
      </label>
    </div>
  );
}

export function MeetingsAdminPage({ ctx, meetings, bodies, state }: {
  ctx: PageContext;
  meetings: { id: number; slug: string; starts_on: string; format: string; body_name: Translatable }[];
  bodies: { slug: string; name: Translatable }[];
  state: FormState;
}) {
  const { t, lang, user } = ctx;
  const errors = state.errors ?? {};
  return (
    <>
      <h1>{t('admin.meetings')}</h1>
      <ScrollingTable captionId="meetings-caption">
        <caption id="meetings-caption">{t('governance.admin.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('governance.admin.date')}</th>
            <th scope="col">{t('governance.admin.body')}</th>
            <th scope="col">{t('governance.admin.format')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <tr>
              <td>
                <a href={`/${lang}/admin/meetings/${meeting.id}`}>{t.date(meeting.starts_on, 'medium')}</a>
              </td>
              <td>{textOf(meeting.body_name, lang)}</td>
              <td>{t(`governance.format.${meeting.format}`)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      {can(user, 'governance.manage') && (
        <form method="post" action={`/${lang}/admin/meetings`} novalidate aria-labelledby="new-meeting">
          <h2 id="new-meeting">{t('governance.admin.new')}</h2>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={errors} labels={{ body: t('governance.admin.body'), starts_on: t('governance.admin.starts_on'), ends_on: t('governance.admin.ends_on'), format: t('governance.admin.format'), country: t('members.country') }} />
          <Select ctx={ctx} name="body" label={t('governance.admin.body')} state={state} chosen="steering-committee" options={bodies.map((body) => ({ value: body.slug, label: textOf(body.name, lang) }))} />
          <Field ctx={ctx} name="starts_on" label={t('governance.admin.starts_on')} hint={t('membership.date_hint')} errors={errors} value={str(state.values?.starts_on)} required />
          <Field ctx={ctx} name="ends_on" label={t('governance.admin.ends_on')} hint={t('membership.date_hint')} errors={errors} value={str(state.values?.ends_on)} />
          <Select ctx={ctx} name="format" label={t('governance.admin.format')} state={state} chosen="online" options={['online', 'in_person', 'hybrid'].map((value) => ({ value, label: t(`governance.format.${value}`) }))} />
          <Field ctx={ctx} name="city" label={t('members.city')} errors={errors} value={str(state.values?.city)} />
          <Field ctx={ctx} name="country" label={t('members.country')} hint={t('governance.admin.country_hint')} errors={errors} value={str(state.values?.country)} />
          <Check name="published" label={t('governance.admin.published')} checked={Boolean(state.values?.published)} />
          <button type="submit">{t('governance.admin.create')}</button>
        </form>
      )}
    </>
  );
}

export function MeetingAdminPage({ ctx, detail, forms, convocation }: { ctx: PageContext; detail: Detail; forms: Record<string, FormState>; convocation: { seats: Seat[]; notice?: string; error?: string } }) {
  const { t, lang, user } = ctx;
  const { meeting, agenda, decisions, attachments } = detail;
  const attachmentState = forms.attachment ?? {};
  const record = forms.record ?? {};
  const agendaState = forms.agenda ?? {};
  const manage = can(user, 'governance.manage');
  return (
    <>
      <h1>{`${textOf(meeting.body_name, lang)} · ${meetingWhen(ctx, meeting)}`}</h1>
      <p>
        {t(`governance.format.${meeting.format}`)}
        {meeting.city ? ` · ${meeting.city}${meeting.country ? `, ${countryName(meeting.country, lang)}` : ''}` : ''}
        {' · '}
        {meeting.published ? t('governance.admin.is_published') : t('governance.admin.members_only')}
      </p>
      {manage && (
        <p>
          <a href={textsHref(lang, GOVERNANCE_TEXTS_BASE, 'meeting', meeting.id)}>{`${t('texts.field.summary')} · ${t('texts.link')}`}</a>
        </p>
      )}
      <h2>{t('governance.agenda')}</h2>
      <ol>
        {agenda.map((item) => (
          <li>
            <LocalText ctx={ctx} field={item.title} as="span" />
            {manage && (
              <>
                {' · '}
                <a href={textsHref(lang, GOVERNANCE_TEXTS_BASE, 'agenda-item', item.id)}>{t('texts.link')}</a>
              </>
            )}
          </li>
        ))}
      </ol>
      {manage && (
        <form method="post" action={`/${lang}/admin/meetings/${meeting.id}/agenda`} novalidate aria-labelledby="agenda-title">
          <h3 id="agenda-title">{t('governance.admin.add_item')}</h3>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={agendaState.errors ?? {}} labels={{ title: t('governance.admin.item') }} />
          <Field ctx={ctx} name="title" label={t('governance.admin.item')} errors={agendaState.errors} value={str(agendaState.values?.title)} required />
          <Select ctx={ctx} name="title_lang" label={t('governance.admin.written_in')} state={agendaState} chosen={lang} options={LANGS.map((code) => ({ value: code, label: LANG_NAMES[code] }))} />
          <button type="submit">{t('governance.admin.add_item')}</button>
        </form>
      )}
      <ConvocationSection ctx={ctx} meetingId={meeting.id} {...convocation} />
      <h2>{t('membership.decisions')}</h2>
      {decisions.length === 0 ? (
        <p>{t('membership.no_decisions')}</p>
      ) : (
        <ul>
          {decisions.map((d) => (
            <li>
              {`${t(`governance.decision.${d.kind === 'other' ? 'misc' : d.kind}`)} · ${d.outcome ? t(`membership.status.${d.outcome}`) : ''} · ${t(`membership.method.${d.method}`)}`}
              {d.application_id ? (
                <>
                  {' · '}
                  <a href={`/${lang}/admin/applications/${d.application_id}`}>{d.organisation_name}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('governance.attachments')}</h2>
      {attachments.length === 0 ? (
        <p>{t('governance.admin.no_attachments')}</p>
      ) : (
        <ul class="governance-attachments">
          {attachments.map((file) => (
            <li>
              <a href={`/${lang}/governance/attachments/${file.id}`}>{file.file_name}</a>
              {` · ${t.number(Math.max(1, Math.round(file.size / 1024)))} kB · ${file.public ? t('governance.admin.attachment_public') : t('governance.admin.members_only')}`}
              {manage && (
                <form method="post" action={`/${lang}/admin/meetings/${meeting.id}/attachments/${file.id}`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="public" value={file.public ? 'false' : 'true'} />
                  <button type="submit">{file.public ? t('governance.admin.make_private') : t('governance.admin.make_public')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <form method="post" action={`/${lang}/admin/meetings/${meeting.id}/attachments`} enctype="multipart/form-data" novalidate aria-labelledby="attachment-title">
          <h3 id="attachment-title">{t('governance.admin.add_attachment')}</h3>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={attachmentState.errors ?? {}} labels={{ file: t('governance.admin.file') }} />
          <FieldFrame ctx={ctx} name="file" label={t('governance.admin.file')} error={attachmentState.errors?.file} required hint={t('governance.admin.file_hint')}>
            <input type="file" id="file" name="file" required
              accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,image/png,image/jpeg"
              aria-invalid={attachmentState.errors?.file ? 'true' : undefined}
              aria-describedby={attachmentState.errors?.file ? 'file-hint file-error' : 'file-hint'} />
          </FieldFrame>
          <Check name="public" label={t('governance.admin.attachment_public_label')} checked={attachmentState.values?.public === 'on'} />
          <button type="submit">{t('governance.admin.add_attachment')}</button>
        </form>
      )}
      <h2>{t('governance.admin.minutes')}</h2>
      {meeting.minutes ? <p class="membership-text">{meeting.minutes}</p> : <p>{t('governance.admin.no_minutes')}</p>}
      <h2>{t('governance.admin.summary')}</h2>
      {meeting.summary ? <LocalText ctx={ctx} field={meeting.summary} /> : <p>{t('governance.admin.no_summary')}</p>}
      {manage && (
        <form method="post" action={`/${lang}/admin/meetings/${meeting.id}`} novalidate aria-labelledby="record-title">
          <h3 id="record-title">{t('governance.admin.record')}</h3>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={record.errors ?? {}} labels={{ minutes: t('governance.admin.minutes'), summary: t('governance.admin.summary') }} />
          <div class="field">
            <label for="minutes">{t('governance.admin.minutes')}</label>
            <textarea id="minutes" name="minutes" rows={6}>{str(record.values?.minutes ?? meeting.minutes)}</textarea>
          </div>
          <div class="field">
            <label for="summary">{t('governance.admin.summary_text')}</label>
            <textarea id="summary" name="summary" rows={4}>{str(record.values?.summary)}</textarea>
          </div>
          <Select ctx={ctx} name="summary_lang" label={t('governance.admin.written_in')} state={record} chosen={lang} options={LANGS.map((code) => ({ value: code, label: LANG_NAMES[code] }))} />
          <Check name="published" label={t('governance.admin.published')} checked={meeting.published} />
          <Check name="summary_published" label={t('governance.admin.summary_published')} checked={meeting.summary_published} />
          <button type="submit">{t('governance.admin.save')}</button>
        </form>
      )}
    </>
  );
}
