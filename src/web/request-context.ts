import type { FastifyInstance } from 'fastify';
import { userForSession } from '../auth/accounts.ts';
import { SESSION_COOKIE } from '../auth/routes.tsx';
import { isLang, negotiateLang, translator, type Lang } from '../i18n/i18n.ts';
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

  app.addHook('onRequest', async (request) => {
    const param = (request.params as { lang?: string } | undefined)?.lang;
    if (request.routeOptions.url?.startsWith('/:lang') && !isLang(param)) {
      throw new HttpError(404, 'error.unknown_lang');
    }
    request.lang = langOf(request.url, request.headers['accept-language']);
    request.t = translator(request.lang);
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.user = await userForSession(app.ctx.db, token);
  });

  app.addHook('preValidation', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.csrf === false) return done();
    if (!sameOrigin(request.headers.origin ?? request.headers.referer, request.host, app.ctx.config.baseUrl)) {
      return done(new HttpError(403, 'error.cross_origin'));
    }
    app.csrfProtection(request, reply, done);
  });
}

/**
 * Behind the CSRF token: a browser names the page a form came from (Origin, else Referer). When it
 * does, it must be this site (its Host or BASE_URL); requests naming no origin (old clients) rely on
 * the token alone.
 */
export function sameOrigin(source: string | undefined, host: string, baseUrl: string): boolean {
  if (!source) return true;
  if (source === 'null') return false;
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
