import type { FastifyReply } from 'fastify';
import { textOf } from '../../i18n/translatable.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { callOf, callSchema, type CallRequest } from '../selection/routes.tsx';
import { addDay, addSession, addWorkshop, place, publish, renumber, updateWorkshop } from './domain.ts';
import { idField, optionalId, parseDate, parseWorkshop } from './forms.ts';
import { callProgramme } from './queries.ts';
import { ProgrammeAdminPage } from './views/programme.tsx';

const programmeUrl = (request: CallRequest, done: string) => `/${request.lang}/admin/calls/${request.params.slug}/programme?done=${done}`;

async function page(request: CallRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const programme = await callProgramme(request.server.ctx.db, call.id, call.event_slug);
  const done = typeof request.query.done === 'string' && /^[a-z_]+$/.test(request.query.done) ? request.query.done : null;
  return sendPage(request, reply, {
    title: request.t('programme.title', { call: textOf(call.title, request.lang) }),
    body: (ctx) => <ProgrammeAdminPage ctx={ctx} call={call} programme={programme} notice={done ? request.t(`programme.done.${done}`) : undefined} />,
  });
}

/** Each form of the page is one POST: the change, then back to the page (303) with what was done. */
function action(done: string, run: (request: CallRequest, call: Awaited<ReturnType<typeof callOf>>) => Promise<unknown>) {
  return async (request: CallRequest, reply: FastifyReply) => {
    const call = await callOf(request);
    await run(request, call);
    return reply.redirect(programmeUrl(request, done), 303);
  };
}

const body = (request: CallRequest) => request.body ?? {};
const ctxOf = (request: CallRequest) => request.server.ctx;
const base = '/:lang/admin/calls/:slug/programme';
export const programmeRoutes = [
  route('GET', base, 'calls.manage', page, { schema: callSchema }),
  route('POST', `${base}/days`, 'calls.manage', action('day', (r, call) => addDay(ctxOf(r), r.user!.id, call, parseDate(body(r)))), { schema: callSchema }),
  route('POST', `${base}/sessions`, 'calls.manage', action('session', (r, call) => addSession(ctxOf(r), r.user!.id, call, optionalId(body(r), 'day', 'programme.error.day'))), { schema: callSchema }),
  route('POST', `${base}/workshops`, 'calls.manage', action('workshop', (r, call) => addWorkshop(ctxOf(r), r.user!.id, call, parseWorkshop(body(r)))), { schema: callSchema }),
  route('POST', `${base}/workshops/update`, 'calls.manage', action('workshop', (r, call) =>
    updateWorkshop(ctxOf(r), r.user!.id, call, idField(body(r), 'workshop', 'programme.error.workshop'), parseWorkshop(body(r)))), { schema: callSchema }),
  route('POST', `${base}/place`, 'calls.manage', action('placed', (r, call) => place(ctxOf(r), r.user!.id, call, {
    submissionId: idField(body(r), 'submission', 'selection.error.submission'),
    workshopId: optionalId(body(r), 'workshop', 'programme.error.workshop'),
    version: idField(body(r), 'version', 'selection.error.stale'),
  })), { schema: callSchema }),
  route('POST', `${base}/renumber`, 'calls.manage', action('renumbered', (r, call) => renumber(ctxOf(r), r.user!.id, call)), { schema: callSchema }),
  route('POST', `${base}/publish`, 'calls.manage', action('published', (r, call) => publish(ctxOf(r), r.user!.id, call)), { schema: callSchema }),
];
