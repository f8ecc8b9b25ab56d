import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { meetingsForDecisions } from '../governance/domain.ts';
import { parseInput, type FieldErrors } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { listParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import {
  applicationDetail,
  applicationDocument,
  applicationQueue,
  ApplicationStateError,
  commentOnApplication,
  changeMemberStatus,
  decideApplication,
  disqualifyMember,
  endMembership,
  QUEUE_STATUSES,
  reviewApplication,
  setTarget,
  settleFee,
} from './applications.ts';
import { memberProfile, membershipFigures } from './domain.ts';
import { commentForm, decisionForm, disqualifyForm, endMembershipForm, statusChangeForm, feeForm, LOGO_RULE, profileForm, reviewForm, targetForm } from './forms.ts';
import { readCheckedForm } from '../web/form-with-files.ts';
import { imageUploadOf } from '../images/upload.ts';
import { UnreadableImage } from '../images/domain.ts';
import { updateMemberProfile } from './profile.ts';
import { memberRecordRoutes } from './record-routes.tsx';
import { memberSpaceRoutes } from './space-routes.tsx';
import { ApplicationPage, MemberAdminPage, MembershipPage, QueuePage, type FormState } from './views/admin.tsx';

const idParam = z.object({ lang: z.string(), id: z.coerce.number().int().positive().max(2_147_483_647) });
const docParams = idParam.extend({ doc: z.coerce.number().int().positive().max(2_147_483_647) });
type Body = Record<string, unknown>;

async function membership(request: FastifyRequest, reply: FastifyReply, state: FormState = {}, status = 200) {
  const figures = await membershipFigures(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('admin.membership'), status, body: (ctx) => <MembershipPage ctx={ctx} figures={figures} state={state} /> });
}

async function postTarget(request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
  const parsed = parseInput(targetForm, request.body);
  if (!parsed.ok) return membership(request, reply, { errors: parsed.fields, values: request.body }, 400);
  await setTarget(request.server.ctx, request.user!.id, parsed.data);
  return reply.redirect(`/${request.lang}/admin/membership`, 303);
}

async function queuePage(request: FastifyRequest<{ Querystring: Record<string, string | string[]> }>, reply: FastifyReply) {
  const statuses = listParam(request.query.status).filter((s) => (QUEUE_STATUSES as readonly string[]).includes(s));
  const queue = await applicationQueue(request.server.ctx.db, statuses);
  return sendPage(request, reply, { title: request.t('admin.applications'), body: (ctx) => <QueuePage ctx={ctx} queue={queue} statuses={statuses} /> });
}

async function applicationPage(request: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply, forms: Record<string, FormState> = {}, status = 200) {
  const [detail, meetings] = await Promise.all([applicationDetail(request.server.ctx.db, request.params.id), meetingsForDecisions(request.server.ctx.db)]);
  if (!detail) throw notFound();
  return sendPage(request, reply, {
    title: detail.application.organisation_name,
    status,
    body: (ctx) => <ApplicationPage ctx={ctx} detail={detail} meetings={meetings} forms={forms} />,
  });
}

/** Runs a back-office action; a form error re-renders the page with the message next to the field. */
function action<T extends z.ZodType>(
  schema: T,
  formName: string,
  run: (request: FastifyRequest<{ Params: { id: number } }>, data: z.output<T>) => Promise<string>,
  render: (request: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply, forms: Record<string, FormState>, status: number) => Promise<unknown>,
) {
  return async (request: FastifyRequest<{ Params: { id: number }; Body: Body }>, reply: FastifyReply) => {
    const parsed = parseInput(schema, request.body);
    const fail = (errors: FieldErrors, status: number) => render(request, reply, { [formName]: { errors, values: request.body } }, status);
    if (!parsed.ok) return fail(parsed.fields, 400);
    try {
      return reply.redirect(await run(request, parsed.data), 303);
    } catch (error) {
      if (error instanceof ApplicationStateError) {
        if (error.message === 'not found') throw notFound();
        return fail({ _form: `membership.error.${error.message.replace(' ', '_')}` }, 409);
      }
      throw error;
    }
  };
}

const applicationUrl = (request: FastifyRequest<{ Params: { id: number } }>) => `/${request.lang}/admin/applications/${request.params.id}`;

const postReview = action(reviewForm, 'review', async (request, data) => {
  await reviewApplication(request.server.ctx, request.params.id, request.user!.id, data);
  return applicationUrl(request);
}, applicationPage);

const postComment = action(commentForm, 'comment', async (request, data) => {
  await commentOnApplication(request.server.ctx, request.params.id, request.user!.id, data.comment);
  return applicationUrl(request);
}, applicationPage);

const postDecision = action(decisionForm, 'decision', async (request, data) => {
  await decideApplication(request.server.ctx, request.params.id, request.user!.id, data);
  return applicationUrl(request);
}, applicationPage);

async function downloadDocument(request: FastifyRequest<{ Params: { id: number; doc: number } }>, reply: FastifyReply) {
  const document = await applicationDocument(request.server.ctx, request.params.id, request.params.doc);
  if (!document) throw notFound();
  return reply
    .type(document.mime)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="document-${document.id}"`)
    .send(document.content);
}

async function memberAdmin(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply, forms: Record<string, FormState> = {}, status = 200) {
  const [profile, meetings] = await Promise.all([memberProfile(request.server.ctx.db, request.params.slug, true), meetingsForDecisions(request.server.ctx.db)]);
  if (!profile) throw notFound();
  return sendPage(request, reply, {
    title: request.t('admin.member_title'),
    status,
    body: (ctx) => <MemberAdminPage ctx={ctx} profile={profile} meetings={meetings} forms={forms} />,
  });
}

function memberAction<T extends z.ZodType>(schema: T, formName: string, run: (request: FastifyRequest, memberId: number, data: z.output<T>) => Promise<void>) {
  return async (request: FastifyRequest<{ Params: { slug: string }; Body: Body }>, reply: FastifyReply) => {
    const profile = await memberProfile(request.server.ctx.db, request.params.slug, true);
    if (!profile) throw notFound();
    const parsed = parseInput(schema, request.body);
    if (!parsed.ok) return memberAdmin(request, reply, { [formName]: { errors: parsed.fields, values: request.body } }, 400);
    try {
      await run(request, profile.member.id, parsed.data);
    } catch (error) {
      if (!(error instanceof ApplicationStateError)) throw error;
      if (error.message === 'not found') throw notFound();
      // A meeting that is not the steering committee's is a wrong choice in the form, not a conflict.
      if (error.message === 'meeting') return memberAdmin(request, reply, { [formName]: { errors: { meeting_id: 'membership.error.meeting' }, values: request.body } }, 400);
      if (error.message === 'needs_decision') return memberAdmin(request, reply, { [formName]: { errors: { outcome: 'membership.error.needs_decision' }, values: request.body } }, 400);
      return memberAdmin(request, reply, { [formName]: { errors: { _form: `membership.error.${error.message}` }, values: request.body } }, 409);
    }
    return reply.redirect(`/${request.lang}/admin/members/${request.params.slug}`, 303);
  };
}

const postFee = memberAction(feeForm, 'fee', (request, id, data) => settleFee(request.server.ctx, id, request.user!.id, data));
// A withdrawal (on written request) or a disqualification (decided by the committee) is recorded by the secretariat.
const postEnd = memberAction(endMembershipForm, 'end', (request, id, data) => endMembership(request.server.ctx, id, request.user!.id, data));
const postSuspend = memberAction(statusChangeForm, 'suspend', (request, id, data) => changeMemberStatus(request.server.ctx, id, request.user!.id, 'suspend', data));
const postReinstate = memberAction(statusChangeForm, 'reinstate', (request, id, data) => changeMemberStatus(request.server.ctx, id, request.user!.id, 'reinstate', data));
const postDisqualify = memberAction(disqualifyForm, 'disqualify', (request, id, data) => disqualifyMember(request.server.ctx, id, request.user!.id, data));

async function postProfile(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const profile = await memberProfile(request.server.ctx.db, request.params.slug, true);
  if (!profile) throw notFound();
  const { fields, files, fileErrors } = await readCheckedForm(request, { logo: LOGO_RULE });
  const values = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== '_csrf').map(([key, value]) => [key, String([value].flat()[0] ?? '')]));
  const parsed = parseInput(profileForm, values);
  const logo = imageUploadOf({ files, fileErrors, fields, field: 'logo', altField: 'logo_alt' });
  const errors = { ...(parsed.ok ? {} : parsed.fields), ...fileErrors, ...logo.errors };
  if (!parsed.ok || Object.keys(errors).length > 0) return memberAdmin(request, reply, { profile: { errors, values } }, 400);
  const file = files.find((candidate) => candidate.field === 'logo');
  try {
    await updateMemberProfile(request.server.ctx, profile.member.id, request.user!.id, parsed.data, file && logo.upload ? { file, alt: logo.upload.alt, lang: request.lang } : null);
  } catch (error) {
    if (error instanceof UnreadableImage) return memberAdmin(request, reply, { profile: { errors: { logo: 'validation.image_unreadable' }, values } }, 400);
    throw error;
  }
  return reply.redirect(`/${request.lang}/admin/members/${request.params.slug}`, 303);
}

const idSchema = { params: idParam };

export const memberAdminRoutes = [
  // Before `/admin/members/:slug`, which would otherwise take `new` and `import` as slugs.
  ...memberRecordRoutes,
  ...memberSpaceRoutes,
  route('GET', '/:lang/admin/membership', 'members.applications', (request, reply) => membership(request, reply)),
  route('POST', '/:lang/admin/membership/target', 'members.manage', postTarget),
  route('GET', '/:lang/admin/applications', 'members.applications', queuePage),
  route('GET', '/:lang/admin/applications/:id', 'members.applications', (request, reply) => applicationPage(request, reply), { schema: idSchema }),
  route('POST', '/:lang/admin/applications/:id/review', 'members.review', postReview, { schema: idSchema }),
  route('POST', '/:lang/admin/applications/:id/comments', 'members.review', postComment, { schema: idSchema }),
  route('POST', '/:lang/admin/applications/:id/decision', 'members.decide', postDecision, { schema: idSchema }),
  route('GET', '/:lang/admin/applications/:id/documents/:doc', 'members.applications', downloadDocument, { schema: { params: docParams } }),
  route('GET', '/:lang/admin/members/:slug', 'members.contacts', (request, reply) => memberAdmin(request, reply)),
  route('POST', '/:lang/admin/members/:slug/fee', 'members.manage', postFee),
  route('POST', '/:lang/admin/members/:slug/end', 'members.manage', postEnd),
  route('POST', '/:lang/admin/members/:slug/suspend', 'members.manage', postSuspend),
  route('POST', '/:lang/admin/members/:slug/reinstate', 'members.manage', postReinstate),
  route('POST', '/:lang/admin/members/:slug/disqualify', 'members.manage', postDisqualify),
  route('POST', '/:lang/admin/members/:slug/profile', 'members.manage', postProfile, { csrf: false }),
];
