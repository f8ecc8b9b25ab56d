import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from '../api/csv.ts';
import { textOf } from '../i18n/translatable.ts';
import { parseInput } from '../web/forms.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { listParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { apiDate } from './dates.ts';
import { activityDetail } from './domain.ts';
import { adminActivityList, createActivity, updateActivity } from './editing.ts';
import { activityForm } from './forms.ts';
import { listRegistrations, recordAttendance } from './registrations.ts';
import { ActivityFormPage, AdminActivitiesPage, RegistrationsPage, type EditState } from './views/admin.tsx';

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

async function list(request: FastifyRequest, reply: FastifyReply) {
  const rows = await adminActivityList(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('admin.activities'), body: (ctx) => <AdminActivitiesPage ctx={ctx} rows={rows} /> });
}

function showForm(request: FastifyRequest, reply: FastifyReply, slug: string | null, state: EditState, status = 200) {
  return sendPage(request, reply, {
    title: request.t(slug ? 'activities.admin.edit' : 'activities.admin.new'),
    status,
    body: (ctx) => <ActivityFormPage ctx={ctx} slug={slug} state={state} />,
  });
}

async function newForm(request: FastifyRequest, reply: FastifyReply) {
  return showForm(request, reply, null, { values: { type: 'training', precision: 'day', format: 'in-person', waiting_list: true } });
}

async function create(request: FastifyRequest, reply: FastifyReply) {
  const values = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(activityForm, values);
  if (!parsed.ok) return showForm(request, reply, null, { errors: parsed.fields, values }, 400);
  try {
    const slug = await createActivity(request.server.ctx.db, parsed.data, request.lang, request.user!.id);
    await request.server.ctx.pageCache.invalidate();
    return reply.redirect(`/${request.lang}/admin/activities/${slug}/edit?saved=1`, 303);
  } catch (error) {
    if (error instanceof HttpError && error.status === 409) return showForm(request, reply, null, { errors: error.fields, values }, 409);
    throw error;
  }
}

async function editForm(request: FastifyRequest<{ Params: { slug: string }; Querystring: { saved?: string } }>, reply: FastifyReply) {
  const detail = await activityDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  const a = detail.activity;
  const values = {
    type: a.type, title: textOf(a.title, request.lang), summary: textOf(a.summary, request.lang),
    start: apiDate(a.start_date, a.date_precision), end: apiDate(a.end_date, a.date_precision), precision: a.date_precision,
    tentative: a.tentative, format: a.format, city: a.city, country: a.country, venue: a.venue, participants: a.participants,
    registration_open: a.registration_open, capacity: a.capacity, waiting_list: a.waiting_list, registration_closes: a.registration_closes,
  };
  return showForm(request, reply, a.slug, { values, saved: (request.query as { saved?: string }).saved === '1' });
}

async function update(request: SlugRequest, reply: FastifyReply) {
  const values = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(activityForm, { ...values, slug: '' });
  if (!parsed.ok) return showForm(request, reply, request.params.slug, { errors: parsed.fields, values }, 400);
  const found = await updateActivity(request.server.ctx.db, request.params.slug, parsed.data, request.lang, request.user!.id);
  if (!found) throw notFound();
  await request.server.ctx.pageCache.invalidate();
  return reply.redirect(`/${request.lang}/admin/activities/${request.params.slug}/edit?saved=1`, 303);
}

async function activityOr404(request: SlugRequest) {
  const detail = await activityDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  return detail.activity;
}

async function registrations(request: SlugRequest, reply: FastifyReply, saved = false) {
  const activity = await activityOr404(request);
  const rows = await listRegistrations(request.server.ctx.db, activity.id);
  return sendPage(request, reply, {
    title: request.t('registration.list'),
    body: (ctx) => <RegistrationsPage ctx={ctx} slug={activity.slug} title={activity.title} rows={rows} saved={saved} />,
  });
}

async function attendance(request: SlugRequest, reply: FastifyReply) {
  const activity = await activityOr404(request);
  const ids = listParam((request.body as Record<string, unknown> | undefined)?.present);
  if (ids.some((id) => !/^\d{1,9}$/.test(id))) throw new HttpError(400, 'error.bad_request');
  await recordAttendance(request.server.ctx.db, activity.id, ids.map(Number), request.user!.id);
  return registrations(request, reply, true);
}

async function exportCsv(request: SlugRequest, reply: FastifyReply) {
  const activity = await activityOr404(request);
  const rows = await listRegistrations(request.server.ctx.db, activity.id);
  const columns = ['name', 'email', 'organisation', 'lang', 'status', 'attended', 'registered_at'];
  const csv = toCsv(columns, rows.map((row) => ({ ...row, attended: row.attended === null ? '' : row.attended ? 'yes' : 'no', registered_at: row.created_at.toISOString() })));
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${activity.slug}-registrations.csv"`)
    .header('cache-control', 'private, no-store')
    .send(csv);
}

export const activityAdminRoutes = [
  route('GET', '/:lang/admin/activities', 'activities.manage', list),
  route('GET', '/:lang/admin/activities/new', 'activities.manage', newForm),
  route('POST', '/:lang/admin/activities/new', 'activities.manage', create),
  route('GET', '/:lang/admin/activities/:slug/edit', 'activities.manage', editForm),
  route('POST', '/:lang/admin/activities/:slug/edit', 'activities.manage', update),
  route('GET', '/:lang/admin/activities/:slug/registrations', 'activities.manage', (request, reply) => registrations(request, reply)),
  route('POST', '/:lang/admin/activities/:slug/registrations', 'activities.manage', attendance),
  route('GET', '/:lang/admin/activities/:slug/registrations.csv', 'activities.manage', exportCsv),
];
