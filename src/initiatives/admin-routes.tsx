import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf } from '../i18n/translatable.ts';
import { sourceLang } from '../i18n/translatable.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { parseInitiativeForm, type Values } from './editor-form.ts';
import { adminInitiatives, createInitiative, InitiativeInputError, initiativeForEditing, updateInitiative, workshopChoices } from './editor.ts';
import { AdminInitiativesPage, InitiativeFormPage, type FormState } from './views/admin.tsx';

/** The back-office of the archive: staff create an initiative or fix one without re-importing a booklet. */
type SlugRequest = FastifyRequest<{ Params: { slug: string }; Body: Values }>;
const slugSchema = { params: z.object({ lang: z.string(), slug: z.string().max(200) }) };

async function listPage(request: FastifyRequest, reply: FastifyReply) {
  const rows = await adminInitiatives(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('initiatives.admin.title'), body: (ctx) => <AdminInitiativesPage ctx={ctx} rows={rows} /> });
}

async function newPage(request: FastifyRequest, reply: FastifyReply, state: FormState = {}, status = 200) {
  const workshops = await workshopChoices(request.server.ctx.db);
  return sendPage(request, reply, {
    title: request.t('initiatives.admin.new'),
    status,
    body: (ctx) => <InitiativeFormPage ctx={ctx} editing={null} state={state} workshops={workshops} />,
  });
}

async function editPage(request: SlugRequest, reply: FastifyReply, state: FormState = {}, status = 200) {
  const db = request.server.ctx.db;
  const [editing, workshops] = await Promise.all([initiativeForEditing(db, request.params.slug), workshopChoices(db)]);
  if (!editing) throw notFound();
  return sendPage(request, reply, {
    title: request.t('initiatives.admin.edit_of', { title: textOf(editing.title, request.lang) }),
    status,
    body: (ctx) => <InitiativeFormPage ctx={ctx} editing={editing} state={state} workshops={workshops} />,
  });
}

async function postNew(request: FastifyRequest<{ Body: Values }>, reply: FastifyReply) {
  const values = (request.body ?? {}) as Values;
  // "Add a presenter row": the same form back with one more row, nothing saved.
  if (values.more_presenters) return newPage(request, reply, { values, unsaved: true });
  const parsed = parseInitiativeForm(values);
  if (!parsed.ok) return newPage(request, reply, { errors: parsed.errors, values }, 400);
  try {
    const slug = await createInitiative(request.server.ctx, request.user!.id, parsed.data);
    return reply.redirect(`/${request.lang}/admin/initiatives/${slug}`, 303);
  } catch (error) {
    if (error instanceof InitiativeInputError) return newPage(request, reply, { errors: error.fields, values }, 400);
    throw error;
  }
}

async function postEdit(request: SlugRequest, reply: FastifyReply) {
  const values = (request.body ?? {}) as Values;
  if (values.more_presenters) return editPage(request, reply, { values, unsaved: true });
  const current = await initiativeForEditing(request.server.ctx.db, request.params.slug);
  if (!current) throw notFound();
  // The event is fixed once written; the posted one is ignored.
  const parsed = parseInitiativeForm({ ...values, event: current.event_slug }, sourceLang(current.title));
  if (!parsed.ok) return editPage(request, reply, { errors: parsed.errors, values }, 400);
  try {
    if (!(await updateInitiative(request.server.ctx, request.user!.id, request.params.slug, parsed.data))) throw notFound();
  } catch (error) {
    if (error instanceof InitiativeInputError) return editPage(request, reply, { errors: error.fields, values }, 400);
    throw error;
  }
  return reply.redirect(`/${request.lang}/admin/initiatives/${request.params.slug}`, 303);
}

export const initiativeAdminRoutes = [
  route('GET', '/:lang/admin/initiatives', 'initiatives.manage', listPage),
  route('POST', '/:lang/admin/initiatives', 'initiatives.manage', postNew),
  route('GET', '/:lang/admin/initiatives/new', 'initiatives.manage', (request, reply) => newPage(request, reply)),
  route('GET', '/:lang/admin/initiatives/:slug', 'initiatives.manage', (request, reply) => editPage(request as SlugRequest, reply), { schema: slugSchema }),
  route('POST', '/:lang/admin/initiatives/:slug', 'initiatives.manage', postEdit, { schema: slugSchema }),
];
