import { can } from '../../auth/permissions.ts';
import { LANG_NAMES, LANGS } from '../../i18n/langs.ts';
import { textOf } from '../../i18n/translatable.ts';
import { REGIONS } from '../../places/regions.ts';
import { CsrfField, ErrorSummary, Field, ScrollingTable } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { MANDATE_ROLES, type mandatesAdmin } from '../domain.ts';
import { GRAMMATICAL_FORMS, roleTitle } from '../role-title.ts';
import { Select, type FormState } from './admin.tsx';
import { textsHref } from '../../web/texts-editor.tsx';
import { GOVERNANCE_TEXTS_BASE } from '../texts.ts';

type Data = Awaited<ReturnType<typeof mandatesAdmin>>;
const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function MandatesAdminPage({ ctx, data, forms }: { ctx: PageContext; data: Data; forms: Record<string, FormState> }) {
  const { t, lang, user } = ctx;
  const manage = can(user, 'governance.manage');
  const state = forms.mandate ?? {};
  const errors = state.errors ?? {};
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h1>{t('admin.mandates')}</h1>
      <ScrollingTable captionId="mandates-caption">
        <caption id="mandates-caption">{t('governance.admin.mandates_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('governance.admin.body')}</th>
            <th scope="col">{t('governance.admin.holder')}</th>
            <th scope="col">{t('governance.admin.role')}</th>
            <th scope="col">{t('governance.admin.period')}</th>
            {manage && <th scope="col">{t('governance.admin.end_mandate')}</th>}
          </tr>
        </thead>
        <tbody>
          {data.mandates.map((mandate) => {
            const end = forms[`end-${mandate.id}`] ?? {};
            return (
              <tr>
                <td>{textOf(mandate.body_name, lang)}</td>
                <td>
                  {mandate.member_name ? textOf(mandate.member_name, lang) : mandate.person_name}
                  {manage && !mandate.member_name && mandate.person_slug && (
                    <>
                      {' · '}
                      <a href={textsHref(lang, GOVERNANCE_TEXTS_BASE, 'person', mandate.person_slug)}>{t('texts.kind.person')}</a>
                    </>
                  )}
                </td>
                <td>{`${roleTitle(t, mandate.role, mandate.holder_form, mandate.person_form)}${mandate.region ? ` (${t(`members.region.${mandate.region}`)})` : ''}`}</td>
                <td>{`${mandate.starts_on ?? '…'} – ${mandate.ends_on ?? ''}`}</td>
                {manage && (
                  <td>
                    {!mandate.ends_on && (
                      <form method="post" action={`/${lang}/admin/mandates/${mandate.id}/end`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <label for={`ends_on-${mandate.id}`}>{t('governance.admin.ends_on')}</label>{' '}
                        {end.errors?.ends_on && (
                          <span class="field-error" id={`ends_on-${mandate.id}-error`}>
                            {t(end.errors.ends_on)}
                          </span>
                        )}
                        <input id={`ends_on-${mandate.id}`} name="ends_on" value={str(end.values?.ends_on ?? today)} size={10}
                          aria-describedby={end.errors?.ends_on ? `ends_on-${mandate.id}-error` : undefined} />{' '}
                        <button type="submit">{t('governance.admin.end_mandate')}</button>
                      </form>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </ScrollingTable>
      {manage && (
        <section aria-labelledby="bodies-texts">
          <h2 id="bodies-texts">{t('texts.link')}</h2>
          <ul>
            {data.bodies.map((body) => (
              <li>
                <a href={textsHref(lang, GOVERNANCE_TEXTS_BASE, 'body', body.slug)}>{`${t('texts.kind.body')}: ${textOf(body.name, lang)}`}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {manage && (
        <form method="post" action={`/${lang}/admin/mandates`} novalidate aria-labelledby="new-mandate">
          <h2 id="new-mandate">{t('governance.admin.new_mandate')}</h2>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={errors} labels={{ body: t('governance.admin.body'), member: t('governance.admin.member'), role: t('governance.admin.role'), starts_on: t('governance.admin.starts_on') }} />
          <Select ctx={ctx} name="body" label={t('governance.admin.body')} state={state} chosen="steering-committee" options={data.bodies.map((body) => ({ value: body.slug, label: textOf(body.name, lang) }))} />
          <Select ctx={ctx} name="member" label={t('governance.admin.member')} state={state} empty={t('governance.admin.no_member')}
            options={data.members.map((member) => ({ value: member.slug, label: textOf(member.name, lang) }))} />
          <Field ctx={ctx} name="person" label={t('governance.admin.person')} hint={t('governance.admin.person_hint')} errors={errors} value={str(state.values?.person)} />
          <Field ctx={ctx} name="person_email" type="email" label={t('governance.admin.person_email')} hint={t('governance.admin.person_email_hint')} errors={errors} value={str(state.values?.person_email)} />
          <Select ctx={ctx} name="person_lang" label={t('governance.admin.person_lang')} state={state} empty="—" options={LANGS.map((code) => ({ value: code, label: LANG_NAMES[code] }))} />
          <Select ctx={ctx} name="role" label={t('governance.admin.role')} state={state} chosen="member" options={MANDATE_ROLES.map((role) => ({ value: role, label: t(`governance.role.${role}`) }))} />
          <Select ctx={ctx} name="holder_form" label={t('governance.admin.holder_form')} state={state} empty="—"
            options={GRAMMATICAL_FORMS.map((form) => ({ value: form, label: t(`governance.form.${form}`) }))} />
          <Select ctx={ctx} name="region" label={t('members.region')} state={state} empty="—" options={REGIONS.map((region) => ({ value: region, label: t(`members.region.${region}`) }))} />
          <Field ctx={ctx} name="starts_on" label={t('governance.admin.starts_on')} hint={t('membership.date_hint')} errors={errors} value={str(state.values?.starts_on ?? today)} required />
          <button type="submit">{t('governance.admin.add_mandate')}</button>
        </form>
      )}
    </>
  );
}
