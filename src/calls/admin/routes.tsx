import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sourceLang, textOf } from '../../i18n/translatable.ts';
import { HttpError, notFound } from '../../web/http-error.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { adminCalls, CallInputError, callForEditing, createCall, forums, moveCall, themes, updateCall } from './domain.ts';
import { parseCallForm, type CallValues } from './forms.ts';
import { isCallState } from './model.ts';
import { CallFormPage, type CallFormState } from './views/form.tsx';
import { CallListPage } from './views/list.tsx';

type SlugRequest = FastifyRequest<{ Params: { lang: string; slug: string }; Body: CallValues; Querystring: { saved?: string } }>;
const slugSchema = { params: z.object({ lang: z.string(), slug: z.string().max(200) }) };

async function listPage(request: FastifyRequest, reply: FastifyReply) {
  const rows = await adminCalls(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('calls.admin.title'), body: (ctx) => <CallListPage ctx={ctx} rows={rows} /> });
}

async function formOptions(request: FastifyRequest) {
  const db = request.server.ctx.db;
  const [forumRows, themeRows] = await Promise.all([forums(db), themes(db)]);
  return { forums: forumRows, themes: themeRows };
}

async function newPage(request: FastifyRequest, reply: FastifyReply, state: CallFormState = {}, status = 200) {
  const options = await formOptions(request);
  return sendPage(request, reply, { title: request.t('calls.admin.new'), status, body: (ctx) => <CallFormPage ctx={ctx} editing={null} options={options} state={state} /> });
}

async function postNew(request: FastifyRequest<{ Body: CallValues }>, reply: FastifyReply) {
  const values = request.body ?? {};
  const parsed = parseCallForm(values);
  if (!parsed.ok) return newPage(request, reply, { errors: parsed.errors, values }, 400);
  try {
    const slug = await createCall(request.server.ctx, request.user!.id, parsed.data);
    return reply.redirect(`/${request.lang}/admin/calls/${slug}?saved=1`, 303);
  } catch (error) {
    if (error instanceof CallInputError) return newPage(request, reply, { errors: error.fields, values }, 400);
    throw error;
  }
}

async function editPage(request: SlugRequest, reply: FastifyReply, state: CallFormState = {}, status = 200) {
  const editing = await callForEditing(request.server.ctx, request.params.slug);
  if (!editing) throw notFound();
  const options = await formOptions(request);
  return sendPage(request, reply, {
    title: request.t('calls.admin.edit_of', { title: textOf(editing.call.title, request.lang) }),
    status,
    body: (ctx) => <CallFormPage ctx={ctx} editing={editing} options={options} state={{ ...state, saved: state.saved ?? request.query.saved === '1' }} />,
  });
}

async function postEdit(request: SlugRequest, reply: FastifyReply) {
  const editing = await callForEditing(request.server.ctx, request.params.slug);
  if (!editing) throw notFound();
  const values = request.body ?? {};
  const parsed = parseCallForm(values, sourceLang(editing.call.title));
  if (!parsed.ok) return editPage(request, reply, { errors: parsed.errors, values, saved: false }, 400);
  try {
    if (!(await updateCall(request.server.ctx, request.user!.id, request.params.slug, parsed.data))) throw notFound();
  } catch (error) {
    if (error instanceof CallInputError) return editPage(request, reply, { errors: error.fields, values, saved: false }, 400);
    throw error;
  }
  return reply.redirect(`/${request.lang}/admin/calls/${request.params.slug}?saved=1`, 303);
}

async function postState(request: SlugRequest, reply: FastifyReply) {
  const to = request.body?.to;
  if (!isCallState(to)) throw new HttpError(400, 'calls.error.state');
  if (!(await moveCall(request.server.ctx, request.user!.id, request.params.slug, to))) throw notFound();
  return reply.redirect(`/${request.lang}/admin/calls/${request.params.slug}?saved=1`, 303);
}

export const callAdminRoutes = [
  route('GET', '/:lang/admin/calls', 'calls.manage', listPage),
  route('GET', '/:lang/admin/calls/new', 'calls.manage', (request, reply) => newPage(request, reply)),
  route('POST', '/:lang/admin/calls/new', 'calls.manage', postNew),
  route('GET', '/:lang/admin/calls/:slug', 'calls.manage', (request, reply) => editPage(request as SlugRequest, reply), { schema: slugSchema }),
  route('POST', '/:lang/admin/calls/:slug', 'calls.manage', postEdit, { schema: slugSchema }),
  route('POST', '/:lang/admin/calls/:slug/state', 'calls.manage', postState, { schema: slugSchema }),
];
