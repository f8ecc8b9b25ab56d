import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf } from '../../i18n/translatable.ts';
import { REGIONS } from '../../places/regions.ts';
import { notFound } from '../../web/http-error.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { balancePanel, decideMany, decideOne, rankedSelection, saveTargets } from './domain.ts';
import { parseFilters, queryString } from './filters.ts';
import { parseDecision, parsePositiveInt, parseTargets, type FormBody } from './forms.ts';
import { findCall, submittedCountries, themeNames } from './queries.ts';
import { SelectionPage } from './views/selection.tsx';

export type CallRequest = FastifyRequest<{ Params: { lang: string; slug: string }; Querystring: Record<string, string | string[]>; Body: FormBody }>;
export const callSchema = { params: z.object({ lang: z.string(), slug: z.string().max(100) }) };

export async function callOf(request: CallRequest) {
  const call = await findCall(request.server.ctx.db, request.params.slug);
  if (!call) throw notFound();
  return call;
}

const selectionUrl = (request: CallRequest, query = '') => `/${request.lang}/admin/calls/${request.params.slug}/selection${query ? `?${query}` : ''}`;

async function page(request: CallRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const db = request.server.ctx.db;
  const filters = parseFilters(request.query, call.themes);
  const [rows, balance, countries, themes] = await Promise.all([rankedSelection(db, call.id, filters), balancePanel(db, call), submittedCountries(db, call.id), themeNames(db)]);
  const done = typeof request.query.done === 'string' && /^[a-z_]+$/.test(request.query.done) ? request.query.done : null;
  const count = Number(request.query.count ?? 0) || 0;
  return sendPage(request, reply, {
    title: request.t('selection.title', { call: textOf(call.title, request.lang) }),
    body: (ctx) => <SelectionPage ctx={ctx} view={{ call, filters, rows, balance, countries, names: { themes }, notice: done ? request.t(`selection.done.${done}`, { count }) : undefined }} />,
  });
}

async function decide(request: CallRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const body = request.body ?? {};
  const id = parsePositiveInt(body.id, 'selection.error.submission');
  const version = parsePositiveInt(body.version, 'selection.error.stale');
  await decideOne(request.server.ctx, request.user!.id, call, { id, decision: parseDecision(body.decision), version });
  // Back to the filtered view the form came from (only our own facet pairs, re-checked).
  const back = typeof body.back === 'string' ? queryString(parseFilters(Object.fromEntries(new URLSearchParams(body.back).entries()), call.themes)) : '';
  return reply.redirect(selectionUrl(request, [back, 'done=decided'].filter(Boolean).join('&')), 303);
}

async function bulk(request: CallRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const body = request.body ?? {};
  const filters = parseFilters(body, call.themes);
  const count = await decideMany(request.server.ctx, request.user!.id, call, filters, parseDecision(body.decision));
  return reply.redirect(selectionUrl(request, [queryString(filters), `done=bulk&count=${count}`].filter(Boolean).join('&')), 303);
}

async function targets(request: CallRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const allowed = { region: [...REGIONS], country: await submittedCountries(request.server.ctx.db, call.id), theme: call.themes, language: call.languages };
  await saveTargets(request.server.ctx, request.user!.id, call, parseTargets(request.body ?? {}, allowed));
  return reply.redirect(selectionUrl(request, 'done=targets'), 303);
}

const base = '/:lang/admin/calls/:slug/selection';
export const selectionRoutes = [
  route('GET', base, 'calls.manage', page, { schema: callSchema }),
  route('POST', `${base}/decide`, 'calls.manage', decide, { schema: callSchema }),
  route('POST', `${base}/bulk`, 'calls.manage', bulk, { schema: callSchema }),
  route('POST', `${base}/targets`, 'calls.manage', targets, { schema: callSchema }),
];
