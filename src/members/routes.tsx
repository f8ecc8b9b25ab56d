import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../auth/permissions.ts';
import type { Lang } from '../i18n/langs.ts';
import { textOf } from '../i18n/translatable.ts';
import { parseInput, type FieldErrors } from '../web/forms.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { readCheckedForm } from '../web/form-with-files.ts';
import { memberLogo } from './profile.ts';
import { listParam, PAGE_SIZE, pageParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { applicationForApplicant, ApplicationStateError, DocumentQuotaError, saveApplication } from './applications.ts';
import { addressKey, QuotaError, quotaReached } from './draft-limits.ts';
import { cleanFilters, memberDirectory, memberProfile, SORTS, type MemberSort } from './domain.ts';
import { DOCUMENT_RULE, draftApplicationForm, MAX_DOCUMENTS, missingForSubmission } from './forms.ts';
import { MemberPage, MembersPage } from './views/directory.tsx';
import { JoinPage, type JoinState } from './views/join.tsx';

type Query = Record<string, string | string[] | undefined>;

const FIELD_ORDER = ['_form', 'organisation_name', 'kind', 'category', 'country', 'city', 'website', 'focal_name', 'email', 'focal_phone', 'head_name',
  'head_title', 'general_email', 'signatory_name', 'signatory_title', 'sse_situation', 'documents'];

export function directoryInput(query: Query) {
  const filters = cleanFilters({
    region: listParam(query.region),
    country: listParam(query.country),
    kind: listParam(query.kind),
    status: listParam(query.status),
    q: typeof query.q === 'string' ? query.q : undefined,
  });
  const sort: MemberSort = (SORTS as readonly string[]).includes(String(query.sort)) ? (query.sort as MemberSort) : 'name';
  return { filters, sort };
}

async function members(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const { filters, sort } = directoryInput(request.query);
  const page = pageParam.parse(request.query.page);
  const directory = await memberDirectory(request.server.ctx.db, { filters, sort, lang: request.lang, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const query = new URLSearchParams();
  for (const key of ['region', 'country', 'kind', 'status'] as const) for (const value of filters[key]) query.append(key, value);
  if (filters.q) query.set('q', filters.q);
  if (sort !== 'name') query.set('sort', sort);
  return sendPage(request, reply, {
    title: request.t('members.title'),
    body: (ctx) => <MembersPage ctx={ctx} directory={directory} filters={filters} sort={sort} page={page} query={query} />,
  });
}

async function member(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const showPrivate = can(request.user, 'members.contacts');
  const profile = await memberProfile(request.server.ctx.db, request.params.slug, showPrivate);
  if (!profile) throw notFound();
  return sendPage(request, reply, {
    title: textOf(profile.member.name, request.lang),
    body: (ctx) => <MemberPage ctx={ctx} profile={profile} showPrivate={showPrivate} />,
  });
}

function privatePage(reply: FastifyReply) {
  // Drafts and their secret links are the applicant's alone: never cached, never indexed.
  reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');
}

async function joinForm(request: FastifyRequest, reply: FastifyReply) {
  // The blank form is the network's public invitation: indexable (drafts stay noindex), never cached (its form token).
  reply.header('cache-control', 'private, no-store');
  return sendPage(request, reply, { title: request.t('join.title'), body: (ctx) => <JoinPage ctx={ctx} state={{ action: `/${request.lang}/join` }} /> });
}

function valuesOf(application: NonNullable<Awaited<ReturnType<typeof applicationForApplicant>>>['application']): Record<string, string> {
  const contacts = application.contacts;
  return {
    organisation_name: application.organisation_name,
    email: application.email,
    kind: application.kind ?? '',
    category: application.category ?? '',
    country: application.country ?? '',
    city: application.city ?? '',
    website: application.website ?? '',
    focal_name: contacts.focal?.name ?? '',
    focal_phone: contacts.focal?.phone ?? '',
    head_name: contacts.head?.name ?? '',
    head_title: contacts.head?.title ?? '',
    general_email: contacts.general?.email ?? '',
    signatory_name: application.signatory_name ?? '',
    signatory_title: application.signatory_title ?? '',
    sse_situation: application.sse_situation ?? '',
  };
}

async function resumeJoin(request: FastifyRequest<{ Params: { token: string }; Querystring: { notice?: string } }>, reply: FastifyReply) {
  privatePage(reply);
  const found = await applicationForApplicant(request.server.ctx.db, request.params.token);
  if (!found) throw notFound();
  const { application, documents, editable } = found;
  const notice = !editable ? (application.status === 'draft' ? undefined : request.query.notice === 'submitted' ? 'submitted' : 'locked') : request.query.notice === 'saved' ? 'saved' : undefined;
  const state: JoinState = {
    action: `/${request.lang}/join/${request.params.token}`,
    values: valuesOf(application),
    notice: notice as JoinState['notice'],
    cityNotFound: Boolean(application.city && application.country && application.latitude === null),
    documents,
    editable,
  };
  return sendPage(request, reply, { title: request.t('join.title'), body: (ctx) => <JoinPage ctx={ctx} state={state} /> });
}

async function postJoin(request: FastifyRequest<{ Params: { token?: string } }>, reply: FastifyReply) {
  privatePage(reply);
  const lang: Lang = request.lang;
  const token = request.params.token ?? null;
  const action = token ? `/${lang}/join/${token}` : `/${lang}/join`;
  const existing = token ? await applicationForApplicant(request.server.ctx.db, token) : null;
  if (token && !existing) throw notFound();
  // Refused before the body is read: an address past its quota uploads nothing more today.
  if (await quotaReached(request.server.ctx.db, existing?.application.created_from ?? addressKey(request.ip), !existing)) throw new HttpError(429, 'join.quota_reached');
  const { fields, files, fileErrors } = await readCheckedForm(request, { documents: DOCUMENT_RULE });
  if (files.length + (existing?.documents.length ?? 0) > MAX_DOCUMENTS) fileErrors.documents = 'join.documents_quota';
  const values = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== '_csrf').map(([key, value]) => [key, String([value].flat()[0] ?? '')]));
  const parsed = parseInput(draftApplicationForm, values);
  const submit = values.intent === 'submit';
  const found: FieldErrors = { ...(submit ? missingForSubmission(values as never) : {}), ...(parsed.ok ? {} : parsed.fields), ...fileErrors };
  // In the order of the form, so the summary reads top to bottom.
  let errors: FieldErrors = Object.fromEntries(Object.entries(found).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)));
  if (existing && !existing.editable) errors = { _form: 'join.locked' };
  if (!parsed.ok || Object.keys(errors).length > 0) {
    const state: JoinState = { action, errors, values, documents: existing?.documents };
    return sendPage(request, reply, { title: request.t('join.title'), status: 400, body: (ctx) => <JoinPage ctx={ctx} state={state} /> });
  }
  try {
    const saved = await saveApplication(request.server.ctx, { token, data: parsed.data, files, lang, submit, address: request.ip });
    return reply.redirect(`/${lang}/join/${saved.token}?notice=${submit ? 'submitted' : 'saved'}`, 303);
  } catch (error) {
    if (error instanceof QuotaError) throw new HttpError(429, 'join.quota_reached');
    if (error instanceof DocumentQuotaError) throw new HttpError(400, 'join.documents_quota');
    if (error instanceof ApplicationStateError) throw new HttpError(409, 'join.locked');
    throw error;
  }
}

async function logo(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const found = await memberLogo(request.server.ctx, request.params.slug);
  if (!found) throw notFound();
  return reply.type(found.mime).header('cache-control', 'public, max-age=3600').header('content-security-policy', "default-src 'none'").send(found.content);
}

export const memberRoutes = [
  route('GET', '/media/members/:slug/logo', 'public', logo),
  route('GET', '/:lang/members', 'public', members),
  route('GET', '/:lang/members/:slug', 'public', member),
  route('GET', '/:lang/join', 'public', joinForm),
  route('POST', '/:lang/join', 'public', postJoin, { csrf: false, rateLimit: 30 }),
  route('GET', '/:lang/join/:token', 'public', resumeJoin, { rateLimit: 60 }),
  route('POST', '/:lang/join/:token', 'public', postJoin, { csrf: false, rateLimit: 30 }),
];
