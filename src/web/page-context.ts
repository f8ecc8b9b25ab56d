import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../context.ts';
import type { Lang, Translator } from '../i18n/i18n.ts';
import { DEFAULT_SITE, type SiteSettings } from '../site/settings.ts';

/** What every view needs about the request, computed once per request. */
export interface PageContext {
  lang: Lang;
  t: Translator;
  /** The path after the language prefix, with its query string: "/" for the home page. */
  path: string;
  user: SessionUser | null;
  /** The public address, for absolute links (hreflang alternates, canonical). */
  baseUrl: string;
  /** The name, logo and colours the secretariat set (site/settings.ts). */
  site: SiteSettings;
  /** A CSRF token for a form on this page; asking for one makes the page uncacheable. */
  csrf(): string;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  let token: string | undefined;
  return {
    lang: request.lang,
    t: request.t,
    path: pathAfterLang(request.url),
    user: request.user,
    baseUrl: request.server.ctx.config.baseUrl,
    site: request.site ?? DEFAULT_SITE,
    csrf() {
      token ??= reply.generateCsrf();
      reply.header('cache-control', 'private, no-store');
      return token;
    },
  };
}

export function pathAfterLang(url: string): string {
  const match = /^\/[a-z]{2}(?=\/|\?|$)(.*)$/.exec(url);
  const rest = match ? match[1] ?? '' : url;
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}
