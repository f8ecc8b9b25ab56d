import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, type Lang } from '../../i18n/langs.ts';
import { sourceHashOf, sourceLang } from '../../i18n/translatable.ts';
import { HttpError, notFound } from '../../web/http-error.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { findField, type TranslatableField } from '../fields.ts';
import { languageSettings } from '../settings.ts';
import { loadValue, saveTranslation, validKey } from './domain.ts';
import { EditorPage, type EditorView } from './editor-view.tsx';
import { glossaryHints } from './glossary.ts';
import { countsByLang, countsByModule, decodePosition, encodePosition, queuePage, sourceVersion, unitRow } from './queries.ts';
import { allowedLangs, filterQuery, parseFilter, requireLang } from './scope.ts';
import { DashboardPage, QueuePage, unitHref } from './views.tsx';

type Query = Record<string, unknown>;

async function queue(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const db = request.server.ctx.db;
  const langs = await allowedLangs(request);
  if (!langs.length) throw new HttpError(403, 'trq.refused.no_language');
  const filter = parseFilter(request.query, langs);
  const after = decodePosition(typeof request.query.after === 'string' ? request.query.after : undefined);
  const [counts, page] = await Promise.all([countsByLang(db, filter.modules), queuePage(db, filter, after)]);
  const query = filterQuery(filter, langs);
  return sendPage(request, reply, {
    title: request.t('trq.title'),
    body: (ctx) => <QueuePage ctx={ctx} view={{ counts, langs, filter, query, items: page.items, more: page.more, paged: after !== null }} />,
  });
}

async function dashboard(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const langs = await allowedLangs(request);
  if (!langs.length) throw new HttpError(403, 'trq.refused.no_language');
  const wanted = typeof request.query.for === 'string' ? request.query.for : langs.includes('ko') ? 'ko' : langs[0]!;
  const lang = requireLang(langs, wanted);
  const counts = await countsByModule(request.server.ctx.db, lang);
  return sendPage(request, reply, {
    title: request.t('trq.dashboard.heading', { lang: request.t.langName(lang) }),
    body: (ctx) => <DashboardPage ctx={ctx} lang={lang} langs={langs} counts={counts} />,
  });
}

type UnitParams = { tbl: string; key: string; col: string; target: string };
type UnitRequest = FastifyRequest<{ Params: UnitParams; Querystring: Query; Body: Record<string, unknown> }>;

/** The unit named by the URL, within the translator's languages (403 outside them, 404 if unknown). */
async function unitOf(request: UnitRequest): Promise<{ field: TranslatableField; key: string; target: Lang; langs: Lang[] }> {
  const { tbl, key, col, target } = request.params;
  const field = findField(tbl, col);
  if (!field || !validKey(field, key) || !isLang(target)) throw notFound();
  const langs = await allowedLangs(request);
  return { field, key, target: requireLang(langs, target), langs };
}

interface EditorState {
  text?: string;
  problem?: EditorView['problem'];
  status?: number;
  /** The original the translator saw, when a save came back stale (its diff to the new one is shown). */
  staleFrom?: string;
}

async function editorPage(request: UnitRequest, reply: FastifyReply, state: EditorState = {}) {
  const db = request.server.ctx.db;
  const { field, key, target, langs } = await unitOf(request);
  const value = await loadValue(db, field, key);
  const source = value ? sourceLang(value) : undefined;
  if (!value || !source || source === target) throw notFound();
  const sourceText = value[source]!.text;
  const unit = await unitRow(db, field.table, key, field.column, target);
  const previous = state.staleFrom ?? (unit?.state === 'outdated' && unit.madeFromHash ? await sourceVersion(db, field.table, key, field.column, unit.madeFromHash) : undefined);
  const settings = await languageSettings(db);
  const query = filterQuery(parseFilter(request.query, langs), langs);
  const self = unitHref(request.lang, { tbl: field.table, rowKey: key, col: field.column, lang: target });
  const saved = request.query.saved === 'approved' ? 'approved' : request.query.saved === '1' ? 'saved' : undefined;
  const view: EditorView = {
    field,
    key,
    target,
    source: { lang: source, text: sourceText, hash: sourceHashOf(sourceText) },
    text: state.text ?? value[target]?.text ?? '',
    state: unit?.state ?? 'missing',
    previousSource: previous ?? null,
    glossary: glossaryHints(sourceText, target),
    action: query.size ? `${self}?${query}` : self,
    back: query.size ? `/${request.lang}/admin/translations?${query}` : `/${request.lang}/admin/translations`,
    position: encodePosition({ since: unit?.since ?? new Date(0).toISOString(), tbl: field.table, rowKey: key, col: field.column, lang: target }),
    saved: state.problem ? undefined : saved,
    problem: state.problem,
    secondApproval: settings[target].secondApproval,
  };
  return sendPage(request, reply, {
    title: request.t('trq.editor.title', { field: request.t(field.label), lang: request.t.langName(target) }),
    status: state.status ?? 200,
    body: (ctx) => <EditorPage ctx={ctx} view={view} />,
  });
}

/** The translation's text as typed: trimmed, within the field's length, on one line for titles. */
function checkText(field: TranslatableField, raw: unknown): { text: string } | { problem: string } {
  if (typeof raw !== 'string') return { problem: 'validation.required' };
  const text = field.format === 'line' ? raw.trim() : raw.replace(/\r\n?/g, '\n').trim();
  if (!text) return { problem: 'validation.required' };
  if (text.length > field.maxLength) return { problem: 'validation.too_long' };
  if (field.format === 'line' && /[\n\r]/.test(text)) return { problem: 'trq.error.line_break' };
  return { text };
}

async function postUnit(request: UnitRequest, reply: FastifyReply) {
  const ctx = request.server.ctx;
  const { field, key, target, langs } = await unitOf(request);
  const body = request.body ?? {};
  const action = body.action === 'approve' ? 'approve' : body.action === 'save' ? 'save' : body.action === 'next' ? 'next' : null;
  if (!action) return editorPage(request, reply, { status: 400, problem: { code: 'trq.error.action' } });
  const checked = checkText(field, body.text);
  if ('problem' in checked) return editorPage(request, reply, { status: 400, text: String(body.text ?? ''), problem: { code: checked.problem, field: 'text' } });
  const hash = typeof body.source_hash === 'string' ? body.source_hash : '';
  const settings = await languageSettings(ctx.db);
  const result = await saveTranslation(ctx.db, {
    field, key, lang: target, text: checked.text, sourceHash: hash, approve: action === 'approve', actor: request.user!, secondApproval: settings[target].secondApproval,
  });
  if (!result.ok) {
    if (result.reason === 'not_found' || result.reason === 'is_original') throw notFound();
    if (result.reason === 'stale') {
      const seen = await sourceVersion(ctx.db, field.table, key, field.column, hash);
      return editorPage(request, reply, { status: 409, text: checked.text, problem: { code: 'trq.error.stale' }, staleFrom: seen });
    }
    return editorPage(request, reply, { status: 403, text: checked.text, problem: { code: 'code' in result ? result.code : 'error.not_found' } });
  }
  await ctx.pageCache.invalidate();
  const filter = parseFilter(request.query, langs);
  const query = filterQuery(filter, langs);
  const self = unitHref(request.lang, { tbl: field.table, rowKey: key, col: field.column, lang: target });
  if (action === 'next') {
    const position = decodePosition(typeof body.pos === 'string' ? body.pos : undefined);
    const next = (await queuePage(ctx.db, filter, position, 2)).items.find((item) => !(item.tbl === field.table && item.rowKey === key && item.col === field.column && item.lang === target));
    const to = next ? unitHref(request.lang, next) : `/${request.lang}/admin/translations`;
    return reply.redirect(query.size ? `${to}?${query}` : to, 303);
  }
  query.set('saved', action === 'approve' ? 'approved' : '1');
  return reply.redirect(`${self}?${query}`, 303);
}

export const queueRoutes = [
  route('GET', '/:lang/admin/translations', 'translations.translate', queue),
  route('GET', '/:lang/admin/translations/dashboard', 'translations.translate', dashboard),
  route('GET', '/:lang/admin/translations/unit/:tbl/:key/:col/:target', 'translations.translate', editorPage),
  route('POST', '/:lang/admin/translations/unit/:tbl/:key/:col/:target', 'translations.translate', postUnit),
];
