import type { FastifyInstance } from 'fastify';
import { userForSession } from '../auth/accounts.ts';
import { asUrgent } from '../db/priority-pool.ts';
import { SESSION_COOKIE } from '../auth/routes.tsx';
import { isLang, negotiateLang, translator, type Lang } from '../i18n/i18n.ts';
import { redirectToLanguage, unprefixedTarget } from './language-redirect.ts';
import { HttpError } from './http-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Per request, once: the language (URL prefix, else Accept-Language), its translator, the
 * signed-in user; and the CSRF check on every state-changing request.
 */
export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('lang', 'en');
  app.decorateRequest('t', null as never);
  app.decorateRequest('user', null);

  // A signed-in person (an editor saving) and any form posted go before anonymous renders when the
  // database's connections are all busy (db/priority-pool.ts): everything after this hook runs inside.
  app.addHook('onRequest', (request, reply, done) => (request.cookies[SESSION_COOKIE] || !SAFE_METHODS.has(request.method) ? asUrgent(done) : done()));

  app.addHook('onRequest', async (request, reply) => {
    const param = (request.params as { lang?: string } | undefined)?.lang;
    if (request.routeOptions.url?.startsWith('/:lang') && !isLang(param)) {
      const target = unprefixedTarget(request);
      if (target) return redirectToLanguage(reply, target);
      throw new HttpError(404, 'error.unknown_lang');
    }
    request.lang = langOf(request.url, request.headers['accept-language']);
    request.t = translator(request.lang);
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.user = await userForSession(app.ctx.db, token);
  });

  app.addHook('preValidation', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.csrf === false) return done();
    if (!fromThisSite(request.headers, request.host, app.ctx.config.baseUrl)) {
      return done(new HttpError(403, 'error.cross_origin'));
    }
    app.csrfProtection(request, reply, done);
  });
}

/**
 * Behind the CSRF token: browsers say where a form comes from. `Sec-Fetch-Site` (every current
 * browser) must be same-origin; Origin, else Referer, when they name a site, must be this one (its
 * Host or BASE_URL). Our pages are sent with `Referrer-Policy: no-referrer`, so a browser posts our
 * own forms with `Origin: null` and no Referer: "null" names nothing, and such a request, like one
 * from an old client naming nothing, relies on the token alone.
 */
export function fromThisSite(
  headers: { 'sec-fetch-site'?: string | string[]; origin?: string; referer?: string },
  host: string,
  baseUrl: string,
): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const source = headers.origin && headers.origin !== 'null' ? headers.origin : headers.referer;
  if (!source) return true;
  try {
    const origin = new URL(source).host;
    return origin === host || origin === new URL(baseUrl).host;
  } catch {
    return false;
  }
}

/** The language of a URL's first segment (/fr/…), else the best match for Accept-Language. */
export function langOf(url: string, acceptLanguage: string | undefined): Lang {
  const first = url.split(/[/?#]/)[1];
  return isLang(first) ? first : negotiateLang(acceptLanguage);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false for the few routes that take no form (405 answers, webhooks with their own secret). */
    csrf?: boolean;
  }
}
