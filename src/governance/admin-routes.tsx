import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput, type FieldErrors } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { addAgendaItem, addMandate, bodiesForMeetings, createMeeting, endMandate, MandateError, mandatesAdmin, meetingAdmin, meetingsForDecisions, UnknownBodyError, updateMeetingRecord } from './domain.ts';
import { agendaForm, endMandateForm, mandateForm, meetingForm, meetingRecordForm } from './forms.ts';
import { MeetingAdminPage, MeetingsAdminPage, type FormState } from './views/admin.tsx';
import { MandatesAdminPage } from './views/mandates.tsx';

const idSchema = { params: z.object({ lang: z.string(), id: z.coerce.number().int().positive().max(2_147_483_647) }) };
type Body = Record<string, unknown>;
type WithId = FastifyRequest<{ Params: { id: number }; Body: Body }>;

async function meetingsPage(request: FastifyRequest, reply: FastifyReply, state: FormState = {}, status = 200) {
  const [meetings, bodies] = await Promise.all([meetingsForDecisions(request.server.ctx.db), bodiesForMeetings(request.server.ctx.db)]);
  return sendPage(request, reply, { title: request.t('admin.meetings'), status, body: (ctx) => <MeetingsAdminPage ctx={ctx} meetings={meetings} bodies={bodies} state={state} /> });
}

async function postMeeting(request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
  const parsed = parseInput(meetingForm, request.body);
  if (!parsed.ok) return meetingsPage(request, reply, { errors: parsed.fields, values: request.body }, 400);
  try {
    const id = await createMeeting(request.server.ctx, request.user!.id, parsed.data);
    return reply.redirect(`/${request.lang}/admin/meetings/${id}`, 303);
  } catch (error) {
    if (error instanceof UnknownBodyError) return meetingsPage(request, reply, { errors: { body: 'validation.choose' }, values: request.body }, 400);
    throw error;
  }
}

async function meetingPage(request: WithId, reply: FastifyReply, forms: Record<string, FormState> = {}, status = 200) {
  const detail = await meetingAdmin(request.server.ctx.db, request.params.id);
  if (!detail) throw notFound();
  return sendPage(request, reply, { title: request.t('admin.meetings'), status, body: (ctx) => <MeetingAdminPage ctx={ctx} detail={detail} forms={forms} /> });
}

function meetingAction<T extends z.ZodType>(schema: T, name: string, run: (request: WithId, data: z.output<T>) => Promise<void>) {
  return async (request: WithId, reply: FastifyReply) => {
    const parsed = parseInput(schema, request.body);
    const fail = (errors: FieldErrors) => meetingPage(request, reply, { [name]: { errors, values: request.body } }, 400);
    if (!parsed.ok) return fail(parsed.fields);
    try {
      await run(request, parsed.data);
    } catch (error) {
      if (error instanceof UnknownBodyError) throw notFound();
      throw error;
    }
    return reply.redirect(`/${request.lang}/admin/meetings/${request.params.id}`, 303);
  };
}

const postRecord = meetingAction(meetingRecordForm, 'record', (request, data) => updateMeetingRecord(request.server.ctx, request.user!.id, request.params.id, data));
const postAgenda = meetingAction(agendaForm, 'agenda', (request, data) => addAgendaItem(request.server.ctx, request.user!.id, request.params.id, data));

async function mandatesPage(request: FastifyRequest, reply: FastifyReply, forms: Record<string, FormState> = {}, status = 200) {
  const data = await mandatesAdmin(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('admin.mandates'), status, body: (ctx) => <MandatesAdminPage ctx={ctx} data={data} forms={forms} /> });
}

async function postMandate(request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
  const parsed = parseInput(mandateForm, request.body);
  if (!parsed.ok) return mandatesPage(request, reply, { mandate: { errors: parsed.fields, values: request.body } }, 400);
  try {
    await addMandate(request.server.ctx, request.user!.id, parsed.data);
  } catch (error) {
    if (!(error instanceof MandateError)) throw error;
    return mandatesPage(request, reply, { mandate: { errors: { [error.message]: 'validation.choose' }, values: request.body } }, 400);
  }
  return reply.redirect(`/${request.lang}/admin/mandates`, 303);
}

async function postEndMandate(request: WithId, reply: FastifyReply) {
  const parsed = parseInput(endMandateForm, request.body);
  if (!parsed.ok) return mandatesPage(request, reply, { [`end-${request.params.id}`]: { errors: parsed.fields, values: request.body } }, 400);
  try {
    await endMandate(request.server.ctx, request.user!.id, request.params.id, parsed.data.ends_on);
  } catch (error) {
    if (!(error instanceof MandateError)) throw error;
    return mandatesPage(request, reply, { [`end-${request.params.id}`]: { errors: { ends_on: 'validation.mandate_end' }, values: request.body } }, 409);
  }
  return reply.redirect(`/${request.lang}/admin/mandates`, 303);
}

export const governanceAdminRoutes = [
  route('GET', '/:lang/admin/mandates', 'governance.read', (request, reply) => mandatesPage(request, reply)),
  route('POST', '/:lang/admin/mandates', 'governance.manage', postMandate),
  route('POST', '/:lang/admin/mandates/:id/end', 'governance.manage', postEndMandate, { schema: idSchema }),
  route('GET', '/:lang/admin/meetings', 'governance.read', (request, reply) => meetingsPage(request, reply)),
  route('POST', '/:lang/admin/meetings', 'governance.manage', postMeeting),
  route('GET', '/:lang/admin/meetings/:id', 'governance.read', (request, reply) => meetingPage(request, reply), { schema: idSchema }),
  route('POST', '/:lang/admin/meetings/:id', 'governance.manage', postRecord, { schema: idSchema }),
  route('POST', '/:lang/admin/meetings/:id/agenda', 'governance.manage', postAgenda, { schema: idSchema }),
];
