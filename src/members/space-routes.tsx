import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { textOf } from '../i18n/translatable.ts';
import { findMemberBySlug } from './domain.ts';
import { changeDecisionForm, inviteForm, ownEditForm, reviewSettingForm } from './record-forms.ts';
import { contactsOf, decideChange, editOwnMember, inviteContact, memberOfContact, membersOfContact, pendingChanges, reviewsPublicEdits, setReviewPublicEdits, SpaceError } from './space.ts';
import { memberRecord } from './space-record.ts';
import { MemberRecordPage } from './views/space-record.tsx';
import { OwnMemberPage, OwnMembersPage, SpaceAdminPage } from './views/space.tsx';

type Body = Record<string, unknown>;
type State = { errors?: Record<string, string>; values?: Body; notice?: string };
type SlugRequest = FastifyRequest<{ Params: { slug: string }; Body: Body; Querystring: { notice?: string } }>;
const NOTICES = ['published', 'pending', 'unchanged', 'invited', 'decided', 'setting'];
const noticeOf = (request: FastifyRequest) => {
  const notice = (request.query as { notice?: string }).notice;
  return notice && NOTICES.includes(notice) ? notice : undefined;
};

async function ownMembers(request: FastifyRequest, reply: FastifyReply) {
  const members = await membersOfContact(request.server.ctx.db, request.user!.id);
  return sendPage(request, reply, { title: request.t('space.title'), body: (ctx) => <OwnMembersPage ctx={ctx} members={members} /> });
}

/** The member, only for one of its contacts: any other account gets the same 404 as an unknown slug. */
async function ownMember(request: SlugRequest) {
  const member = await memberOfContact(request.server.ctx.db, request.user!.id, request.params.slug);
  if (!member) throw notFound();
  return member;
}

async function ownMemberPage(request: SlugRequest, reply: FastifyReply, state?: State, status = 200) {
  const member = await ownMember(request);
  const reviewed = await reviewsPublicEdits(request.server.ctx.db);
  const values = { description: member.description?.[request.lang]?.text ?? '', description_lang: request.lang, website: member.website, focal_name: member.contacts?.focal?.name, focal_email: member.contacts?.focal?.email, focal_phone: member.contacts?.focal?.phone };
  return sendPage(request, reply, {
    title: textOf(member.name, request.lang),
    status,
    body: (ctx) => <OwnMemberPage ctx={ctx} member={member} reviewed={reviewed} state={state ?? { values, notice: noticeOf(request) }} />,
  });
}

async function ownRecordPage(request: SlugRequest, reply: FastifyReply) {
  const member = await ownMember(request);
  const record = await memberRecord(request.server.ctx.db, member);
  return sendPage(request, reply, { title: request.t('record.title', { name: textOf(member.name, request.lang) }), body: (ctx) => <MemberRecordPage ctx={ctx} member={member} record={record} /> });
}

async function postOwnMember(request: SlugRequest, reply: FastifyReply) {
  const member = await ownMember(request);
  const parsed = parseInput(ownEditForm, request.body);
  if (!parsed.ok) return ownMemberPage(request, reply, { errors: parsed.fields, values: request.body }, 400);
  const outcome = await editOwnMember(request.server.ctx, request.user!.id, member.id, parsed.data);
  return reply.redirect(`/${request.lang}/my-member/${member.slug}?notice=${outcome}`, 303);
}

async function spaceAdmin(request: SlugRequest, reply: FastifyReply, state?: State, status = 200) {
  const { db } = request.server.ctx;
  const member = await findMemberBySlug(db, request.params.slug);
  if (!member) throw notFound();
  const [contacts, pending, reviewed] = await Promise.all([contactsOf(db, member.id), pendingChanges(db, member.id), reviewsPublicEdits(db)]);
  const data = { slug: member.slug, name: member.name, contacts, pending, reviewed };
  return sendPage(request, reply, {
    title: request.t('space.admin_title', { name: textOf(member.name, request.lang) }),
    status,
    body: (ctx) => <SpaceAdminPage ctx={ctx} data={data} state={state ?? { notice: noticeOf(request) }} />,
  });
}

const spaceUrl = (request: FastifyRequest, slug: string, notice: string) => `/${request.lang}/admin/members/${slug}/space?notice=${notice}`;

async function postInvite(request: SlugRequest, reply: FastifyReply) {
  const member = await findMemberBySlug(request.server.ctx.db, request.params.slug);
  if (!member) throw notFound();
  const parsed = parseInput(inviteForm, request.body);
  if (!parsed.ok) return spaceAdmin(request, reply, { errors: parsed.fields, values: request.body }, 400);
  try {
    await inviteContact(request.server.ctx, member.id, request.user!.id, parsed.data);
  } catch (error) {
    if (!(error instanceof SpaceError)) throw error;
    return spaceAdmin(request, reply, { errors: { email: 'space.error.already_contact' }, values: request.body }, 409);
  }
  return reply.redirect(spaceUrl(request, member.slug, 'invited'), 303);
}

const changeParams = z.object({ lang: z.string(), slug: z.string(), id: z.coerce.number().int().positive().max(2_147_483_647) });

async function postDecision(request: FastifyRequest<{ Params: { slug: string; id: number }; Body: Body }>, reply: FastifyReply) {
  const member = await findMemberBySlug(request.server.ctx.db, request.params.slug);
  if (!member) throw notFound();
  const parsed = parseInput(changeDecisionForm, request.body);
  if (!parsed.ok) return spaceAdmin(request as unknown as SlugRequest, reply, { errors: parsed.fields }, 400);
  try {
    await decideChange(request.server.ctx, request.user!.id, member.id, request.params.id, parsed.data.decision);
  } catch (error) {
    if (!(error instanceof SpaceError)) throw error;
    if (error.message === 'not_found') throw notFound();
    return spaceAdmin(request as unknown as SlugRequest, reply, { errors: { _form: 'space.error.decided' } }, 409);
  }
  return reply.redirect(spaceUrl(request, member.slug, 'decided'), 303);
}

async function postSetting(request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
  const parsed = parseInput(reviewSettingForm, request.body);
  const from = typeof request.body?.from === 'string' && /^[a-z0-9-]{1,200}$/.test(request.body.from) ? request.body.from : null;
  if (!parsed.ok) return reply.code(400).type('text/plain; charset=utf-8').send(request.t('validation.choose'));
  await setReviewPublicEdits(request.server.ctx, request.user!.id, parsed.data.review === 'yes');
  return reply.redirect(from ? spaceUrl(request, from, 'setting') : `/${request.lang}/admin/membership`, 303);
}

export const memberSpaceRoutes = [
  route('GET', '/:lang/my-member', 'members.own', ownMembers),
  route('GET', '/:lang/my-member/:slug', 'members.own', (request, reply) => ownMemberPage(request as SlugRequest, reply)),
  route('POST', '/:lang/my-member/:slug', 'members.own', postOwnMember),
  route('GET', '/:lang/my-member/:slug/record', 'members.own', (request, reply) => ownRecordPage(request as SlugRequest, reply)),
  route('GET', '/:lang/admin/members/:slug/space', 'members.manage', (request, reply) => spaceAdmin(request as SlugRequest, reply)),
  route('POST', '/:lang/admin/members/:slug/contacts', 'members.manage', postInvite),
  route('POST', '/:lang/admin/members/:slug/changes/:id', 'members.manage', postDecision, { schema: { params: changeParams } }),
  route('POST', '/:lang/admin/membership/member-edits', 'members.manage', postSetting),
];
