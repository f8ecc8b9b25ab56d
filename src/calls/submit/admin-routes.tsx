import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from '../../api/csv.ts';
import { sourceText, textOf } from '../../i18n/translatable.ts';
import { notFound } from '../../web/http-error.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { callBySlug, type Call } from './domain.ts';
import { fileOf, filesOf, submissionById, submissionsOfCall } from './queries.ts';
import { SubmissionDetailPage, SubmissionsPage } from './views/admin.tsx';

type AdminRequest = FastifyRequest<{ Params: { lang: string; slug: string; id?: string; fileId?: string } }>;

async function loadCall(request: AdminRequest): Promise<Call> {
  const call = await callBySlug(request.server.ctx.db, request.params.slug);
  if (!call) throw notFound();
  return call;
}

const idOf = (text: string | undefined) => (text && /^\d{1,9}$/.test(text) ? Number(text) : null);

async function list(request: AdminRequest, reply: FastifyReply) {
  const call = await loadCall(request);
  const rows = await submissionsOfCall(request.server.ctx.db, call.id);
  reply.header('cache-control', 'private, no-store');
  return sendPage(request, reply, { title: request.t('calls_submit.admin.title'), body: (ctx) => <SubmissionsPage ctx={ctx} call={call} rows={rows} /> });
}

/** The list as a spreadsheet: the same rows, the texts in the language they were written in. */
async function csv(request: AdminRequest, reply: FastifyReply) {
  const call = await loadCall(request);
  const rows = await submissionsOfCall(request.server.ctx.db, call.id);
  const columns = ['id', 'state', 'lang', 'source_lang', 'title', 'organisation', 'city', 'country', 'region', 'email', 'submitted_at', 'withdrawn_at', 'possible_duplicate_of'];
  const body = toCsv(columns, rows.map((row) => ({
    ...row,
    title: sourceText(row.title) ?? '',
    organisation: row.organisation ? textOf(row.organisation, request.lang) : row.organisation_name,
    submitted_at: row.submitted_at?.toISOString(),
    withdrawn_at: row.withdrawn_at?.toISOString(),
  })));
  return reply
    .type('text/csv; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${call.slug}-submissions.csv"`)
    .send(body);
}

async function detail(request: AdminRequest, reply: FastifyReply) {
  const call = await loadCall(request);
  const id = idOf(request.params.id);
  const submission = id === null ? undefined : await submissionById(request.server.ctx.db, call.id, id);
  if (!submission) throw notFound();
  const files = await filesOf(request.server.ctx.db, submission.id);
  reply.header('cache-control', 'private, no-store');
  return sendPage(request, reply, {
    title: sourceText(submission.title) ?? request.t('calls_submit.admin.untitled'),
    body: (ctx) => <SubmissionDetailPage ctx={ctx} call={call} submission={submission} files={files} />,
  });
}

/** A file of a submission, to the secretariat only (the route's permission); never shown inline. */
async function download(request: AdminRequest, reply: FastifyReply) {
  const call = await loadCall(request);
  const id = idOf(request.params.id);
  const fileId = idOf(request.params.fileId);
  const submission = id === null ? undefined : await submissionById(request.server.ctx.db, call.id, id);
  const file = submission && fileId !== null ? await fileOf(request.server.ctx.db, submission.id, fileId) : undefined;
  const content = file ? await request.server.ctx.files.get(file.file_key) : null;
  if (!file || !content) throw notFound();
  return reply
    .type(file.mime)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
    .send(content);
}

export const callSubmitAdminRoutes = [
  route('GET', '/:lang/admin/calls/:slug/submissions', 'calls.manage', list),
  route('GET', '/:lang/admin/calls/:slug/submissions.csv', 'calls.manage', csv),
  route('GET', '/:lang/admin/calls/:slug/submissions/:id', 'calls.manage', detail),
  route('GET', '/:lang/admin/calls/:slug/submissions/:id/files/:fileId', 'calls.manage', download),
];
