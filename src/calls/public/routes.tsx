import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf } from '../../i18n/translatable.ts';
import { notFound } from '../../web/http-error.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { callDetail, callListing } from './domain.ts';
import { CallPage } from './views/call.tsx';
import { CallsPage } from './views/list.tsx';

const slugSchema = { params: z.object({ lang: z.string(), slug: z.string().max(200) }) };

async function list(request: FastifyRequest, reply: FastifyReply) {
  const listing = await callListing(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('calls.public.title'), description: request.t('calls.public.intro'), body: (ctx) => <CallsPage ctx={ctx} listing={listing} /> });
}

async function page(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const detail = await callDetail(request.server.ctx.db, request.params.slug);
  // A draft does not exist for the public.
  if (!detail) throw notFound();
  return sendPage(request, reply, {
    title: textOf(detail.call.title, request.lang),
    description: textOf(detail.call.body, request.lang).slice(0, 300),
    body: (ctx) => <CallPage ctx={ctx} detail={detail} />,
  });
}

export const callPublicRoutes = [
  route('GET', '/:lang/calls', 'public', list),
  route('GET', '/:lang/calls/:slug', 'public', page, { schema: slugSchema }),
];
