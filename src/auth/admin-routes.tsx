import type { FastifyReply, FastifyRequest } from 'fastify';
import { latestAudit } from '../audit/audit.ts';
import { parseInput } from '../web/forms.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { accountRoutes } from './account-routes.tsx';
import { addUser, DuplicateEmailError } from './accounts.ts';
import { newUserForm } from './forms.ts';
import { checkFileStorage } from '../storage/health.ts';
import { backupStatus } from '../db/scheduled-backup.ts';
import { can } from './permissions.ts';
import { waitingFor } from '../notices/waiting.ts';
import { AuditPage, DashboardPage, UsersPage, type NewUserState } from './views/admin.tsx';

async function dashboard(request: FastifyRequest, reply: FastifyReply) {
  const storageProblem = await checkFileStorage(request.server.ctx);
  // Shown to those who run the site; a backup's file name and error say nothing a visitor should see.
  const backups = can(request.user, 'users.manage') ? await backupStatus(request.server.ctx) : null;
  const waiting = await waitingFor(request.server.ctx.db, request.user!);
  return sendPage(request, reply, { title: request.t('admin.dashboard'), body: (ctx) => <DashboardPage ctx={ctx} storageProblem={storageProblem} backups={backups} waiting={waiting} /> });
}

async function showUsers(request: FastifyRequest, reply: FastifyReply, state: NewUserState = {}, status = 200) {
  const users = await request.server.ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'roles', 'created_at', 'disabled_at'])
    .orderBy('email')
    .execute();
  return sendPage(request, reply, {
    title: request.t('admin.users'),
    status,
    body: (ctx) => <UsersPage ctx={ctx} users={users} state={state} />,
  });
}

async function createUser(request: FastifyRequest, reply: FastifyReply) {
  const values = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(newUserForm, values);
  if (!parsed.ok) return showUsers(request, reply, { errors: parsed.fields, values }, 400);
  try {
    await addUser(request.server.ctx.db, parsed.data, request.user!.id);
  } catch (error) {
    if (!(error instanceof DuplicateEmailError)) throw error;
    return showUsers(request, reply, { errors: { email: 'validation.email_taken' }, values }, 409);
  }
  return showUsers(request, reply, { created: parsed.data.email });
}

async function audit(request: FastifyRequest, reply: FastifyReply) {
  const { rows, total } = await latestAudit(request.server.ctx.db, { limit: 100, offset: 0 });
  return sendPage(request, reply, { title: request.t('admin.audit'), body: (ctx) => <AuditPage ctx={ctx} rows={rows} total={total} /> });
}

export const adminRoutes = [
  route('GET', '/:lang/admin', 'admin.access', dashboard),
  route('GET', '/:lang/admin/users', 'users.manage', (request, reply) => showUsers(request, reply)),
  route('POST', '/:lang/admin/users', 'users.manage', createUser),
  route('GET', '/:lang/admin/audit', 'audit.read', audit),
  ...accountRoutes,
];
