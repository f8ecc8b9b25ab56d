import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput, type FieldErrors } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { readCheckedForm } from '../web/form-with-files.ts';
import { HttpError } from '../web/http-error.ts';
import { addAgendaItem, addMandate, attachmentFor, attachToMeeting, bodiesForMeetings, setAttachmentVisibility, createMeeting, endMandate, MandateError, mandatesAdmin, meetingAdmin, meetingsForDecisions, UnknownBodyError, updateMeetingRecord } from './domain.ts';
import { ATTACHMENT_RULE, attachmentForm, attachmentVisibilityForm, agendaForm, endMandateForm, mandateForm, meetingForm, meetingRecordForm } from './forms.ts';
import { ATTENDANCE, recordAttendance, seatsOf, sendConvocations, type Attendance } from './convocations.ts';
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
  const [detail, seats] = await Promise.all([meetingAdmin(request.server.ctx.db, request.params.id), seatsOf(request.server.ctx.db, request.params.id)]);
  if (!detail) throw notFound();
  const convened = Number((request.query as { convened?: string }).convened);
  const notice = forms.attendance?.notice ?? (Number.isInteger(convened) && convened >= 0 ? request.t.plural('convocation.sent', convened) : undefined);
  const convocation = { seats, notice, error: forms.attendance?.errors ? request.t('convocation.invalid') : undefined };
  return sendPage(request, reply, { title: request.t('admin.meetings'), status, body: (ctx) => <MeetingAdminPage ctx={ctx} detail={detail} forms={forms} convocation={convocation} /> });
}

async function postConvocation(request: WithId, reply: FastifyReply) {
  const sent = await sendConvocations(request.server.ctx, request.params.id, request.user!.id);
  if (sent < 0) throw notFound();
  return reply.redirect(`/${request.lang}/admin/meetings/${request.params.id}?convened=${sent}`, 303);
}

/** The attendance form: one select per seat ("seat_<mandate id>"), empty for not recorded. */
async function postAttendance(request: WithId, reply: FastifyReply) {
  const marks = new Map<number, Attendance>();
  for (const [name, value] of Object.entries(request.body ?? {})) {
    const seat = /^seat_(\d{1,9})$/.exec(name);
    if (!seat || value === '') continue;
    if (!ATTENDANCE.includes(value as Attendance)) return meetingPage(request, reply, { attendance: { errors: { [name]: 'convocation.invalid' } } }, 400);
    marks.set(Number(seat[1]), value as Attendance);
  }
  if (!(await meetingAdmin(request.server.ctx.db, request.params.id))) throw notFound();
  await recordAttendance(request.server.ctx, request.params.id, request.user!.id, marks);
  return meetingPage(request, reply, { attendance: { notice: request.t('convocation.attendance_saved') } });
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

const attachmentSchema = { params: z.object({ lang: z.string(), id: z.coerce.number().int().positive().max(2_147_483_647), file: z.coerce.number().int().positive().max(2_147_483_647) }) };
const fileSchema = { params: z.object({ lang: z.string().optional(), file: z.coerce.number().int().positive().max(2_147_483_647) }) };

async function postAttachment(request: WithId, reply: FastifyReply) {
  const { fields, files, fileErrors } = await readCheckedForm(request, { file: ATTACHMENT_RULE });
  const values = { public: String([fields.public].flat()[0] ?? '') };
  const parsed = parseInput(attachmentForm, values);
  const file = files.find((f) => f.field === 'file');
  const errors: FieldErrors = { ...fileErrors };
  if (!file && !errors.file) errors.file = 'governance.admin.file_required';
  if (!parsed.ok || Object.keys(errors).length > 0) return meetingPage(request, reply, { attachment: { errors, values } }, 400);
  try {
    await attachToMeeting(request.server.ctx, request.user!.id, request.params.id, file!, parsed.data.public);
  } catch (error) {
    if (error instanceof UnknownBodyError) throw notFound();
    throw error;
  }
  return reply.redirect(`/${request.lang}/admin/meetings/${request.params.id}`, 303);
}

async function postAttachmentVisibility(request: FastifyRequest<{ Params: { id: number; file: number }; Body: Body }>, reply: FastifyReply) {
  const parsed = parseInput(attachmentVisibilityForm, request.body);
  if (!parsed.ok) throw new HttpError(400, 'error.bad_request');
  try {
    await setAttachmentVisibility(request.server.ctx, request.user!.id, request.params.id, request.params.file, parsed.data.public);
  } catch (error) {
    if (error instanceof UnknownBodyError) throw notFound();
    throw error;
  }
  return reply.redirect(`/${request.lang}/admin/meetings/${request.params.id}`, 303);
}

/** A file name safe in a header: ASCII fallback plus the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^A-Za-z0-9._ -]/g, '').replace(/\s+/g, ' ').trim().slice(0, 100) || 'attachment';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Sends an attachment: to members and staff (any file), or to the public (only files it may see). */
async function sendAttachment(request: FastifyRequest<{ Params: { file: number } }>, reply: FastifyReply, forMembers: boolean) {
  const found = await attachmentFor(request.server.ctx, request.params.file, forMembers);
  // A file the reader may not see answers as one that does not exist: a 403 would confirm its id.
  if (!found || !found.allowed) throw notFound();
  return reply
    .type(found.mime)
    .header('cache-control', forMembers ? 'private, no-store' : 'public, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('content-disposition', contentDisposition(found.fileName))
    .send(found.content);
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
  route('POST', '/:lang/admin/meetings/:id/convocation', 'governance.manage', postConvocation, { schema: idSchema }),
  route('POST', '/:lang/admin/meetings/:id/attendance', 'governance.manage', postAttendance, { schema: idSchema }),
  route('POST', '/:lang/admin/meetings/:id/attachments', 'governance.manage', postAttachment, { schema: idSchema, csrf: false }),
  route('POST', '/:lang/admin/meetings/:id/attachments/:file', 'governance.manage', postAttachmentVisibility, { schema: attachmentSchema }),
  // Members and staff read every attachment; the public only those published with a summary.
  route('GET', '/:lang/governance/attachments/:file', 'governance.attachments', (request, reply) => sendAttachment(request, reply, true), { schema: fileSchema }),
  route('GET', '/media/governance/attachments/:file', 'public', (request, reply) => sendAttachment(request, reply, false), { schema: fileSchema }),
];
