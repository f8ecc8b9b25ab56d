import type { FastifyReply, FastifyRequest } from 'fastify';
import { LANGS } from '../i18n/langs.ts';
import { MergeError, mergeOrganisations } from '../organisations/merge.ts';
import { organisationOptions } from '../organisations/domain.ts';
import { readCheckedForm } from '../web/form-with-files.ts';
import { parseInput } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { memberProfile } from './domain.ts';
import { importMembers, type MemberImportReport } from './import.ts';
import { IMPORT_RULE, importForm, mergeForm, newMemberForm, recordForm } from './record-forms.ts';
import { addExistingMember, RecordError, updateMemberRecord } from './records.ts';
import type { FormState } from './views/admin.tsx';
import { ImportPage, MergePage, NewMemberPage, RecordPage } from './views/records.tsx';

type Body = Record<string, unknown>;
type State = FormState & { saved?: boolean };
type SlugRequest = FastifyRequest<{ Params: { slug: string }; Body: Body; Querystring: { saved?: string } }>;

function newMemberPage(request: FastifyRequest, reply: FastifyReply, state: State = {}, status = 200) {
  return sendPage(request, reply, { title: request.t('records.new_title'), status, body: (ctx) => <NewMemberPage ctx={ctx} state={state} /> });
}

async function postNewMember(request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
  const parsed = parseInput(newMemberForm, request.body);
  if (!parsed.ok) return newMemberPage(request, reply, { errors: parsed.fields, values: request.body }, 400);
  try {
    const slug = await addExistingMember(request.server.ctx, request.user!.id, parsed.data);
    return reply.redirect(`/${request.lang}/admin/members/${slug}`, 303);
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    return newMemberPage(request, reply, { errors: { [error.field]: error.key }, values: request.body }, 409);
  }
}

/** The record form's values as stored: names and descriptions in each language, the place, the contacts. */
async function recordValues(request: SlugRequest) {
  const profile = await memberProfile(request.server.ctx.db, request.params.slug, true);
  if (!profile) throw notFound();
  const { member } = profile;
  const contacts = member.contacts ?? {};
  const values: Body = {
    kind: member.kind, category: member.category, city: member.city, country: member.country, website: member.website,
    latitude: member.latitude, longitude: member.longitude,
    focal_name: contacts.focal?.name, focal_email: contacts.focal?.email, focal_phone: contacts.focal?.phone,
    head_name: contacts.head?.name, head_title: contacts.head?.title, general_email: contacts.general?.email,
  };
  for (const lang of LANGS) {
    values[`name_${lang}`] = member.name[lang]?.text ?? '';
    values[`description_${lang}`] = member.description?.[lang]?.text ?? '';
  }
  return { member, values };
}

async function recordPage(request: SlugRequest, reply: FastifyReply, state?: State, status = 200) {
  const { member, values } = await recordValues(request);
  const shown = state ?? { values, saved: request.query.saved === '1' };
  return sendPage(request, reply, {
    title: request.t('records.edit_title', { name: member.name[request.lang]?.text ?? Object.values(member.name)[0]?.text ?? member.slug }),
    status,
    body: (ctx) => <RecordPage ctx={ctx} member={member} state={shown} />,
  });
}

async function postRecord(request: SlugRequest, reply: FastifyReply) {
  await recordValues(request);
  const parsed = parseInput(recordForm, request.body);
  if (!parsed.ok) return recordPage(request, reply, { errors: parsed.fields, values: request.body }, 400);
  try {
    await updateMemberRecord(request.server.ctx, request.params.slug, request.user!.id, parsed.data);
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    return recordPage(request, reply, { errors: { [error.field]: error.key }, values: request.body }, error.field === '_form' ? 409 : 400);
  }
  return reply.redirect(`/${request.lang}/admin/members/${request.params.slug}/record?saved=1`, 303);
}

async function mergePage(request: FastifyRequest, reply: FastifyReply, state: State = {}, status = 200) {
  const organisations = await organisationOptions(request.server.ctx.db);
  const shown = { ...state, saved: state.saved ?? (request.query as { merged?: string }).merged === '1' };
  return sendPage(request, reply, { title: request.t('records.merge_title'), status, body: (ctx) => <MergePage ctx={ctx} organisations={organisations} state={shown} /> });
}

async function postMerge(request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
  const parsed = parseInput(mergeForm, request.body);
  if (!parsed.ok) return mergePage(request, reply, { errors: parsed.fields, values: request.body }, 400);
  try {
    await mergeOrganisations(request.server.ctx.db, parsed.data.kept, parsed.data.duplicate, request.user!.id);
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    const field = error.message === 'kept' ? 'kept' : 'duplicate';
    return mergePage(request, reply, { errors: { [field]: error.message === 'same' ? 'validation.record_merge_same' : `records.error.merge_${error.message}` }, values: request.body }, error.message === 'two_members' ? 409 : 400);
  }
  await request.server.ctx.pageCache.invalidate();
  return reply.redirect(`/${request.lang}/admin/organisations/merge?merged=1`, 303);
}

function importPage(request: FastifyRequest, reply: FastifyReply, state: State = {}, status = 200, report?: MemberImportReport & { dryRun: boolean }) {
  return sendPage(request, reply, { title: request.t('records.import_title'), status, body: (ctx) => <ImportPage ctx={ctx} state={state} report={report} /> });
}

async function postImport(request: FastifyRequest, reply: FastifyReply) {
  const { fields, files, fileErrors } = await readCheckedForm(request, { file: IMPORT_RULE });
  const intent = parseInput(importForm, { intent: [fields.intent].flat()[0] });
  const file = files.find((candidate) => candidate.field === 'file');
  const errors = { ...fileErrors, ...(intent.ok ? {} : intent.fields), ...(file || fileErrors.file ? {} : { file: 'records.error.no_file' }) };
  if (!intent.ok || !file || Object.keys(errors).length > 0) return importPage(request, reply, { errors }, 400);
  const dryRun = intent.data.intent === 'dry_run';
  const report = await importMembers(request.server.ctx, request.user!.id, file.content.toString('utf8'), dryRun);
  // Refused rows in a real import are bad input: nothing was written, and the report says why.
  return importPage(request, reply, {}, !dryRun && !report.imported ? 400 : 200, { ...report, dryRun });
}

export const memberRecordRoutes = [
  route('GET', '/:lang/admin/members/new', 'members.manage', (request, reply) => newMemberPage(request, reply)),
  route('POST', '/:lang/admin/members/new', 'members.manage', postNewMember),
  route('GET', '/:lang/admin/members/import', 'members.manage', (request, reply) => importPage(request, reply)),
  route('POST', '/:lang/admin/members/import', 'members.manage', postImport, { csrf: false }),
  route('GET', '/:lang/admin/members/:slug/record', 'members.manage', (request, reply) => recordPage(request as SlugRequest, reply)),
  route('POST', '/:lang/admin/members/:slug/record', 'members.manage', postRecord),
  route('GET', '/:lang/admin/organisations/merge', 'members.manage', (request, reply) => mergePage(request, reply)),
  route('POST', '/:lang/admin/organisations/merge', 'members.manage', postMerge),
];
