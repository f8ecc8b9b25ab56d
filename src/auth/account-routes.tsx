import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { fields } from '../web/forms.ts';
import { accountById, AccountChangeRefused, changeRoles, deactivateAccount, endAllSessions, openSessions, reactivateAccount } from './offboarding.ts';
import { ROLES } from './permissions.ts';
import { SESSION_COOKIE } from './routes.tsx';
import { AccountAdminPage, OwnAccountPage, type AccountAdminState } from './views/account.tsx';

/** The person's own account page, and the back-office page of one account (offboarding). */

async function ownAccount(request: FastifyRequest, reply: FastifyReply) {
  const { db } = request.server.ctx;
  const account = await accountById(db, request.user!.id);
  if (!account) throw notFound();
  const sessions = await openSessions(db, account.id);
  return sendPage(request, reply, { title: request.t('accounts.own_title'), body: (ctx) => <OwnAccountPage ctx={ctx} account={account} sessions={sessions} /> });
}

/** "Sign out everywhere": every session of the account ends, this one included. */
async function signOutEverywhere(request: FastifyRequest, reply: FastifyReply) {
  await endAllSessions(request.server.ctx.db, request.user!, request.user!.id);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return reply.redirect(`/${request.lang}/sign-in`, 303);
}

const idParams = z.object({ lang: z.string(), id: z.coerce.number().int().positive().max(2_147_483_647) });
type IdRequest = FastifyRequest<{ Params: { id: number } }>;

async function accountAdmin(request: IdRequest, reply: FastifyReply, state: AccountAdminState = {}) {
  const { db } = request.server.ctx;
  const account = await accountById(db, request.params.id);
  if (!account) throw notFound();
  const sessions = await openSessions(db, account.id);
  return sendPage(request, reply, {
    title: account.email,
    status: state.status,
    body: (ctx) => <AccountAdminPage ctx={ctx} account={account} sessions={sessions} state={state} />,
  });
}

/** Runs one change on the account; a refused one (lockout) is shown on the page with a 409. */
function accountChange(change: (request: IdRequest) => Promise<unknown>, notice: string) {
  return async (request: IdRequest, reply: FastifyReply) => {
    try {
      const done = await change(request);
      if (done === false || done === null) throw notFound();
    } catch (error) {
      if (!(error instanceof AccountChangeRefused)) throw error;
      return accountAdmin(request, reply, { error: error.code, status: 409 });
    }
    return accountAdmin(request, reply, { notice });
  };
}

const rolesForm = z.object({ roles: fields.list(z.enum(ROLES, { error: 'validation.role' })) });

async function postRoles(request: IdRequest, reply: FastifyReply) {
  const parsed = parseInput(rolesForm, request.body);
  if (!parsed.ok) return accountAdmin(request, reply, { error: 'validation.role', status: 400 });
  return accountChange((r) => changeRoles(r.server.ctx.db, r.user!, r.params.id, parsed.data.roles), 'accounts.roles_saved')(request, reply);
}

const schema = { params: idParams };

export const accountRoutes = [
  route('GET', '/:lang/account', 'account.self', ownAccount),
  route('POST', '/:lang/account/sign-out-everywhere', 'account.self', signOutEverywhere),
  route('GET', '/:lang/admin/users/:id', 'users.manage', (request, reply) => accountAdmin(request, reply), { schema }),
  route('POST', '/:lang/admin/users/:id/roles', 'users.manage', postRoles, { schema }),
  route('POST', '/:lang/admin/users/:id/deactivate', 'users.manage', accountChange((r) => deactivateAccount(r.server.ctx.db, r.user!, r.params.id), 'accounts.deactivated'), { schema }),
  route('POST', '/:lang/admin/users/:id/reactivate', 'users.manage', accountChange((r) => reactivateAccount(r.server.ctx.db, r.user!, r.params.id), 'accounts.reactivated'), { schema }),
  route('POST', '/:lang/admin/users/:id/sessions/end', 'users.manage', accountChange((r) => endAllSessions(r.server.ctx.db, r.user!, r.params.id), 'accounts.sessions_ended'), { schema }),
];
