import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../auth/permissions.ts';
import { PAGE_SIZE, pageParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { CAP, cleanFilters, FACETS, search } from './search.ts';
import { SearchPage } from './views/search-page.tsx';

type Query = Record<string, string | string[] | undefined>;

/** The search page: a GET form, so it works without JavaScript, is bookmarkable and cacheable for visitors. */
async function searchPage(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 1000) : '';
  const filters = cleanFilters(request.query);
  const page = Math.min(pageParam.parse(request.query.page), Math.ceil(CAP / PAGE_SIZE));
  const members = can(request.user, 'library.members');
  const result = await search(request.server.ctx.db, { q, lang: request.lang, filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, members, facets: true });
  // A signed-in reader's results may hold members-only documents: never stored by any cache.
  if (request.user) reply.header('cache-control', 'private, no-store');
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  for (const facet of FACETS) for (const value of filters[facet]) query.append(facet, value);
  return sendPage(request, reply, {
    title: result.query.text ? request.t('search.title_for', { q: result.query.text }) : request.t('search.title'),
    body: (ctx) => <SearchPage ctx={ctx} q={q} result={result} filters={filters} page={page} pageSize={PAGE_SIZE} query={query} />,
  });
}

export const searchRoutes = [route('GET', '/:lang/search', 'public', searchPage)];
