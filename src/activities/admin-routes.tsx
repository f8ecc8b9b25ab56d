import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from '../api/csv.ts';
import { LANGS } from '../i18n/langs.ts';
import { sourceLang, textOf } from '../i18n/translatable.ts';
import { parseInput } from '../web/forms.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { listParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { apiDate } from './dates.ts';
import { activityDetail } from './domain.ts';
import {
  activityTexts,
  addOrganisation,
  adminActivityList,
  createActivity,
  removeOrganisation,
  seriesChoices,
  updateActivity,
  updateTexts,
} from './editing.ts';
import { activityForm, organisationForm, TEXT_FIELDS, textsForm } from './forms.ts';
import { listRegistrations, recordAttendance } from './registrations.ts';
import { ActivityFormPage, AdminActivitiesPage, OrganisationsPage, RegistrationsPage, TextsPage, type EditState } from './views/admin.tsx';

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

async function list(request: FastifyRequest, reply: FastifyReply) {
  const rows = await adminActivityList(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('admin.activities'), body: (ctx) => <AdminActivitiesPage ctx={ctx} rows={rows} /> });
}

async function showForm(request: FastifyRequest, reply: FastifyReply, slug: string | null, state: EditState, status = 200) {
  const series = await seriesChoices(request.server.ctx.db);
  return sendPage(request, reply, {
    title: request.t(slug ? 'activities.admin.edit' : 'activities.admin.new'),
    status,
    body: (ctx) => <ActivityFormPage ctx={ctx} slug={slug} state={state} series={series} />,
  });
}

/** A refusal that names fields (taken slug, unknown series) is shown next to them. */
const fieldRefusal = (error: unknown): error is HttpError => error instanceof HttpError && (error.status === 400 || error.status === 409) && Object.keys(error.fields).length > 0;

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
    if (fieldRefusal(error)) return showForm(request, reply, null, { errors: error.fields, values }, error.status);
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
    series: a.series_slug ?? '', edition: a.edition,
  };
  return showForm(request, reply, a.slug, { values, saved: (request.query as { saved?: string }).saved === '1' });
}

async function update(request: SlugRequest, reply: FastifyReply) {
  const values = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(activityForm, { ...values, slug: '' });
  if (!parsed.ok) return showForm(request, reply, request.params.slug, { errors: parsed.fields, values }, 400);
  let found: boolean;
  try {
    found = await updateActivity(request.server.ctx.db, request.params.slug, parsed.data, request.lang, request.user!.id);
  } catch (error) {
    if (fieldRefusal(error)) return showForm(request, reply, request.params.slug, { errors: error.fields, values }, error.status);
    throw error;
  }
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

type TextsRequest = FastifyRequest<{ Params: { slug: string }; Querystring: { saved?: string } }>;

async function textsPage(request: TextsRequest, reply: FastifyReply, state?: EditState, status = 200) {
  const activity = await activityTexts(request.server.ctx.db, request.params.slug);
  if (!activity) throw notFound();
  const values: Record<string, unknown> = {};
  if (!state) {
    for (const lang of LANGS) {
      for (const field of TEXT_FIELDS) values[`${field}_${lang}`] = activity[field][lang]?.text ?? '';
    }
  }
  return sendPage(request, reply, {
    title: request.t('activities.admin.texts_of', { title: textOf(activity.title, request.lang) }),
    status,
    body: (ctx) => <TextsPage ctx={ctx} activity={activity} state={state ?? { values, saved: (request.query as { saved?: string }).saved === '1' }} />,
  });
}

async function saveTexts(request: TextsRequest, reply: FastifyReply) {
  const { db, pageCache } = request.server.ctx;
  const activity = await activityTexts(db, request.params.slug);
  if (!activity) throw notFound();
  const values = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(textsForm(sourceLang(activity.title) ?? 'en'), values);
  if (!parsed.ok) return textsPage(request, reply, { errors: parsed.fields, values }, 400);
  if (!(await updateTexts(db, request.params.slug, parsed.data, request.user!.id))) throw notFound();
  await pageCache.invalidate();
  return reply.redirect(`/${request.lang}/admin/activities/${request.params.slug}/texts?saved=1`, 303);
}

async function organisationsPage(request: TextsRequest, reply: FastifyReply, state?: EditState, status = 200) {
  const detail = await activityDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  return sendPage(request, reply, {
    title: request.t('activities.admin.organisations_of', { title: textOf(detail.activity.title, request.lang) }),
    status,
    body: (ctx) => (
      <OrganisationsPage
        ctx={ctx}
        slug={detail.activity.slug}
        title={detail.activity.title}
        rows={detail.organisations}
        state={state ?? { values: {}, saved: (request.query as { saved?: string }).saved === '1' }}
      />
    ),
  });
}

async function saveOrganisation(request: TextsRequest, reply: FastifyReply) {
  const { db, pageCache } = request.server.ctx;
  const values = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(organisationForm, values);
  if (!parsed.ok) return organisationsPage(request, reply, { errors: parsed.fields, values }, 400);
  try {
    if (!(await addOrganisation(db, request.params.slug, parsed.data, request.lang, request.user!.id))) throw notFound();
  } catch (error) {
    if (fieldRefusal(error)) return organisationsPage(request, reply, { errors: error.fields, values }, error.status);
    throw error;
  }
  await pageCache.invalidate();
  return reply.redirect(`/${request.lang}/admin/activities/${request.params.slug}/organisations?saved=1`, 303);
}

async function dropOrganisation(request: TextsRequest, reply: FastifyReply) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const id = typeof body.organisation === 'string' && /^\d{1,9}$/.test(body.organisation) ? Number(body.organisation) : null;
  const role = body.role === 'organiser' || body.role === 'partner' ? body.role : null;
  if (id === null || role === null) throw new HttpError(400, 'error.bad_request');
  if (!(await removeOrganisation(request.server.ctx.db, request.params.slug, id, role, request.user!.id))) throw notFound();
  await request.server.ctx.pageCache.invalidate();
  return reply.redirect(`/${request.lang}/admin/activities/${request.params.slug}/organisations?saved=1`, 303);
}

export const activityAdminRoutes = [
  route('GET', '/:lang/admin/activities', 'activities.manage', list),
  route('GET', '/:lang/admin/activities/new', 'activities.manage', newForm),
  route('POST', '/:lang/admin/activities/new', 'activities.manage', create),
  route('GET', '/:lang/admin/activities/:slug/edit', 'activities.manage', editForm),
  route('POST', '/:lang/admin/activities/:slug/edit', 'activities.manage', update),
  route('GET', '/:lang/admin/activities/:slug/texts', 'activities.manage', (request, reply) => textsPage(request as TextsRequest, reply)),
  route('POST', '/:lang/admin/activities/:slug/texts', 'activities.manage', saveTexts),
  route('GET', '/:lang/admin/activities/:slug/organisations', 'activities.manage', (request, reply) => organisationsPage(request as TextsRequest, reply)),
  route('POST', '/:lang/admin/activities/:slug/organisations', 'activities.manage', saveOrganisation),
  route('POST', '/:lang/admin/activities/:slug/organisations/remove', 'activities.manage', dropOrganisation),
  route('GET', '/:lang/admin/activities/:slug/registrations', 'activities.manage', (request, reply) => registrations(request, reply)),
  route('POST', '/:lang/admin/activities/:slug/registrations', 'activities.manage', attendance),
  route('GET', '/:lang/admin/activities/:slug/registrations.csv', 'activities.manage', exportCsv),
];
