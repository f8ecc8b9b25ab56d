import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../i18n/langs.ts';
import { sourceText } from '../../i18n/translatable.ts';
import { readCheckedForm } from '../../web/form-with-files.ts';
import { parseInput, type FieldErrors } from '../../web/forms.ts';
import { HttpError, notFound } from '../../web/http-error.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { AUTOSAVE_SCRIPT, AUTOSAVE_SCRIPT_PATH } from './autosave-asset.ts';
import { callBySlug, callPhase, isEditable, requireOpen, saveSubmission, StaleVersionError, startSubmission, submissionForToken, withdrawSubmission, type Call } from './domain.ts';
import { missingForSubmission, parseDraft, startForm, versionOf } from './forms.ts';
import type { SubmissionRow } from './queries.ts';
import { DraftPage, FIELD_LABELS, type DraftState, type DraftValues } from './views/draft.tsx';
import { StartPage, StartSentPage } from './views/start.tsx';

type CallRequest = FastifyRequest<{ Params: { lang: Lang; slug: string; token?: string }; Querystring: { notice?: string } }>;
type Raw = Record<string, unknown>;
const one = (raw: Raw, name: string) => String([raw[name]].flat()[0] ?? '').trim();
const many = (raw: Raw, name: string) => (raw[name] === undefined ? [] : [raw[name]].flat().map(String));
const NOTICES = ['saved', 'submitted', 'withdrawn', 'city_not_found'] as const;
/** Field order of the error summary: the form's, top to bottom. */
const FIELD_ORDER = ['source_lang', 'title', 'summary', 'themes', 'links', 'organisation_name', 'city', 'country', 'presenters'];

function privatePage(reply: FastifyReply) {
  // Drafts and their secret links are the submitter's alone: never cached, never indexed.
  reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
}

async function loadCall(request: CallRequest): Promise<Call> {
  const call = await callBySlug(request.server.ctx.db, request.params.slug);
  if (!call) throw notFound();
  return call;
}

async function loadSubmission(request: CallRequest, call: Call) {
  const found = await submissionForToken(request.server.ctx.db, call, request.params.token ?? '');
  if (!found) throw notFound();
  return found;
}

async function startPage(request: CallRequest, reply: FastifyReply) {
  const call = await loadCall(request);
  requireOpen(call);
  privatePage(reply);
  return sendPage(request, reply, { title: request.t('calls_submit.start_title'), body: (ctx) => <StartPage ctx={ctx} call={call} /> });
}

async function postStart(request: CallRequest, reply: FastifyReply) {
  const call = await loadCall(request);
  requireOpen(call);
  privatePage(reply);
  const raw = (request.body ?? {}) as Raw;
  const parsed = parseInput(startForm, raw);
  const errors: FieldErrors = parsed.ok ? {} : parsed.fields;
  if (parsed.ok && !call.languages.includes(parsed.data.source_lang)) errors.source_lang = 'calls_submit.v.source_lang';
  if (!parsed.ok || Object.keys(errors).length > 0) {
    const values = { email: one(raw, 'email'), source_lang: one(raw, 'source_lang') };
    return sendPage(request, reply, { title: request.t('calls_submit.start_title'), status: 400, body: (ctx) => <StartPage ctx={ctx} call={call} values={values} errors={errors} /> });
  }
  await startSubmission(request.server.ctx, { call, email: parsed.data.email, sourceLang: parsed.data.source_lang, lang: request.lang });
  return sendPage(request, reply, { title: request.t('calls_submit.sent_heading'), body: (ctx) => <StartSentPage ctx={ctx} call={call} /> });
}

function valuesOfRow(row: SubmissionRow): DraftValues {
  return {
    source_lang: row.source_lang ?? row.lang,
    organisation_name: row.organisation_name ?? '',
    city: row.city ?? '',
    country: row.country ?? '',
    title: sourceText(row.title) ?? '',
    summary: sourceText(row.summary) ?? '',
    themes: row.themes,
    links: row.links.join('\n'),
    presenters: row.presenters,
    answers: Object.fromEntries(Object.entries(row.answers).map(([id, value]) => [id, String(value)])),
  };
}

/** A refused post's values as typed, so nothing the submitter wrote is lost. */
function valuesOfPost(raw: Raw, presenters: DraftValues['presenters']): DraftValues {
  const answers = Object.fromEntries(Object.keys(raw).filter((name) => /^q_\d+$/.test(name)).map((name) => [name.slice(2), one(raw, name)]));
  return {
    source_lang: one(raw, 'source_lang'), organisation_name: one(raw, 'organisation_name'), city: one(raw, 'city'), country: one(raw, 'country'),
    title: one(raw, 'title'), summary: one(raw, 'summary'), themes: many(raw, 'themes'), links: one(raw, 'links'), presenters, answers,
  };
}

function draftPage(request: CallRequest, reply: FastifyReply, state: Omit<DraftState, 'action'>, status = 200) {
  privatePage(reply);
  const action = `/${request.lang}/calls/${state.call.slug}/submit/${request.params.token}`;
  return sendPage(request, reply, { title: request.t(state.state === 'draft' ? 'calls_submit.draft_title' : 'calls_submit.sent_title'), status, body: (ctx) => <DraftPage ctx={ctx} state={{ ...state, action }} /> });
}

async function showDraft(request: CallRequest, reply: FastifyReply) {
  const call = await loadCall(request);
  const { submission, files } = await loadSubmission(request, call);
  const notice = NOTICES.find((name) => name === request.query.notice);
  return draftPage(request, reply, { call, version: submission.version, state: submission.state, editable: isEditable(call, submission), values: valuesOfRow(submission), files, notice });
}

const sorted = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : field.startsWith('q_') ? 50 : 60);

/** The whole form: saving, submitting, presenters moved or removed, a file removed, or withdrawing. */
async function postDraft(request: CallRequest, reply: FastifyReply) {
  const call = await loadCall(request);
  const found = await loadSubmission(request, call);
  const { submission } = found;
  // Refused before the body is read: after the close nothing more is stored.
  if (!isEditable(call, submission)) throw new HttpError(409, callPhase(call) === 'open' ? 'calls_submit.error.withdrawn' : 'calls_submit.error.closed');
  const { fields, files, fileErrors } = await readCheckedForm(request, { attachments: { types: call.attachment_types, maxBytes: call.attachment_max_bytes } });
  const intent = one(fields, 'intent') || 'save';
  const version = versionOf(fields);
  const action = `/${request.lang}/calls/${call.slug}/submit/${request.params.token}`;
  const base = { call, state: submission.state, editable: true, files: found.files };
  if (intent === 'withdraw') {
    try {
      await withdrawSubmission(request.server.ctx, { call, submissionId: submission.id, version });
    } catch (error) {
      if (error instanceof StaleVersionError) return draftPage(request, reply, { ...base, version: error.current, values: valuesOfRow(submission), stale: true }, 409);
      throw error;
    }
    return reply.redirect(`${action}?notice=withdrawn`, 303);
  }
  const { draft, errors } = parseDraft(fields, call, intent);
  const removeFileIds = /^file_remove_(\d+)$/.exec(intent) ? [Number(intent.slice('file_remove_'.length))] : [];
  for (const [field, key] of Object.entries(fileErrors)) errors[field] = key === 'validation.file_too_large' ? 'calls_submit.v.file_too_large' : 'calls_submit.v.file_type';
  const kept = found.files.filter((file) => !removeFileIds.includes(file.id)).length;
  if (!errors.attachments && kept + files.length > call.max_attachments) errors.attachments = 'calls_submit.error.too_many_files';
  const complete = intent === 'submit' || submission.state === 'submitted';
  const problems = sorted({ ...(complete ? missingForSubmission(draft, call) : {}), ...errors });
  if (Object.keys(problems).length > 0) {
    return draftPage(request, reply, { ...base, version: version ?? submission.version, values: valuesOfPost(fields, draft.presenters), errors: problems }, 400);
  }
  try {
    const saved = await saveSubmission(request.server.ctx, { call, submissionId: submission.id, version, draft, files, removeFileIds, submit: intent === 'submit', address: request.ip });
    const notice = saved.submitted ? 'submitted' : saved.cityNotFound ? 'city_not_found' : 'saved';
    const anchor = intent.startsWith('presenter_') ? '#presenters' : intent.startsWith('file_remove_') ? '#attachments-set' : '';
    return reply.redirect(`${action}?notice=${notice}${anchor}`, 303);
  } catch (error) {
    // Both kept: the stored version stays, the typed one is shown again, to be saved on purpose.
    if (error instanceof StaleVersionError) return draftPage(request, reply, { ...base, version: error.current, values: valuesOfPost(fields, draft.presenters), stale: true }, 409);
    throw error;
  }
}

/** The autosave endpoint of the script: the text fields only, a JSON answer (the new version or a named refusal). */
async function autosave(request: CallRequest, reply: FastifyReply) {
  privatePage(reply);
  const t = request.t;
  const refuse = (status: number, key: string, fields: FieldErrors = {}) =>
    reply.code(status).send({ error: key, message: t(key), fields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, `${t(FIELD_LABELS[name] ?? name)}: ${t(value)}`])) });
  const call = await loadCall(request);
  const { submission } = await loadSubmission(request, call);
  if (!isEditable(call, submission)) return refuse(409, callPhase(call) === 'open' ? 'calls_submit.error.withdrawn' : 'calls_submit.error.closed');
  const raw = (request.body ?? {}) as Raw;
  const { draft, errors } = parseDraft(raw, call);
  const problems = { ...(submission.state === 'submitted' ? missingForSubmission(draft, call) : {}), ...errors };
  if (Object.keys(problems).length > 0) return refuse(400, 'calls_submit.error.autosave_invalid', problems);
  try {
    const saved = await saveSubmission(request.server.ctx, { call, submissionId: submission.id, version: versionOf(raw), draft, files: [], removeFileIds: [], submit: false });
    return reply.send({ version: saved.version });
  } catch (error) {
    if (error instanceof StaleVersionError) return refuse(409, 'calls_submit.error.stale');
    if (error instanceof HttpError) return refuse(error.status, error.code);
    throw error;
  }
}

function script(_request: FastifyRequest, reply: FastifyReply) {
  return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(AUTOSAVE_SCRIPT);
}

export const callSubmitRoutes = [
  route('GET', AUTOSAVE_SCRIPT_PATH, 'public', script),
  route('GET', '/:lang/calls/:slug/submit', 'public', startPage),
  route('POST', '/:lang/calls/:slug/submit', 'public', postStart, { rateLimit: 20 }),
  route('GET', '/:lang/calls/:slug/submit/:token', 'public', showDraft, { rateLimit: 60 }),
  route('POST', '/:lang/calls/:slug/submit/:token', 'public', postDraft, { csrf: false, rateLimit: 60 }),
  route('POST', '/:lang/calls/:slug/submit/:token/autosave', 'public', autosave, { rateLimit: 60 }),
];
