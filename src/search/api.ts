import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse, listQuery, listResponse } from '../api/conventions.ts';
import { can } from '../auth/permissions.ts';
import type { Lang } from '../i18n/langs.ts';
import { route } from '../web/routes.ts';
import { CAP, cleanFilters, search } from './search.ts';
import { snippetHtml } from './snippet.ts';
import { SEARCH_KINDS } from './types.ts';

const facetParam = (description: string) =>
  z.union([z.string(), z.array(z.string())]).optional().describe(`${description}; repeat or separate with commas (unknown values are ignored)`);

const searchQuery = listQuery.extend({
  q: z.string().max(5000).default('').describe('Words to find (at most 200 characters and 12 words are used); "quoted words" form a phrase'),
  kind: facetParam(`Kind: ${SEARCH_KINDS.join(', ')}`),
  language: facetParam('Language of the matching text: en, fr, es, ko'),
  year: facetParam('Year (e.g. 2018)'),
  region: facetParam('Region: africa, asia-pacific, europe, latin-america-caribbean, north-america'),
  theme: facetParam('Theme slug (e.g. finance)'),
  prefix: z.enum(['0', '1']).default('0').describe('1: the last word may be unfinished (search-as-you-type)'),
});

const item = z.object({
  kind: z.enum(SEARCH_KINDS),
  slug: z.string(),
  title: z.string(),
  url: z.string(),
  snippet: z.string().describe('HTML: the matching text, escaped, with matches in <mark>'),
});

type Query = z.infer<typeof searchQuery>;

async function searchApi(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const { q, lang, limit, offset, prefix } = request.query;
  const result = await search(request.server.ctx.db, {
    q, lang: lang as Lang, filters: cleanFilters(request.query), limit, offset: Math.min(offset, CAP),
    members: can(request.user, 'library.members'), prefix: prefix === '1',
  });
  reply.header('cache-control', request.user ? 'private, no-store' : 'public, max-age=60');
  const base = request.server.ctx.config.baseUrl;
  return {
    total: result.total,
    // Present only when no or few documents hold every word and those holding most of them follow.
    ...(result.partial ? { partial: { exact: result.partial.exact } } : {}),
    items: result.items.map((hit) => ({ kind: hit.kind, slug: hit.slug, title: hit.title, url: `${base}/${lang}${hit.path}`, snippet: snippetHtml(hit.snippet) })),
  };
}

export const searchApiRoutes = [
  route('GET', '/api/v1/search', 'public', searchApi, {
    schema: {
      summary: 'Search across members, activities, events, initiatives, resources, news, people, meetings and newsletter issues',
      description: 'One ranked list in four languages (stemmed, accent-insensitive, Korean by bigrams, across languages through the SSE glossary). Members-only documents are included only for signed-in members. When fewer than 3 documents hold every word, the documents holding most of the words follow them (`partial`). Beyond 300 matching texts, the 300 newest are ranked and `total` counts the documents among them (a lower bound).',
      querystring: searchQuery,
      response: { 200: listResponse(item).extend({ partial: z.object({ exact: z.number().int() }).optional().describe('Fewer than 3 documents hold every word: the first `exact` items do, the others hold most of the words, the most first') }), 400: errorResponse },
    },
  }),
];
