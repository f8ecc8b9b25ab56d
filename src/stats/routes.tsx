import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from '../api/csv.ts';
import { badRequest, notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { figureTable, networkFigures, parseDay } from './domain.ts';
import { backOfficeFigures } from './admin-queries.ts';
import { AdminStatsPage } from './views/admin.tsx';
import { reportPdf } from './pdf.ts';
import { annualReport, reportZip } from './report.ts';
import { ReportPage } from './views/report.tsx';
import { StatsPage } from './views/stats.tsx';

type Query = Record<string, string | string[] | undefined>;

/** `as_of` (a day, default today) and `year` (of the activities, default the as-of year): bad ones are a 400 naming them. */
function period(request: FastifyRequest<{ Querystring: Query }>) {
  const today = new Date().toISOString().slice(0, 10);
  const rawDay = request.query.as_of;
  const day = rawDay === undefined || rawDay === '' ? today : parseDay(rawDay, today);
  if (!day) throw badRequest('stats.error.as_of', { as_of: 'stats.error.as_of' });
  const rawYear = request.query.year;
  const year = rawYear === undefined || rawYear === '' ? Number(day.slice(0, 4)) : typeof rawYear === 'string' && /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
  if (!(year >= 2013 && year <= Number(today.slice(0, 4)) + 5)) throw badRequest('stats.error.year', { year: 'stats.error.year' });
  return { day, year };
}

async function statsPage(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const { day, year } = period(request);
  const figures = await networkFigures(request.server.ctx.db, day, year);
  return sendPage(request, reply, {
    title: request.t('stats.title'),
    description: request.t('stats.intro'),
    body: (ctx) => <StatsPage ctx={ctx} figures={figures} />,
  });
}

async function statsCsv(request: FastifyRequest<{ Params: { figure: string }; Querystring: Query }>, reply: FastifyReply) {
  const { day, year } = period(request);
  const figures = await networkFigures(request.server.ctx.db, day, year);
  const rows = figureTable(figures, request.params.figure);
  if (!rows) throw notFound();
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${request.params.figure}-${day}.csv"`)
    .send(toCsv(['key', 'count', 'as_of'], rows.map((row) => ({ key: row.key, count: row.count, as_of: day }))));
}

/** A year written with four digits that has activities recorded; anything else is a 404 naming no year. */
async function reportOf(request: FastifyRequest<{ Params: { year: string } }>) {
  if (!/^\d{4}$/.test(request.params.year)) throw notFound();
  const report = await annualReport(request.server.ctx.db, Number(request.params.year), new Date().toISOString().slice(0, 10));
  if (!report) throw notFound();
  return report;
}

async function reportPage(request: FastifyRequest<{ Params: { year: string } }>, reply: FastifyReply) {
  const report = await reportOf(request);
  return sendPage(request, reply, {
    title: request.t('report.title', { year: String(report.year) }),
    description: request.t('report.intro', { year: String(report.year), day: report.end }),
    body: (ctx) => <ReportPage ctx={ctx} report={report} />,
  });
}

async function reportFigures(request: FastifyRequest<{ Params: { year: string } }>, reply: FastifyReply) {
  const report = await reportOf(request);
  return reply
    .type('application/zip')
    .header('content-disposition', `attachment; filename="gsef-report-${report.year}-figures.zip"`)
    .send(Buffer.from(reportZip(report)));
}

async function reportPdfFile(request: FastifyRequest<{ Params: { year: string } }>, reply: FastifyReply) {
  const report = await reportOf(request);
  const pdf = await reportPdf(report, request.t, request.lang);
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="gsef-report-${report.year}-${request.lang}.pdf"`)
    .send(pdf);
}

async function adminStats(request: FastifyRequest, reply: FastifyReply) {
  const figures = await backOfficeFigures(request.server.ctx.db);
  reply.header('cache-control', 'private, no-store');
  return sendPage(request, reply, { title: request.t('stats.admin.title'), body: (ctx) => <AdminStatsPage ctx={ctx} figures={figures} /> });
}

export const statsRoutes = [
  route('GET', '/:lang/admin/stats', 'members.applications', adminStats),
  route('GET', '/:lang/reports/:year/report.pdf', 'public', reportPdfFile),
  route('GET', '/:lang/reports/:year', 'public', reportPage),
  route('GET', '/:lang/reports/:year/figures.zip', 'public', reportFigures),
  route('GET', '/:lang/stats', 'public', statsPage),
  route('GET', '/:lang/stats/:figure.csv', 'public', statsCsv),
];
