import { LANGS } from '../../i18n/langs.ts';
import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { FormState } from './admin.tsx';

type State = FormState & { notice?: string };
const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function LangSelect({ ctx, name, label, state }: { ctx: PageContext; name: string; label: string; state: State }) {
  const chosen = str(state.values?.[name]) || ctx.lang;
  const error = state.errors?.[name];
  return (
    <FieldFrame ctx={ctx} name={name} label={label} error={error}>
      <select id={name} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined}>
        {LANGS.map((code) => (
          <option value={code} selected={chosen === code}>
            {ctx.t.langName(code)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A contact's list of the members it speaks for. */
export function OwnMembersPage({ ctx, members }: { ctx: PageContext; members: { slug: string; name: Translatable; status: string }[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('space.title')}</h1>
      {members.length === 0 ? (
        <p>{t('space.none')}</p>
      ) : (
        <ul>
          {members.map((member) => (
            <li>
              <a href={`/${lang}/my-member/${member.slug}`}>{textOf(member.name, lang)}</a> · {t(`members.status.${member.status}`)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A contact's page of its member, with the profile form. */
export function OwnMemberPage({ ctx, member, reviewed, state }: { ctx: PageContext; member: { slug: string; name: Translatable; website: string | null }; reviewed: boolean; state: State }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  return (
    <>
      <h1>{textOf(member.name, lang)}</h1>
      <p>
        <a href={`/${lang}/members/${member.slug}`}>{t('membership.public_page')}</a>
        {' · '}
        <a href={`/${lang}/my-member/${member.slug}/fees`}>{t('fees.link')}</a>
        {' · '}
        <a href={`/${lang}/my-member/${member.slug}/record`}>{t('record.link')}</a>
      </p>
      {state.notice && <p role="status">{t(`space.notice.${state.notice}`)}</p>}
      <form method="post" action={`/${lang}/my-member/${member.slug}`} novalidate aria-labelledby="own-profile-title">
        <h2 id="own-profile-title">{t('space.profile')}</h2>
        <p class="hint">{t(reviewed ? 'space.reviewed' : 'space.published_at_once')}</p>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={errors} labels={{ description: t('space.description'), website: t('join.website'), focal_email: t('join.email') }} />
        <FieldFrame ctx={ctx} name="description" label={t('space.description')} error={errors.description}>
          <textarea id="description" name="description" rows={5} aria-invalid={errors.description ? 'true' : undefined} aria-describedby={errors.description ? 'description-error' : undefined}>
            {str(state.values?.description)}
          </textarea>
        </FieldFrame>
        <LangSelect ctx={ctx} name="description_lang" label={t('membership.written_in')} state={state} />
        <Field ctx={ctx} name="website" type="url" label={t('join.website')} errors={errors} value={str(state.values?.website)} />
        <Field ctx={ctx} name="focal_name" label={t('join.focal_name')} errors={errors} value={str(state.values?.focal_name)} />
        <Field ctx={ctx} name="focal_email" type="email" label={t('join.email')} errors={errors} value={str(state.values?.focal_email)} />
        <Field ctx={ctx} name="focal_phone" type="tel" label={t('join.focal_phone')} errors={errors} value={str(state.values?.focal_phone)} />
        <button type="submit">{t('space.save')}</button>
      </form>
    </>
  );
}

export interface SpaceAdminData {
  slug: string;
  name: Translatable;
  contacts: { id: number; email: string; name: string }[];
  pending: { id: number; proposed: { description?: { lang: string; text: string }; website?: string }; created_at: Date; proposed_by_email: string | null }[];
  reviewed: boolean;
}

/** The secretariat's page of a member's space: its contacts, an invitation, the changes waiting, the setting. */
export function SpaceAdminPage({ ctx, data, state }: { ctx: PageContext; data: SpaceAdminData; state: State }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  return (
    <>
      <h1>{t('space.admin_title', { name: textOf(data.name, lang) })}</h1>
      <p>
        <a href={`/${lang}/admin/members/${data.slug}`}>{t('admin.member_title')}</a>
      </p>
      {state.notice && <p role="status">{t(`space.notice.${state.notice}`)}</p>}
      <h2>{t('space.contacts')}</h2>
      {data.contacts.length === 0 ? <p>{t('space.no_contacts')}</p> : (
        <ul>
          {data.contacts.map((contact) => <li>{`${contact.name} · ${contact.email}`}</li>)}
        </ul>
      )}
      <form method="post" action={`/${lang}/admin/members/${data.slug}/contacts`} novalidate aria-labelledby="invite-title">
        <h2 id="invite-title">{t('space.invite')}</h2>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={errors} labels={{ email: t('space.email'), name: t('space.name'), lang: t('space.lang') }} />
        <Field ctx={ctx} name="name" label={t('space.name')} errors={errors} value={str(state.values?.name)} required />
        <Field ctx={ctx} name="email" type="email" label={t('space.email')} errors={errors} value={str(state.values?.email)} required />
        <LangSelect ctx={ctx} name="lang" label={t('space.lang')} state={state} />
        <button type="submit">{t('space.invite')}</button>
      </form>
      <h2>{t('space.pending')}</h2>
      {data.pending.length === 0 ? <p>{t('space.no_pending')}</p> : (
        <ul class="pending-changes">
          {data.pending.map((change) => (
            <li>
              <p class="meta">{`${t.date(change.created_at, 'medium')} · ${change.proposed_by_email ?? ''}`}</p>
              {change.proposed.description && (
                <p>
                  {`${t('space.description')} (${t.langName(change.proposed.description.lang as 'en')}): `}
                  <span lang={change.proposed.description.lang}>{change.proposed.description.text}</span>
                </p>
              )}
              {change.proposed.website !== undefined && <p>{`${t('join.website')}: ${change.proposed.website || '—'}`}</p>}
              <form method="post" action={`/${lang}/admin/members/${data.slug}/changes/${change.id}`} class="inline-form">
                <CsrfField ctx={ctx} />
                <button type="submit" name="decision" value="publish">{t('space.publish')}</button>{' '}
                <button type="submit" name="decision" value="reject">{t('space.reject')}</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/${lang}/admin/membership/member-edits`} novalidate aria-labelledby="setting-title">
        <h2 id="setting-title">{t('space.setting')}</h2>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="from" value={data.slug} />
        <fieldset>
          <legend>{t('space.setting_question')}</legend>
          {(['yes', 'no'] as const).map((value) => (
            <label class="check">
              <input type="radio" name="review" value={value} checked={(value === 'yes') === data.reviewed} /> {t(`space.setting_${value}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('space.setting_save')}</button>
      </form>
    </>
  );
}
