import { CsrfField, ScrollingTable } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { AccountDetails, SessionRow } from '../offboarding.ts';
import { ROLES } from '../permissions.ts';

function roleNames(ctx: PageContext, roles: readonly string[]): string {
  return roles.length ? roles.map((role) => ctx.t(`role.${role}`)).join(', ') : ctx.t('accounts.no_roles');
}

function SessionsTable({ ctx, sessions }: { ctx: PageContext; sessions: SessionRow[] }) {
  const { t } = ctx;
  if (sessions.length === 0) return <p>{t('accounts.no_sessions')}</p>;
  return (
    <ScrollingTable captionId="sessions-caption">
      <caption id="sessions-caption">{t.plural('accounts.sessions_caption', sessions.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('accounts.session_started')}</th>
          <th scope="col">{t('accounts.session_last_seen')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr>
            <td>{t.date(session.created_at, 'medium')}</td>
            <td>{t.date(session.last_seen_at, 'medium')}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

function Notice({ ctx, notice, error }: { ctx: PageContext; notice?: string; error?: string }) {
  if (error) {
    return (
      <p class="content-notice" role="alert">
        {ctx.t(error)}
      </p>
    );
  }
  return notice ? (
    <p class="success" role="status">
      {ctx.t(notice)}
    </p>
  ) : null;
}

/** The person's own account: who they are to the site, where they are signed in, and "sign out everywhere". */
export function OwnAccountPage({ ctx, account, sessions }: { ctx: PageContext; account: AccountDetails; sessions: SessionRow[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('accounts.own_title')}</h1>
      <dl>
        <dt>{t('field.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('field.name')}</dt>
        <dd>{account.name || '—'}</dd>
        <dt>{t('field.roles')}</dt>
        <dd>{roleNames(ctx, account.roles)}</dd>
      </dl>
      <h2 id="sessions-title">{t('accounts.sessions_title')}</h2>
      <SessionsTable ctx={ctx} sessions={sessions} />
      <p>{t('accounts.sign_out_everywhere_help')}</p>
      <form method="post" action={`/${lang}/account/sign-out-everywhere`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('accounts.sign_out_everywhere')}</button>
      </form>
    </>
  );
}

export interface AccountAdminState {
  notice?: string;
  error?: string;
  status?: number;
}

/** One account in the back-office: its roles, its sessions, deactivation. */
export function AccountAdminPage({ ctx, account, sessions, state }: { ctx: PageContext; account: AccountDetails; sessions: SessionRow[]; state: AccountAdminState }) {
  const { t, lang } = ctx;
  const base = `/${lang}/admin/users/${account.id}`;
  return (
    <>
      <p>
        <a href={`/${lang}/admin/users`}>{t('accounts.back_to_list')}</a>
      </p>
      <h1>{account.email}</h1>
      <Notice ctx={ctx} notice={state.notice} error={state.error} />
      <dl>
        <dt>{t('field.name')}</dt>
        <dd>{account.name || '—'}</dd>
        <dt>{t('accounts.status')}</dt>
        <dd>{account.disabled_at ? t('accounts.status_disabled', { date: t.date(account.disabled_at, 'medium') }) : t('accounts.status_active')}</dd>
        <dt>{t('field.created')}</dt>
        <dd>{t.date(account.created_at, 'medium')}</dd>
      </dl>

      <h2 id="roles-title">{t('field.roles')}</h2>
      <form method="post" action={`${base}/roles`} aria-labelledby="roles-title">
        <CsrfField ctx={ctx} />
        <fieldset class="field">
          <legend>{t('accounts.roles_legend')}</legend>
          {ROLES.map((role) => (
            <label class="check">
              <input type="checkbox" name="roles" value={role} checked={account.roles.includes(role)} /> {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('accounts.save_roles')}</button>
      </form>

      <h2 id="sessions-title">{t('accounts.sessions_admin_title')}</h2>
      <SessionsTable ctx={ctx} sessions={sessions} />
      <form method="post" action={`${base}/sessions/end`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('accounts.end_sessions')}</button>
      </form>

      <h2 id="access-title">{t('accounts.access_title')}</h2>
      <p>{account.disabled_at ? t('accounts.reactivate_help') : t('accounts.deactivate_help')}</p>
      <form method="post" action={`${base}/${account.disabled_at ? 'reactivate' : 'deactivate'}`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{account.disabled_at ? t('accounts.reactivate') : t('accounts.deactivate')}</button>
      </form>
    </>
  );
}
