import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseInput } from '../web/forms.ts';
import { HttpError } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { checkPassword, consumeSignInLink, endSession, requestSignInLink, SESSION_DAYS, startSession } from './accounts.ts';
import { linkRequestForm, passwordSignInForm } from './forms.ts';
import { ConfirmLinkPage, SignInPage, type SignInState } from './views/sign-in.tsx';

export const SESSION_COOKIE = 'sid';

function showSignIn(request: FastifyRequest, reply: FastifyReply, state: SignInState, status = 200) {
  return sendPage(request, reply, {
    title: request.t('sign_in.title'),
    status,
    body: (ctx) => <SignInPage ctx={ctx} state={state} />,
  });
}

/** Only a path on this site: never an absolute or protocol-relative address (no open redirect). */
/**
 * A same-origin path to return to after sign-in. Browsers drop tabs and line breaks from a URL, so
 * `/<TAB>/evil.example` would become `//evil.example`: any character outside printable ASCII is
 * refused with a 400 (a path here is percent-encoded), and anything but a single leading slash is ignored.
 */
export function safeNext(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value === '') return fallback;
  if (!/^[\x21-\x7e]*$/.test(value)) throw new HttpError(400, 'error.bad_next');
  return /^\/(?![/\\])/.test(value) ? value : fallback;
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.server.ctx.config.secureCookies,
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
}

async function signInPage(request: FastifyRequest<{ Querystring: { next?: string } }>, reply: FastifyReply) {
  if (request.user) return reply.redirect(safeNext(request.query.next, `/${request.lang}/`), 303);
  return showSignIn(request, reply, { next: safeNext(request.query.next, '') || undefined });
}

async function signInWithPassword(request: FastifyRequest, reply: FastifyReply) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(passwordSignInForm, body);
  const next = safeNext(body.next, '') || undefined;
  if (!parsed.ok) return showSignIn(request, reply, { errors: parsed.fields, email: String(body.email ?? ''), next }, 400);
  const userId = await checkPassword(request.server.ctx.db, parsed.data.email, parsed.data.password);
  if (!userId) {
    return showSignIn(request, reply, { errors: { password: 'sign_in.failed' }, email: parsed.data.email, next }, 401);
  }
  setSessionCookie(request, reply, await startSession(request.server.ctx.db, userId, 'password'));
  return reply.redirect(next ?? `/${request.lang}/`, 303);
}

async function requestLink(request: FastifyRequest, reply: FastifyReply) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(linkRequestForm, { email: body['link-email'] });
  if (!parsed.ok) return showSignIn(request, reply, { linkErrors: parsed.fields }, 400);
  await requestSignInLink(request.server.ctx, parsed.data.email, request.lang);
  return showSignIn(request, reply, { linkSent: true });
}

async function confirmLink(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) {
  // A GET only shows a button: mail scanners that follow links must not use up the link.
  return sendPage(request, reply, {
    title: request.t('sign_in.title'),
    body: (ctx) => <ConfirmLinkPage ctx={ctx} token={request.params.token} />,
  });
}

async function signInWithLink(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) {
  const userId = await consumeSignInLink(request.server.ctx.db, request.params.token);
  if (!userId) throw new HttpError(400, 'sign_in.link_invalid');
  setSessionCookie(request, reply, await startSession(request.server.ctx.db, userId, 'link'));
  return reply.redirect(`/${request.lang}/`, 303);
}

async function signOut(request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await endSession(request.server.ctx.db, token);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return reply.redirect(`/${request.lang}/`, 303);
}

export const authRoutes = [
  route('GET', '/:lang/sign-in', 'public', signInPage),
  route('POST', '/:lang/sign-in', 'public', signInWithPassword, { rateLimit: 10 }),
  route('POST', '/:lang/sign-in/link', 'public', requestLink, { rateLimit: 5 }),
  route('GET', '/:lang/sign-in/link/:token', 'public', confirmLink),
  route('POST', '/:lang/sign-in/link/:token', 'public', signInWithLink, { rateLimit: 10 }),
  route('POST', '/:lang/sign-out', 'account.self', signOut),
];
