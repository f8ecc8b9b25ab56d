import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf } from '../i18n/translatable.ts';
import { readCheckedForm } from '../web/form-with-files.ts';
import { parseInput, type FieldErrors } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { addFile, adminResources, createResource, deleteFile, LibraryInputError, resourceForEditing, updateResource } from './domain.ts';
import { fileForm, LIBRARY_FILE_RULE, missingTitle, resourceForm } from './forms.ts';
import { AdminLibraryPage, FilesSection, ResourceFormPage, type FormState, type Values } from './views/admin.tsx';

type Body = Record<string, string | string[] | undefined>;
type SlugRequest = FastifyRequest<{ Params: { slug: string }; Body: Body }>;
const slugSchema = { params: z.object({ lang: z.string(), slug: z.string().max(200) }) };
const fileSchema = { params: z.object({ lang: z.string(), slug: z.string().max(200), file: z.coerce.number().int().positive().max(2_147_483_647) }) };

async function listPage(request: FastifyRequest, reply: FastifyReply) {
  const rows = await adminResources(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('library.admin.title'), body: (ctx) => <AdminLibraryPage ctx={ctx} rows={rows} /> });
}

function newPage(request: FastifyRequest, reply: FastifyReply, state: FormState = {}, status = 200) {
  return sendPage(request, reply, { title: request.t('library.admin.new'), status, body: (ctx) => <ResourceFormPage ctx={ctx} editing={null} state={state} /> });
}

async function postNew(request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
  const values = (request.body ?? {}) as Values;
  const parsed = parseInput(resourceForm, values);
  const errors = { ...(parsed.ok ? {} : parsed.fields), ...missingTitle(values) };
  if (!parsed.ok || Object.keys(errors).length) return newPage(request, reply, { errors, values }, 400);
  try {
    const slug = await createResource(request.server.ctx, request.user!.id, parsed.data);
    return reply.redirect(`/${request.lang}/admin/library/${slug}`, 303);
  } catch (error) {
    if (error instanceof LibraryInputError) return newPage(request, reply, { errors: error.fields, values }, 400);
    throw error;
  }
}

async function editPage(request: SlugRequest, reply: FastifyReply, forms: { resource?: FormState; file?: FormState } = {}, status = 200) {
  const editing = await resourceForEditing(request.server.ctx.db, request.params.slug);
  if (!editing) throw notFound();
  return sendPage(request, reply, {
    title: request.t('library.admin.edit_of', { title: textOf(editing.resource.title, request.lang) }),
    status,
    body: (ctx) => (
      <>
        <ResourceFormPage ctx={ctx} editing={editing} state={forms.resource ?? {}} />
        <FilesSection ctx={ctx} editing={editing} state={forms.file ?? {}} />
      </>
    ),
  });
}

async function postEdit(request: SlugRequest, reply: FastifyReply) {
  const values = (request.body ?? {}) as Values;
  const parsed = parseInput(resourceForm, values);
  const errors = { ...(parsed.ok ? {} : parsed.fields), ...missingTitle(values) };
  if (!parsed.ok || Object.keys(errors).length) return editPage(request, reply, { resource: { errors, values } }, 400);
  try {
    if (!(await updateResource(request.server.ctx, request.user!.id, request.params.slug, parsed.data))) throw notFound();
  } catch (error) {
    if (error instanceof LibraryInputError) return editPage(request, reply, { resource: { errors: error.fields, values } }, 400);
    throw error;
  }
  return reply.redirect(`/${request.lang}/admin/library/${request.params.slug}`, 303);
}

async function postFile(request: SlugRequest, reply: FastifyReply) {
  const { fields, files, fileErrors } = await readCheckedForm(request, { file: LIBRARY_FILE_RULE });
  const values = { lang: String([fields.lang].flat()[0] ?? '') };
  const parsed = parseInput(fileForm, values);
  const errors: FieldErrors = { ...fileErrors, ...(parsed.ok ? {} : parsed.fields) };
  const file = files.find((f) => f.field === 'file');
  // An empty file arrives as no file at all: the same message as none chosen.
  if (!file && !errors.file) errors.file = 'validation.library_file_required';
  if (!parsed.ok || Object.keys(errors).length > 0) return editPage(request, reply, { file: { errors, values } }, 400);
  if (!(await addFile(request.server.ctx, request.user!.id, request.params.slug, file!, parsed.data.lang ?? null))) throw notFound();
  return reply.redirect(`/${request.lang}/admin/library/${request.params.slug}`, 303);
}

async function postDeleteFile(request: FastifyRequest<{ Params: { slug: string; file: number } }>, reply: FastifyReply) {
  if (!(await deleteFile(request.server.ctx, request.user!.id, request.params.slug, request.params.file))) throw notFound();
  return reply.redirect(`/${request.lang}/admin/library/${request.params.slug}`, 303);
}

export const libraryAdminRoutes = [
  route('GET', '/:lang/admin/library', 'library.manage', listPage),
  route('POST', '/:lang/admin/library', 'library.manage', postNew),
  route('GET', '/:lang/admin/library/new', 'library.manage', (request, reply) => newPage(request, reply)),
  route('GET', '/:lang/admin/library/:slug', 'library.manage', (request, reply) => editPage(request, reply), { schema: slugSchema }),
  route('POST', '/:lang/admin/library/:slug', 'library.manage', postEdit, { schema: slugSchema }),
  route('POST', '/:lang/admin/library/:slug/files', 'library.manage', postFile, { schema: slugSchema, csrf: false }),
  route('POST', '/:lang/admin/library/:slug/files/:file/delete', 'library.manage', postDeleteFile, { schema: fileSchema }),
];
