import type { FastifyReply, FastifyRequest } from 'fastify';
import { textOf } from '../i18n/translatable.ts';
import { notFound } from '../web/http-error.ts';
import { listParam, PAGE_SIZE, pageParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { cleanFilters, eventHeading, eventProgramme, FACETS, initiativeArchive, initiativeDetail, type InitiativeFilters } from './domain.ts';
import { InitiativesPage } from './views/archive.tsx';
import { InitiativePage, ProgrammePage } from './views/detail.tsx';

type Query = Record<string, string | string[] | undefined>;

export function filtersFrom(query: Query): InitiativeFilters {
  return cleanFilters({
    ...Object.fromEntries(FACETS.map((facet) => [facet, listParam(query[facet])])),
    q: typeof query.q === 'string' ? query.q : '',
  });
}

async function archive(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const filters = filtersFrom(request.query);
  const page = pageParam.parse(request.query.page);
  const result = await initiativeArchive(request.server.ctx.db, filters, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const query = new URLSearchParams();
  for (const facet of FACETS) for (const value of filters[facet]) query.append(facet, value);
  if (filters.q) query.set('q', filters.q);
  return sendPage(request, reply, {
    title: request.t('initiatives.title'),
    description: request.t('initiatives.intro'),
    body: (ctx) => <InitiativesPage ctx={ctx} archive={result} filters={filters} page={page} query={query} />,
  });
}

async function initiative(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const detail = await initiativeDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  return sendPage(request, reply, {
    title: textOf(detail.initiative.title, request.lang),
    description: textOf(detail.initiative.summary, request.lang).slice(0, 300),
    body: (ctx) => <InitiativePage ctx={ctx} detail={detail} />,
  });
}

async function programme(request: FastifyRequest<{ Params: { event: string } }>, reply: FastifyReply) {
  const found = await eventProgramme(request.server.ctx.db, request.params.event);
  if (!found) throw notFound();
  return sendPage(request, reply, {
    title: request.t('initiatives.programme_title', { event: eventHeading(found.event, request.params.event, request.lang) }),
    body: (ctx) => <ProgrammePage ctx={ctx} eventSlug={request.params.event} eventName={eventHeading(found.event, request.params.event, ctx.lang)} programme={found} />,
  });
}

export const initiativeRoutes = [
  route('GET', '/:lang/initiatives', 'public', archive),
  route('GET', '/:lang/initiatives/programme/:event', 'public', programme),
  route('GET', '/:lang/initiatives/:slug', 'public', initiative),
];
