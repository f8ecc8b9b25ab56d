import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { governanceOverview } from './domain.ts';
import { GovernancePage } from './views/governance.tsx';

async function governance(request: FastifyRequest, reply: FastifyReply) {
  const overview = await governanceOverview(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('governance.title'), body: (ctx) => <GovernancePage ctx={ctx} overview={overview} /> });
}

export const governanceRoutes = [route('GET', '/:lang/governance', 'public', governance)];
