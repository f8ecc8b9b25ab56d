import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf } from '../../i18n/translatable.ts';
import { notFound } from '../../web/http-error.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { reviewSummaries } from '../scores.ts';
import { addAssignment, AssignmentRefused, assignAutomatically, removeAssignment } from './assign.ts';
import { parseAssignment, parseAutoAssign, parseCategory, parseInvite, parsePhase, type Values } from './forms.ts';
import { callBySlug, categoriesOf, phasesOf } from './queries.ts';
import { addCategory, addPhase, assignmentTable, deleteCategory, deletePhase, inviteReviewer, progressOf, removeReviewer } from './setup.ts';
import { AdminReviewPage, adminReviewPath, type AdminReviewProps } from './views/admin.tsx';

type AdminRequest = FastifyRequest<{ Params: { lang: string; slug: string; id?: number }; Querystring: Record<string, string | undefined>; Body: Values }>;
const slugSchema = { params: z.object({ lang: z.string(), slug: z.string().max(100) }) };
const idSchema = { params: z.object({ lang: z.string(), slug: z.string().max(100), id: z.coerce.number().int().positive().max(2_147_483_647) }) };

/** Messages shown after a change (?m=…), with the figures the query carries. */
const MESSAGES = ['phase_added', 'phase_deleted', 'category_added', 'category_deleted', 'invited', 'invited_new', 'uninvited', 'assigned', 'assignment_added', 'assignment_removed'];

async function callOf(request: AdminRequest) {
  const call = await callBySlug(request.server.ctx.db, request.params.slug);
  if (!call) throw notFound();
  return call;
}

async function page(request: AdminRequest, reply: FastifyReply, failed?: AdminReviewProps['failed'], status = 200) {
  const db = request.server.ctx.db;
  const call = await callOf(request);
  const [phases, categories, reviewers, assignments, summaries] = await Promise.all([
    phasesOf(db, call.id), categoriesOf(db, call.id), progressOf(db, call.id), assignmentTable(db, call.id), reviewSummaries(db, call.id),
  ]);
  const m = request.query.m;
  const message = !failed && m && MESSAGES.includes(m)
    ? request.t(`calls_review.done.${m}`, { made: Number(request.query.made ?? 0), short: Number(request.query.short ?? 0) })
    : undefined;
  const title = textOf(call.title, request.lang);
  return sendPage(request, reply, {
    title: request.t('calls_review.admin_title', { call: title }),
    status,
    body: (ctx) => <AdminReviewPage ctx={ctx} slug={call.slug} callTitle={title} timeZone={call.time_zone} phases={phases} categories={categories} reviewers={reviewers} assignments={assignments} summaries={summaries} failed={failed} message={message} />,
  });
}

const back = (request: AdminRequest, reply: FastifyReply, m: string, extra = '') =>
  reply.redirect(`${adminReviewPath(request.lang, request.params.slug)}?m=${m}${extra}`, 303);
const body = (request: AdminRequest) => (request.body ?? {}) as Values;

async function postPhase(request: AdminRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const parsed = parsePhase(body(request), call.time_zone);
  if (!parsed.ok) return page(request, reply, { form: 'phase', errors: parsed.errors, values: body(request) }, 400);
  await addPhase(request.server.ctx.db, call.id, request.user!.id, parsed.data);
  return back(request, reply, 'phase_added');
}

async function postPhaseDelete(request: AdminRequest, reply: FastifyReply) {
  const call = await callOf(request);
  if (!(await deletePhase(request.server.ctx.db, call.id, request.params.id!, request.user!.id))) throw notFound();
  return back(request, reply, 'phase_deleted');
}

async function postCategory(request: AdminRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const parsed = parseCategory(body(request));
  if (!parsed.ok) return page(request, reply, { form: 'category', errors: parsed.errors, values: body(request) }, 400);
  await addCategory(request.server.ctx.db, call.id, request.user!.id, parsed.data);
  return back(request, reply, 'category_added');
}

async function postCategoryDelete(request: AdminRequest, reply: FastifyReply) {
  const call = await callOf(request);
  if (!(await deleteCategory(request.server.ctx.db, call.id, request.params.id!, request.user!.id))) throw notFound();
  return back(request, reply, 'category_deleted');
}

async function postInvite(request: AdminRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const parsed = parseInvite(body(request));
  if (!parsed.ok) return page(request, reply, { form: 'invite', errors: parsed.errors, values: body(request) }, 400);
  const { created } = await inviteReviewer(request.server.ctx, call.id, request.user!.id, parsed.data);
  return back(request, reply, created ? 'invited_new' : 'invited');
}

async function postUninvite(request: AdminRequest, reply: FastifyReply) {
  const call = await callOf(request);
  if (!(await removeReviewer(request.server.ctx.db, call.id, request.params.id!, request.user!.id))) throw notFound();
  return back(request, reply, 'uninvited');
}

async function postAuto(request: AdminRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const parsed = parseAutoAssign(body(request));
  if (!parsed.ok) return page(request, reply, { form: 'auto', errors: parsed.errors, values: body(request) }, 400);
  const result = await assignAutomatically(request.server.ctx.db, call.id, parsed.data.perSubmission, request.user!.id);
  return back(request, reply, 'assigned', `&made=${result.made}&short=${result.short.length}`);
}

/** A refused manual change, named: the submission or reviewer unknown (404), a conflict or a duplicate (409). */
function refused(request: AdminRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof AssignmentRefused)) throw error;
  const status = error.reason === 'not_found' ? 404 : 409;
  return page(request, reply, { form: 'assignment', errors: { submission_id: `calls_review.error.assignment_${error.reason}` }, values: body(request) }, status);
}

async function postAssignment(request: AdminRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const parsed = parseAssignment(body(request));
  if (!parsed.ok) return page(request, reply, { form: 'assignment', errors: parsed.errors, values: body(request) }, 400);
  try {
    await addAssignment(request.server.ctx.db, call.id, parsed.data.submissionId, parsed.data.reviewerId, request.user!.id);
  } catch (error) {
    return refused(request, reply, error);
  }
  return back(request, reply, 'assignment_added');
}

async function postAssignmentDelete(request: AdminRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const parsed = parseAssignment(body(request));
  if (!parsed.ok) return page(request, reply, { form: 'assignment', errors: parsed.errors, values: body(request) }, 400);
  try {
    await removeAssignment(request.server.ctx.db, call.id, parsed.data.submissionId, parsed.data.reviewerId, request.user!.id);
  } catch (error) {
    return refused(request, reply, error);
  }
  return back(request, reply, 'assignment_removed');
}

const base = '/:lang/admin/calls/:slug/review';
export const reviewAdminRoutes = [
  route('GET', base, 'calls.manage', (request, reply) => page(request as AdminRequest, reply), { schema: slugSchema }),
  route('POST', `${base}/phases`, 'calls.manage', postPhase, { schema: slugSchema }),
  route('POST', `${base}/phases/:id/delete`, 'calls.manage', postPhaseDelete, { schema: idSchema }),
  route('POST', `${base}/categories`, 'calls.manage', postCategory, { schema: slugSchema }),
  route('POST', `${base}/categories/:id/delete`, 'calls.manage', postCategoryDelete, { schema: idSchema }),
  route('POST', `${base}/reviewers`, 'calls.manage', postInvite, { schema: slugSchema }),
  route('POST', `${base}/reviewers/:id/delete`, 'calls.manage', postUninvite, { schema: idSchema }),
  route('POST', `${base}/assign`, 'calls.manage', postAuto, { schema: slugSchema }),
  route('POST', `${base}/assignments`, 'calls.manage', postAssignment, { schema: slugSchema }),
  route('POST', `${base}/assignments/delete`, 'calls.manage', postAssignmentDelete, { schema: slugSchema }),
];
