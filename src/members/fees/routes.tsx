import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toCsv } from '../../api/csv.ts';
import { textOf } from '../../i18n/translatable.ts';
import { parseInput } from '../../web/forms.ts';
import { notFound } from '../../web/http-error.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { findMemberBySlug } from '../domain.ts';
import { memberOfContact } from '../space.ts';
import { ACCOUNTING_COLUMNS, accountingRows } from './accounting.ts';
import { documentPdf } from './documents.ts';
import { addSchedule, countOverdue, createFeesForYear, FeeError, feeHistory, feesOfYear, listSchedules, recordPayment, waiveFee } from './domain.ts';
import { paymentForm, renewalForm, scheduleForm, waiverForm } from './forms.ts';
import { FeesAdminPage, MemberFeesPage, OwnFeesPage } from './views.tsx';

type Body = Record<string, unknown>;
type State = { errors?: Record<string, string>; values?: Body; notice?: string };
const NOTICES = ['schedule', 'renewed', 'paid', 'waived'];
const noticeOf = (request: FastifyRequest) => {
  const notice = (request.query as { notice?: string } | undefined)?.notice;
  return notice && NOTICES.includes(notice) ? notice : undefined;
};
const MAX_ID = 2_147_483_647;
const id = z.coerce.number().int().positive().max(MAX_ID);
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2200).optional().catch(undefined), notice: z.string().optional() });
const thisYear = () => new Date().getUTCFullYear();

async function feesAdmin(request: FastifyRequest<{ Querystring: { year?: number } }>, reply: FastifyReply, forms: Record<string, State> = {}, status = 200) {
  const { db } = request.server.ctx;
  const year = request.query?.year ?? thisYear();
  const [schedules, fees, overdue] = await Promise.all([listSchedules(db), feesOfYear(db, year), countOverdue(db)]);
  return sendPage(request, reply, {
    title: request.t('fees.title'),
    status,
    body: (ctx) => <FeesAdminPage ctx={ctx} data={{ year, schedules, fees, overdue }} forms={{ page: { notice: noticeOf(request) }, ...forms }} />,
  });
}

async function postSchedule(request: FastifyRequest<{ Body: Body; Querystring: { year?: number } }>, reply: FastifyReply) {
  const parsed = parseInput(scheduleForm, request.body);
  if (!parsed.ok) return feesAdmin(request, reply, { schedule: { errors: parsed.fields, values: request.body } }, 400);
  await addSchedule(request.server.ctx, request.user!.id, parsed.data);
  return reply.redirect(`/${request.lang}/admin/fees?notice=schedule`, 303);
}

async function postRenewal(request: FastifyRequest<{ Body: Body; Querystring: { year?: number } }>, reply: FastifyReply) {
  const parsed = parseInput(renewalForm, request.body);
  if (!parsed.ok) return feesAdmin(request, reply, { renewal: { errors: parsed.fields, values: request.body } }, 400);
  await createFeesForYear(request.server.ctx, request.user!.id, parsed.data.year, parsed.data.due_on);
  return reply.redirect(`/${request.lang}/admin/fees?year=${parsed.data.year}&notice=renewed`, 303);
}

async function accountingCsv(request: FastifyRequest<{ Params: { year: number } }>, reply: FastifyReply) {
  const rows = await accountingRows(request.server.ctx.db, request.params.year, request.lang);
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="fees-${request.params.year}.csv"`)
    .header('cache-control', 'private, no-store')
    .send(toCsv(ACCOUNTING_COLUMNS, rows));
}

type MemberRequest = FastifyRequest<{ Params: { slug: string; id?: number }; Body: Body }>;

async function memberFees(request: MemberRequest, reply: FastifyReply, forms: Record<string, State> = {}, status = 200) {
  const member = await findMemberBySlug(request.server.ctx.db, request.params.slug);
  if (!member) throw notFound();
  const fees = await feeHistory(request.server.ctx.db, member.id);
  return sendPage(request, reply, {
    title: request.t('fees.member_title', { name: textOf(member.name, request.lang) }),
    status,
    body: (ctx) => <MemberFeesPage ctx={ctx} member={member} fees={fees} forms={{ page: { notice: noticeOf(request) }, ...forms }} />,
  });
}

/** A payment or a waiver: form errors and broken fee rules re-render the member's fees page with the problem named. */
function feeAction<T extends z.ZodType>(schema: T, formName: string, notice: string, run: (request: MemberRequest, memberId: number, data: z.output<T>) => Promise<unknown>) {
  return async (request: MemberRequest, reply: FastifyReply) => {
    const member = await findMemberBySlug(request.server.ctx.db, request.params.slug);
    if (!member) throw notFound();
    const parsed = parseInput(schema, request.body);
    if (!parsed.ok) return memberFees(request, reply, { [formName]: { errors: parsed.fields, values: request.body } }, 400);
    try {
      await run(request, member.id, parsed.data);
    } catch (error) {
      if (!(error instanceof FeeError)) throw error;
      if (error.status === 404) throw notFound();
      return memberFees(request, reply, { [formName]: { errors: { [error.field]: error.key }, values: request.body } }, error.status);
    }
    return reply.redirect(`/${request.lang}/admin/members/${member.slug}/fees?notice=${notice}`, 303);
  };
}

const postPayment = feeAction(paymentForm, 'payment', 'paid', (request, memberId, data) =>
  recordPayment(request.server.ctx, request.user!.id, memberId, request.params.id!, data));
const postWaiver = feeAction(waiverForm, 'waiver', 'waived', (request, memberId, data) =>
  waiveFee(request.server.ctx, request.user!.id, memberId, request.params.id!, data.reason));

async function sendDocument(reply: FastifyReply, document: Awaited<ReturnType<typeof documentPdf>>) {
  if (!document) throw notFound();
  return reply
    .type('application/pdf')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${document.filename}"`)
    .send(document.content);
}

async function staffDocument(request: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) {
  return sendDocument(reply, await documentPdf(request.server.ctx, request.params.id));
}

/** The member, only for one of its contacts: another account gets the same 404 as an unknown slug. */
async function ownMember(request: FastifyRequest<{ Params: { slug: string } }>) {
  const member = await memberOfContact(request.server.ctx.db, request.user!.id, request.params.slug);
  if (!member) throw notFound();
  return member;
}

async function ownFees(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const member = await ownMember(request);
  const fees = await feeHistory(request.server.ctx.db, member.id);
  return sendPage(request, reply, { title: request.t('fees.own_title', { name: textOf(member.name, request.lang) }), body: (ctx) => <OwnFeesPage ctx={ctx} member={member} fees={fees} /> });
}

async function ownDocument(request: FastifyRequest<{ Params: { slug: string; id: number } }>, reply: FastifyReply) {
  const member = await ownMember(request);
  return sendDocument(reply, await documentPdf(request.server.ctx, request.params.id, member.id));
}

const slugParams = z.object({ lang: z.string(), slug: z.string() });
const feeParams = slugParams.extend({ id });
const yearParams = z.object({ lang: z.string(), year: z.coerce.number().int().min(2000).max(2200) });

export const feeRoutes = [
  route('GET', '/:lang/admin/fees', 'members.manage', (request, reply) => feesAdmin(request, reply), { schema: { querystring: yearQuery } }),
  route('POST', '/:lang/admin/fees/schedules', 'members.manage', postSchedule, { schema: { querystring: yearQuery } }),
  route('POST', '/:lang/admin/fees/renewal', 'members.manage', postRenewal, { schema: { querystring: yearQuery } }),
  route('GET', '/:lang/admin/fees/accounting/:year', 'members.manage', accountingCsv, { schema: { params: yearParams } }),
  route('GET', '/:lang/admin/fees/documents/:id', 'members.manage', staffDocument, { schema: { params: z.object({ lang: z.string(), id }) } }),
  route('GET', '/:lang/admin/members/:slug/fees', 'members.manage', (request, reply) => memberFees(request, reply), { schema: { params: slugParams } }),
  route('POST', '/:lang/admin/members/:slug/fees/:id/payment', 'members.manage', postPayment, { schema: { params: feeParams } }),
  route('POST', '/:lang/admin/members/:slug/fees/:id/waiver', 'members.manage', postWaiver, { schema: { params: feeParams } }),
  route('GET', '/:lang/my-member/:slug/fees', 'members.own', ownFees, { schema: { params: slugParams } }),
  route('GET', '/:lang/my-member/:slug/fees/documents/:id', 'members.own', ownDocument, { schema: { params: feeParams } }),
];
