import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf } from '../i18n/translatable.ts';
import { contentDisposition } from '../governance/admin-routes.tsx';
import { notFound } from '../web/http-error.ts';
import { listParam, PAGE_SIZE, pageParam } from '../web/listing.tsx';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { cleanFilters, downloadFile, FACETS, libraryListing, resourceDetail, seesMembersOnly, type LibraryFilters } from './domain.ts';
import { LibraryPage } from './views/list.tsx';
import { ResourcePage } from './views/resource.tsx';

type Query = Record<string, string | string[] | undefined>;

export function filtersFrom(query: Query): LibraryFilters {
  return cleanFilters({ ...Object.fromEntries(FACETS.map((facet) => [facet, listParam(query[facet])])), q: typeof query.q === 'string' ? query.q : '' });
}

async function library(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const filters = filtersFrom(request.query);
  const page = pageParam.parse(request.query.page);
  const listing = await libraryListing(request.server.ctx.db, filters, seesMembersOnly(request.user), { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const query = new URLSearchParams();
  for (const facet of FACETS) for (const value of filters[facet]) query.append(facet, value);
  if (filters.q) query.set('q', filters.q);
  return sendPage(request, reply, {
    title: request.t('library.title'),
    description: request.t('library.intro'),
    body: (ctx) => <LibraryPage ctx={ctx} listing={listing} filters={filters} page={page} query={query} />,
  });
}

async function resource(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  // A members-only resource is a 404 for others, not a 403: its existence does not leak.
  const detail = await resourceDetail(request.server.ctx.db, request.params.slug, seesMembersOnly(request.user));
  if (!detail) throw notFound();
  return sendPage(request, reply, {
    title: textOf(detail.resource.title, request.lang),
    description: textOf(detail.resource.summary, request.lang).slice(0, 300),
    body: (ctx) => <ResourcePage ctx={ctx} detail={detail} />,
  });
}

const fileSchema = { params: z.object({ file: z.coerce.number().int().positive().max(2_147_483_647), name: z.string().max(400) }) };

/**
 * A file download. Not a page (outside the page cache's paths): every request is checked and
 * counted. Files are sent as attachments with a sandboxing policy, never rendered in our origin.
 */
async function download(request: FastifyRequest<{ Params: { file: number } }>, reply: FastifyReply) {
  const found = await downloadFile(request.server.ctx, request.params.file, seesMembersOnly(request.user), request.method === 'GET');
  if (!found) throw notFound();
  return reply
    .type(found.mime)
    .header('cache-control', found.visibility === 'members' ? 'private, no-store' : 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('content-disposition', contentDisposition(found.fileName))
    .send(found.content);
}

export const libraryRoutes = [
  route('GET', '/:lang/library', 'public', library),
  route('GET', '/:lang/library/:slug', 'public', resource),
  route('GET', '/media/library/:file/:name', 'public', download, { schema: fileSchema }),
];
