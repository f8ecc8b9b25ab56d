import { joinLinkOf } from './outreach.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { textOf } from '../i18n/translatable.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { parseInput } from '../web/forms.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { datesInWords } from './dates.ts';
import { activityDetail } from './domain.ts';
import { registrationForm } from './forms.ts';
import { cancel, confirmRegistration, findByConfirmToken, findByToken, register, registrationState, seatsLeft } from './registrations.ts';
import { CheckMailboxPage, ConfirmPage } from './views/confirm.tsx';
import { CancelPage, RegisteredPage, RegisterPage, type RegisterState } from './views/register.tsx';

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;
const today = () => new Date().toISOString().slice(0, 10);

async function showForm(request: SlugRequest, reply: FastifyReply, state: RegisterState = {}, status = 200) {
  const { db } = request.server.ctx;
  const detail = await activityDetail(db, request.params.slug);
  if (!detail) throw notFound();
  const { activity } = detail;
  const open = registrationState(activity, today());
  if (!open.open) throw new HttpError(activity.registration_open ? 409 : 404, activity.registration_open ? 'registration.error.closed' : 'error.not_found');
  const seats = await seatsLeft(db, activity);
  return sendPage(request, reply, {
    title: request.t('registration.title', { title: textOf(activity.title, request.lang) }),
    status,
    body: (ctx) => <RegisterPage ctx={ctx} activity={activity} whenText={datesInWords(ctx.t, activity)} seatsLeft={seats} state={state} />,
  });
}

async function submit(request: SlugRequest, reply: FastifyReply) {
  const values = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(registrationForm, values);
  if (!parsed.ok) return showForm(request, reply, { errors: parsed.fields, values }, 400);
  try {
    // Always the same answer, whether the address is new, pending or registered (see register()).
    await register(request.server.ctx, request.params.slug, parsed.data, request.lang, today());
    const detail = (await activityDetail(request.server.ctx.db, request.params.slug))!;
    return sendPage(request, reply, {
      title: request.t('regconfirm.check_title'),
      body: (ctx) => <CheckMailboxPage ctx={ctx} activity={detail.activity} />,
    });
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 409) throw error;
    // Closed or full: the form page itself says so (an address already registered is answered as a new one).
    if (error.code === 'registration.error.closed') throw error;
    return showForm(request, reply, { errors: error.fields, values, error: Object.keys(error.fields).length ? undefined : error.code }, 409);
  }
}

async function cancelPage(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) {
  const registration = await findByToken(request.server.ctx.db, request.params.token);
  if (!registration) throw notFound();
  const joinLink = registration.status === 'confirmed' ? await joinLinkOf(request.server.ctx.db, registration.activity_id) : null;
  return sendPage(request, reply, {
    title: request.t('registration.cancel_title'),
    body: (ctx) => <CancelPage ctx={ctx} token={request.params.token} registration={registration} done={false} joinLink={joinLink} />,
  });
}

async function cancelSubmit(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) {
  const registration = await findByToken(request.server.ctx.db, request.params.token);
  if (!registration) throw notFound();
  await cancel(request.server.ctx, request.params.token);
  await request.server.ctx.pageCache.invalidate();
  return sendPage(request, reply, {
    title: request.t('registration.cancelled_title'),
    body: (ctx) => <CancelPage ctx={ctx} token={request.params.token} registration={registration} done />,
  });
}

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

async function confirmPage(request: TokenRequest, reply: FastifyReply) {
  const registration = await findByConfirmToken(request.server.ctx.db, request.params.token);
  // Never kept in the page cache: its address is a secret, and its answer changes with the registration.
  reply.header('cache-control', 'private, no-store');
  return sendPage(request, reply, {
    title: request.t(registration.status === 'pending' ? 'regconfirm.title' : registration.status === 'waiting' ? 'registration.done_waiting' : 'registration.done_confirmed'),
    body: (ctx) => <ConfirmPage ctx={ctx} token={request.params.token} registration={registration} whenText={datesInWords(ctx.t, registration)} />,
  });
}

async function confirmSubmit(request: TokenRequest, reply: FastifyReply) {
  const registration = await findByConfirmToken(request.server.ctx.db, request.params.token);
  const result = await confirmRegistration(request.server.ctx, request.params.token, today());
  // A seat taken changes the "n seats left" of public pages.
  if (!result.again) await request.server.ctx.pageCache.invalidate();
  return sendPage(request, reply, {
    title: request.t(result.status === 'confirmed' ? 'registration.done_confirmed' : 'registration.done_waiting'),
    body: (ctx) => <RegisteredPage ctx={ctx} activity={registration} status={result.status} />,
  });
}

export const registrationRoutes = [
  route('GET', '/:lang/activities/:slug/register', 'public', (request, reply) => showForm(request, reply)),
  route('POST', '/:lang/activities/:slug/register', 'public', submit, { rateLimit: 30 }),
  route('GET', '/:lang/registrations/:token/confirm', 'public', confirmPage),
  route('POST', '/:lang/registrations/:token/confirm', 'public', confirmSubmit, { rateLimit: 30 }),
  route('GET', '/:lang/registrations/:token/cancel', 'public', cancelPage),
  route('POST', '/:lang/registrations/:token/cancel', 'public', cancelSubmit, { rateLimit: 30 }),
];
