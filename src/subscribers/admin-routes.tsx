import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from '../api/csv.ts';
import { parseInput } from '../web/forms.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { EXPORT_COLUMNS, readImportForm, subscriberCounts, subscribersForExport } from './admin.ts';
import { CsvFormatError, importSubscribers, type ImportReport } from './csv-import.ts';
import { importForm } from './forms.ts';
import { SubscribersAdminPage } from './views/admin.tsx';

async function overview(request: FastifyRequest, reply: FastifyReply, extra: { errors?: Record<string, string>; values?: Record<string, string>; report?: ImportReport } = {}, status = 200) {
  const counts = await subscriberCounts(request.server.ctx.db);
  return sendPage(request, reply, {
    title: request.t('subscribers.admin.title'),
    status,
    body: (ctx) => <SubscribersAdminPage ctx={ctx} counts={counts} {...extra} />,
  });
}

async function exportCsv(request: FastifyRequest, reply: FastifyReply) {
  const rows = await subscribersForExport(request.server.ctx.db);
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="subscribers.csv"')
    .header('cache-control', 'private, no-store')
    .send(toCsv(EXPORT_COLUMNS, rows));
}

async function importCsv(request: FastifyRequest, reply: FastifyReply) {
  const { fields, csv } = await readImportForm(request);
  const parsed = parseInput(importForm, fields);
  const errors = parsed.ok ? {} : { ...parsed.fields };
  if (!csv.trim()) errors.file = 'validation.sub_import_file';
  if (!parsed.ok || Object.keys(errors).length) return overview(request, reply, { errors, values: fields }, 400);
  try {
    const report = await importSubscribers(request.server.ctx.db, { csv, consentSource: parsed.data.consent_source, actorId: request.user!.id, defaultLang: request.lang });
    return overview(request, reply, { report });
  } catch (error) {
    if (error instanceof CsvFormatError) return overview(request, reply, { errors: { file: error.code }, values: fields }, 400);
    throw error;
  }
}

export const subscriberAdminRoutes = [
  route('GET', '/:lang/admin/subscribers', 'subscribers.manage', (request, reply) => overview(request, reply)),
  route('GET', '/:lang/admin/subscribers/export.csv', 'subscribers.manage', exportCsv),
  // Multipart: the handler checks the CSRF token itself (readImportForm).
  route('POST', '/:lang/admin/subscribers/import', 'subscribers.manage', importCsv, { csrf: false }),
];
