import type { Waiting } from '../../notices/waiting.ts';
import { can } from '../../auth/permissions.ts';
import { CsrfField, ErrorSummary, Field, ScrollingTable } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import { ADMIN_NAV } from '../../web/navigation.ts';
import type { PageContext } from '../../web/page-context.ts';
import { LANGS, LANG_NAMES } from '../../i18n/i18n.ts';
import { ROLES } from '../permissions.ts';
import { BackupStatusSection, type BackupStatus } from './backup-status.tsx';

export function DashboardPage({ ctx, storageProblem = null, backups = null, waiting }: { ctx: PageContext; storageProblem?: string | null; backups?: BackupStatus | null; waiting: Waiting[] }) {
  const { t, lang, user } = ctx;
  return (
    <>
      <h1>{t('admin.dashboard')}</h1>
      {storageProblem && (
        <p class="content-notice" role="alert">
          {t(storageProblem)}
        </p>
      )}
      <p>{t('admin.welcome', { name: user?.name || user?.email || '' })}</p>
      <WaitingList ctx={ctx} waiting={waiting} />
      <ul class="cards">
        {ADMIN_NAV.filter((item) => item.path !== '/admin' && item.permission && can(user, item.permission)).map((item) => (
          <li class="card">
            <a href={`/${lang}${item.path}`}>{t(item.key)}</a>
          </li>
        ))}
      </ul>
      {backups && <BackupStatusSection ctx={ctx} status={backups} />}
    </>
  );
}

/** The counts of what waits on this person, first on the back-office home, each linking to its queue. */
function WaitingList({ ctx, waiting }: { ctx: PageContext; waiting: Waiting[] }) {
  const { t, lang } = ctx;
  const open = waiting.filter((one) => one.count > 0);
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('notices.waiting_title')}</h2>
      {open.length ? (
        <ul class="dashboard-counts">
          {open.map((one) => <li class="dashboard-count"><a href={`/${lang}${one.path}`}>{t.plural(`notices.waiting.${one.key}`, one.count)}</a></li>)}
        </ul>
      ) : <p>{t('notices.waiting_none')}</p>}
      <p><a href={`/${lang}/account/notices`}>{t('notices.settings_link')}</a></p>
    </section>
  );
}

export interface UserRow {
  id: number;
  email: string;
  name: string;
  roles: string[];
  created_at: Date;
  disabled_at: Date | null;
}

export interface NewUserState {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  created?: string;
}

export function UsersPage({ ctx, users, state }: { ctx: PageContext; users: UserRow[]; state: NewUserState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  const chosenRoles = ([] as unknown[]).concat(values.roles ?? []);
  return (
    <>
      <h1>{t('admin.users')}</h1>
      {state.created && (
        <p class="success" role="status">
          {t('admin.user_created', { email: state.created })}
        </p>
      )}
      <ScrollingTable captionId="users-caption">
        <caption id="users-caption">{t.plural('admin.users_caption', users.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.email')}</th>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('field.roles')}</th>
            <th scope="col">{t('field.created')}</th>
            <th scope="col">{t('accounts.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr>
              <td>
                <a href={`/${lang}/admin/users/${user.id}`}>{user.email}</a>
              </td>
              <td>{user.name}</td>
              <td>{user.roles.map((role) => t(`role.${role}`)).join(', ')}</td>
              <td>{t.date(user.created_at, 'medium')}</td>
              <td>{user.disabled_at ? t('accounts.status_disabled', { date: t.date(user.disabled_at, 'medium') }) : t('accounts.status_active')}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>

      <h2 id="new-user">{t('admin.new_user')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} labels={{ email: t('field.email'), name: t('field.name'), roles: t('field.roles'), password: t('field.password') }} />
      <form method="post" action={`/${lang}/admin/users`} novalidate aria-labelledby="new-user">
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="email" type="email" label={t('field.email')} errors={errors} value={String(values.email ?? '')} required />
        <Field ctx={ctx} name="name" label={t('field.name')} errors={errors} value={String(values.name ?? '')} />
        <fieldset class={errors.roles ? 'field has-error' : 'field'} aria-describedby={errors.roles ? 'roles-error' : undefined}>
          <legend>{t('field.roles')}</legend>
          {errors.roles && (
            <p class="field-error" id="roles-error">
              {t(errors.roles)}
            </p>
          )}
          {ROLES.map((role, index) => (
            <label class="check">
              <input type="checkbox" name="roles" value={role} id={index === 0 ? 'roles' : undefined} checked={chosenRoles.includes(role)} />{' '}
              {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="lang">{t('field.language')}</label>
          <select id="lang" name="lang">
            {LANGS.map((code) => (
              <option value={code} selected={values.lang === code}>
                {LANG_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        <Field ctx={ctx} name="password" type="password" label={t('field.password')} hint={t('admin.password_hint')} errors={errors} autocomplete="new-password" />
        <button type="submit">{t('admin.create_user')}</button>
      </form>
    </>
  );
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_email: string | null;
}

export function AuditPage({ ctx, rows, total }: { ctx: PageContext; rows: AuditRow[]; total: number }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('admin.audit')}</h1>
      <ScrollingTable captionId="audit-caption">
        <caption id="audit-caption">{t.plural('admin.audit_caption', total)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.what')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <td>{row.at.toISOString().replace('T', ' ').slice(0, 19)}</td>
              <td>{row.actor_email ?? t('audit.system')}</td>
              <td>
                <code>{row.action}</code>
              </td>
              <td>{`${row.entity_type}${row.entity_id ? ` #${row.entity_id}` : ''}`}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </>
  );
}
