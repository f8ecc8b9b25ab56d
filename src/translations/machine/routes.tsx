import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { LANGS, type Lang } from '../../i18n/langs.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { engineLabel, type Route } from './engine.ts';
import { drafterFor, enqueueMachineDrafts } from './jobs.ts';
import { MachineDraftsPage, type MachineStatus } from './views.tsx';

/** What the page shows: whether Apertium is here, its routes, and the drafts and gaps per language. */
async function machineStatus(ctx: AppContext): Promise<MachineStatus> {
  const drafter = drafterFor(ctx);
  const available = await drafter.available();
  const routes: { route: Route; label: string }[] = [];
  for (const from of LANGS) {
    for (const to of LANGS) {
      const found = from === to ? null : await drafter.route(from, to);
      if (found) routes.push({ route: found, label: engineLabel(drafter.engine.name, found) });
    }
  }
  const counts = await sql<{ lang: Lang; state: string; n: number }>`
    SELECT lang, state, sum(n)::int AS n FROM translation_unit_counts WHERE state IN ('machine', 'missing', 'outdated') GROUP BY lang, state`.execute(ctx.db);
  const perLang = Object.fromEntries(LANGS.map((lang) => [lang, { machine: 0, missing: 0, outdated: 0 }])) as MachineStatus['counts'];
  for (const row of counts.rows) perLang[row.lang][row.state as 'machine' | 'missing' | 'outdated'] = row.n;
  return { available, engine: drafter.engine.name, routes, counts: perLang };
}

async function statusPage(request: FastifyRequest, reply: FastifyReply) {
  const status = await machineStatus(request.server.ctx);
  const queued = (request.query as Record<string, unknown>).queued === '1';
  return sendPage(request, reply, {
    title: request.t('machine.title'),
    body: (ctx) => <MachineDraftsPage ctx={ctx} status={status} queued={queued} />,
  });
}

/** "Draft now": the back-fill over the whole registry, queued (the job runs in the worker). */
async function queueBackfill(request: FastifyRequest, reply: FastifyReply) {
  const ctx = request.server.ctx;
  if (!(await drafterFor(ctx).available())) return statusPage(request, reply.code(409));
  await ctx.db.transaction().execute((trx) => recordAudit(trx, { actorId: request.user!.id, action: 'translations.machine_backfill', entityType: 'translations' }));
  await enqueueMachineDrafts(ctx);
  return reply.redirect(`/${request.lang}/admin/translations/machine?queued=1`, 303);
}

export const machineDraftRoutes = [
  route('GET', '/:lang/admin/translations/machine', 'translations.manage', statusPage),
  route('POST', '/:lang/admin/translations/machine', 'translations.manage', queueBackfill),
];
