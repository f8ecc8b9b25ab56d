import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLang } from '../i18n/i18n.ts';
import { textOf } from '../i18n/translatable.ts';
import { HttpError } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { networkOverview } from './domain.ts';
import { HomePage } from './views/home.tsx';

async function home(request: FastifyRequest, reply: FastifyReply) {
  const overview = await networkOverview(request.server.ctx.db);
  if (!overview) throw new HttpError(503, 'error.not_ready');
  return sendPage(request, reply, {
    title: request.site.shortName ?? request.t('site.name'),
    description: textOf(overview.profile.mission, request.lang).slice(0, 300),
    body: (ctx) => <HomePage ctx={ctx} overview={overview} />,
  });
}

/** `/` sends each reader to the best language their browser asks for. */
async function chooseLanguage(request: FastifyRequest, reply: FastifyReply) {
  reply.header('vary', 'accept-language');
  return reply.redirect(`/${negotiateLang(request.headers['accept-language'])}/`, 302);
}

export const networkRoutes = [
  route('GET', '/', 'public', chooseLanguage),
  route('GET', '/:lang', 'public', async (request, reply) => reply.redirect(`/${request.lang}/`, 301)),
  route('GET', '/:lang/', 'public', home),
];
