import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, negotiateLang } from '../i18n/i18n.ts';
import { MAIN_NAV } from './navigation.ts';

/** First path segments of public pages that a person may type or share without a language. */
const SECTIONS: ReadonlySet<string> = new Set([
  ...MAIN_NAV.map((item) => item.path.split('/')[1] ?? '').filter(Boolean),
  'join', 'newsletter', 'search', 'feed.xml', 'open-data', 'sign-in',
]);

/**
 * `/members`, `/news/some-item?page=2`: the page in the reader's language, as `/` does (issue 18).
 * Null when the path is not a public page without its prefix (then the usual 404 answers).
 */
export function unprefixedTarget(request: FastifyRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const first = request.url.split(/[/?#]/)[1] ?? '';
  if (isLang(first) || !SECTIONS.has(first)) return null;
  return `/${negotiateLang(request.headers['accept-language'])}${request.url}`;
}

export function redirectToLanguage(reply: FastifyReply, target: string): FastifyReply {
  return reply.header('vary', 'accept-language').header('cache-control', 'no-store').redirect(target, 302);
}
