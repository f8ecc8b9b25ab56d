import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, type Lang } from '../i18n/langs.ts';
import { cleanFilters, memberExport } from '../members/domain.ts';
import { acceptedNews } from '../news/domain.ts';
import { parseInput } from '../web/forms.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { issueContent } from './content.ts';
import { scheduleIssue, sendTest, startSending, unscheduleIssue } from './delivery.ts';
import { editionForm, issueForm, scheduleForm, sectionContentForm, sectionForm, settingsForm, testSendForm } from './forms.ts';
import { addSection, createIssue, issueDetail, issueOverview, moveSection, removeSection, saveEdition, setSectionContent, updateSettings } from './issues.ts';
import { renderIssue } from './mail.tsx';
import { EditionPage, IssueListPage, IssuePage, type FormState } from './views/admin.tsx';

/** The newsletter back-office: issues, sections, editions, preview, test send, schedule, send, progress. */
type IssueRequest = FastifyRequest<{ Params: { lang: Lang; id: string; section?: string; edition?: string }; Querystring: { done?: string } }>;

/** What a redirect back to the issue page may announce (anything else in `?done=` is ignored). */
const DONE = ['edition_saved', 'settings_saved', 'section_added', 'section_moved', 'section_removed', 'section_saved', 'test_sent', 'scheduled', 'unscheduled', 'sending'];

const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const issueUrl = (request: FastifyRequest, id: number, done?: string) => `/${request.lang}/admin/newsletter/${id}${done ? `?done=${done}` : ''}`;

function idOf(value: string | undefined): number {
  if (!value || !/^\d{1,9}$/.test(value)) throw notFound();
  return Number(value);
}

async function detailOr404(request: IssueRequest) {
  const detail = await issueDetail(request.server.ctx.db, { id: idOf(request.params.id) });
  if (!detail) throw notFound();
  return detail;
}

async function list(request: FastifyRequest, reply: FastifyReply, state?: FormState, status = 200) {
  const rows = await issueOverview(request.server.ctx.db);
  const today = new Date().toISOString().slice(0, 10);
  const values = state?.values ?? { slug: today.slice(0, 7), issue_date: today, source_lang: request.lang, fallback_lang: 'en', events_count: '5' };
  return sendPage(request, reply, { title: request.t('newsletter.admin.title'), status, body: (ctx) => <IssueListPage ctx={ctx} rows={rows} state={{ ...state, values }} /> });
}

async function create(request: FastifyRequest, reply: FastifyReply) {
  const values = body(request);
  const parsed = parseInput(issueForm, values);
  if (!parsed.ok) return list(request, reply, { errors: parsed.fields, values }, 400);
  try {
    const id = await createIssue(request.server.ctx.db, parsed.data, request.user!.id);
    return reply.redirect(issueUrl(request, id), 303);
  } catch (error) {
    if (error instanceof HttpError && error.status === 409) return list(request, reply, { errors: error.fields, values }, 409);
    throw error;
  }
}

async function show(request: IssueRequest, reply: FastifyReply, extra: { errors?: Record<string, string>; values?: Record<string, unknown>; status?: number; notice?: string | null } = {}) {
  const { db } = request.server.ctx;
  const detail = await detailOr404(request);
  const [members, news] = await Promise.all([
    memberExport(db, { filters: cleanFilters({ status: ['active'] }), lang: request.lang, sort: 'name' }),
    acceptedNews(db, { limit: 50 }),
  ]);
  const done = request.query.done;
  const notice = extra.notice ?? (done && DONE.includes(done) ? request.t(`newsletter.done.${done}`) : null);
  // While sending, the page reloads itself every 5 s (the Refresh header: no script needed).
  if (detail.issue.status === 'sending') reply.header('refresh', '5');
  return sendPage(request, reply, {
    title: request.t('newsletter.issue_label', { number: detail.issue.number, slug: detail.issue.slug }),
    status: extra.status,
    body: (ctx) => <IssuePage ctx={ctx} detail={detail} members={members.map((m) => ({ slug: m.slug, name: m.name }))} news={news} notice={notice} errors={extra.errors} values={extra.values} />,
  });
}

/** Runs a change, then back to the issue page; a refusal is shown on the page with its status. */
async function act(request: IssueRequest, reply: FastifyReply, done: string, change: (id: number) => Promise<unknown>) {
  const id = idOf(request.params.id);
  try {
    await change(id);
  } catch (error) {
    if (error instanceof HttpError && (error.status === 409 || error.status === 400)) {
      return show(request, reply, { status: error.status, errors: Object.keys(error.fields).length ? error.fields : { _form: error.code }, values: body(request) });
    }
    throw error;
  }
  await request.server.ctx.pageCache.invalidate();
  return reply.redirect(issueUrl(request, id, done), 303);
}

const withForm = <T,>(request: IssueRequest, reply: FastifyReply, schema: Parameters<typeof parseInput>[0], run: (data: T) => Promise<unknown>, done: string) => {
  const parsed = parseInput(schema, body(request));
  if (!parsed.ok) return show(request, reply, { status: 400, errors: parsed.fields, values: body(request) });
  return act(request, reply, done, () => run(parsed.data as T));
};

function editionLang(request: IssueRequest): Lang {
  const lang = request.params.edition;
  if (!isLang(lang)) throw notFound();
  return lang;
}

async function editionPage(request: IssueRequest, reply: FastifyReply, state?: FormState, status = 200) {
  const detail = await detailOr404(request);
  const lang = editionLang(request);
  let values = state?.values;
  if (!values) {
    const edition = detail.editions.find((e) => e.lang === lang);
    values = { subject: edition?.subject ?? '', intro: edition?.intro ?? '', status: edition?.status ?? 'draft' };
    for (const s of detail.sections) {
      values[`title_${s.id}`] = s.texts[lang]?.title ?? '';
      values[`body_${s.id}`] = s.texts[lang]?.body ?? '';
    }
  }
  return sendPage(request, reply, {
    title: request.t('newsletter.edition_of', { lang: request.t.langName(lang), number: detail.issue.number }),
    status,
    body: (ctx) => <EditionPage ctx={ctx} detail={detail} lang={lang} state={{ errors: state?.errors, values: values! }} />,
  });
}

async function saveEditionRoute(request: IssueRequest, reply: FastifyReply) {
  const detail = await detailOr404(request);
  const lang = editionLang(request);
  const written = detail.sections.filter((s) => s.kind === 'important' || s.kind === 'text');
  const values = body(request);
  const parsed = parseInput(editionForm(written.map((s) => s.id)), values);
  if (!parsed.ok) return editionPage(request, reply, { errors: parsed.fields, values }, 400);
  const data = parsed.data as Record<string, string>;
  const sections = Object.fromEntries(written.map((s) => [s.id, { title: data[`title_${s.id}`] ?? '', body: data[`body_${s.id}`] ?? '' }]));
  try {
    await saveEdition(request.server.ctx.db, detail.issue.id, lang, { subject: data.subject ?? '', intro: data.intro ?? '', status: data.status as 'draft', sections }, request.user!.id);
  } catch (error) {
    if (error instanceof HttpError && (error.status === 400 || error.status === 409)) return editionPage(request, reply, { errors: Object.keys(error.fields).length ? error.fields : { _form: error.code }, values }, error.status);
    throw error;
  }
  return reply.redirect(issueUrl(request, detail.issue.id, 'edition_saved'), 303);
}

/** The exact HTML of the mail, as a subscriber's client receives it (links shown as placeholders). */
async function preview(request: IssueRequest, reply: FastifyReply) {
  const detail = await detailOr404(request);
  const lang = editionLang(request);
  const { db, config } = request.server.ctx;
  const rendered = renderIssue(await issueContent(db, config.baseUrl, detail, lang));
  return reply
    .header('cache-control', 'private, no-store')
    // The mail's own <style>: the site's policy forbids inline styles, this document needs them.
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: http: https:; frame-ancestors 'self'")
    .type('text/html; charset=utf-8')
    .send(rendered.html);
}

const ctxOf = (request: FastifyRequest) => request.server.ctx;
const actor = (request: FastifyRequest) => request.user!.id;

export const newsletterAdminRoutes = [
  route('GET', '/:lang/admin/newsletter', 'newsletter.manage', (request, reply) => list(request, reply)),
  route('POST', '/:lang/admin/newsletter', 'newsletter.manage', create),
  route('GET', '/:lang/admin/newsletter/:id', 'newsletter.manage', (request, reply) => show(request, reply)),
  route('POST', '/:lang/admin/newsletter/:id/settings', 'newsletter.manage', (request: IssueRequest, reply) =>
    withForm(request, reply, settingsForm, (data: any) => updateSettings(ctxOf(request).db, idOf(request.params.id), data, actor(request)), 'settings_saved')),
  route('POST', '/:lang/admin/newsletter/:id/sections', 'newsletter.manage', (request: IssueRequest, reply) =>
    withForm(request, reply, sectionForm, (data: any) => addSection(ctxOf(request).db, idOf(request.params.id), data.kind, actor(request)), 'section_added')),
  route('POST', '/:lang/admin/newsletter/:id/sections/:section/move', 'newsletter.manage', (request: IssueRequest, reply) => {
    const direction = body(request).direction === 'up' ? 'up' : body(request).direction === 'down' ? 'down' : null;
    if (!direction) throw new HttpError(400, 'error.bad_request');
    return act(request, reply, 'section_moved', (id) => moveSection(ctxOf(request).db, id, idOf(request.params.section), direction, actor(request)));
  }),
  route('POST', '/:lang/admin/newsletter/:id/sections/:section/remove', 'newsletter.manage', (request: IssueRequest, reply) =>
    act(request, reply, 'section_removed', (id) => removeSection(ctxOf(request).db, id, idOf(request.params.section), actor(request)))),
  route('POST', '/:lang/admin/newsletter/:id/sections/:section/content', 'newsletter.manage', (request: IssueRequest, reply) =>
    withForm(request, reply, sectionContentForm, (data: any) =>
      setSectionContent(ctxOf(request).db, idOf(request.params.id), idOf(request.params.section), { member_slug: data.member_slug || null, news_ids: data.news }, actor(request)), 'section_saved')),
  route('GET', '/:lang/admin/newsletter/:id/editions/:edition', 'newsletter.manage', (request, reply) => editionPage(request, reply)),
  route('POST', '/:lang/admin/newsletter/:id/editions/:edition', 'newsletter.manage', saveEditionRoute),
  route('GET', '/:lang/admin/newsletter/:id/editions/:edition/preview', 'newsletter.manage', preview),
  route('POST', '/:lang/admin/newsletter/:id/test', 'newsletter.manage', (request: IssueRequest, reply) =>
    withForm(request, reply, testSendForm, (data: any) => sendTest(ctxOf(request), idOf(request.params.id), data.lang, data.email, actor(request)), 'test_sent')),
  route('POST', '/:lang/admin/newsletter/:id/schedule', 'newsletter.manage', (request: IssueRequest, reply) =>
    withForm(request, reply, scheduleForm, (data: any) => scheduleIssue(ctxOf(request), idOf(request.params.id), new Date(`${data.at}:00Z`), actor(request)), 'scheduled')),
  route('POST', '/:lang/admin/newsletter/:id/unschedule', 'newsletter.manage', (request: IssueRequest, reply) =>
    act(request, reply, 'unscheduled', (id) => unscheduleIssue(ctxOf(request), id, actor(request)))),
  route('POST', '/:lang/admin/newsletter/:id/send', 'newsletter.manage', (request: IssueRequest, reply) =>
    act(request, reply, 'sending', (id) => startSending(ctxOf(request), id, actor(request)))),
];

