import { redirectToLanguage, unprefixedTarget } from './language-redirect.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLang, translator } from '../i18n/i18n.ts';
import { langOf } from './request-context.ts';
import { HttpError } from './http-error.ts';
import { unavailableError } from './unavailable.ts';
import { sendPage } from './render.tsx';

/** Fastify's own error codes, turned into a status and a message the reader can act on. */
const FRAMEWORK_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'error.too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'error.unsupported_media'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'error.bad_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'error.bad_request'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'error.bad_json'],
  FST_ERR_BAD_URL: [400, 'error.bad_url'],
  FST_ERR_VALIDATION: [400, 'error.bad_request'],
  FST_CSRF_MISSING_SECRET: [403, 'error.csrf'],
  FST_CSRF_INVALID_TOKEN: [403, 'error.csrf'],
};

/** What the multipart parser (busboy) throws on a malformed body: the sender's fault, not ours. */
const MALFORMED_MULTIPART = new Set(['Unexpected end of multipart data', 'Multipart: Boundary not found', 'Boundary required', 'Unsupported Content-Type.', 'Missing Content-Type-header.']);

export function toHttpError(error: FastifyError | Error): HttpError {
  if (error instanceof HttpError) return error;
  if (MALFORMED_MULTIPART.has(error.message)) return new HttpError(400, 'error.bad_multipart');
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? FRAMEWORK_ERRORS[fastifyError.code] : undefined;
  if (known && !fastifyError.validation) return new HttpError(known[0], known[1]);
  if (fastifyError.validation) return new HttpError(400, 'error.bad_request', validationFields(fastifyError.validation));
  const unavailable = unavailableError(error);
  if (unavailable) return unavailable;
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return new HttpError(status, status === 404 ? 'error.not_found' : status === 429 ? 'error.rate_limited' : 'error.bad_request');
  }
  return new HttpError(500, 'error.server');
}

/** Schema validation issues (query, params, body) as one message key per offending parameter. */
function validationFields(issues: NonNullable<FastifyError['validation']>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = issue.instancePath.split('/').filter(Boolean)[0] ?? String(issue.params?.missingProperty ?? '_request');
    fields[name] = 'validation.invalid';
  }
  return fields;
}

export function registerErrorPages(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const httpError = toHttpError(error);
    // A database or disk that is away is logged in one line, not a stack trace per request.
    if (httpError.status === 500) request.log.error({ err: error }, 'request failed');
    else if (httpError.status >= 503) request.log.warn(`request failed: ${httpError.code} (${(error as { code?: string }).code ?? error.message})`);
    return sendError(request, reply, httpError);
  });
  app.setNotFoundHandler((request, reply) => {
    const target = unprefixedTarget(request);
    if (target) return redirectToLanguage(reply, target);
    const first = request.url.split(/[/?#]/)[1] ?? '';
    const unknownLang = /^[a-z]{2}(-[a-z]{2})?$/i.test(first) && !isLang(first);
    return sendError(request, reply, new HttpError(404, unknownLang ? 'error.unknown_lang' : 'error.not_found'));
  });
}

/** The error as JSON on the API, as a page in the reader's language elsewhere. Never a stack trace. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: HttpError): FastifyReply {
  // Errors raised before the language hook ran (a bad URL, say) still get a language.
  if (!request.t) {
    request.lang = langOf(request.url, request.headers['accept-language']);
    request.t = translator(request.lang);
  }
  const t = request.t;
  reply.headers({ ...error.headers, 'cache-control': 'no-store' });
  if (request.url.startsWith('/api/')) {
    const fields = Object.fromEntries(Object.entries(error.fields).map(([field, key]) => [field, t(key)]));
    return reply.code(error.status).send({ error: { code: error.code.replace(/^error\./, ''), message: t(error.code), fields } });
  }
  return sendPage(request, reply, {
    title: t(`${error.code}.title`),
    status: error.status,
    body: (ctx) => (
      <section class="error-page">
        <h1>{t(`${error.code}.title`)}</h1>
        <p>{t(error.code)}</p>
        {error.code === 'error.unknown_lang' && (
          <ul>
            {(['en', 'fr', 'es', 'ko'] as const).map((lang) => (
              <li>
                <a href={`/${lang}/`} lang={lang} hreflang={lang}>
                  {translator(lang)('nav.home')}
                </a>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`/${ctx.lang}/`}>{t('error.back_home')}</a>
        </p>
      </section>
    ),
  });
}
