import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseInput } from '../web/forms.ts';
import { HttpError } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { subscriberLinks } from './domain.ts';
import { fieldsWithLineBreaks, preferencesForm, resendForm, subscribeForm } from './forms.ts';
import {
  confirmSubscription,
  pendingByToken,
  requestSubscription,
  resendConfirmation,
  subscriberByPreferencesToken,
  unsubscribe,
  updatePreferences,
} from './subscriptions.ts';
import { PreferencesPage, UnsubscribeConfirmPage, UnsubscribedPage } from './views/preferences.tsx';
import { CheckMailboxPage, ConfirmPage, SubscribePage, type FormState } from './views/subscribe.tsx';

type Body = Record<string, unknown>;
type TokenRequest = FastifyRequest<{ Params: { token: string }; Body: Body; Querystring: Body }>;

/** Pages reached through a secret link are never cached nor given to another site as a Referer. */
const privatePage = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');

function subscribePage(request: FastifyRequest<{ Querystring: Body }>, reply: FastifyReply, state: FormState = {}, status = 200) {
  return sendPage(request, reply, {
    title: request.t('subscribers.subscribe_title'),
    description: request.t('subscribers.subscribe_intro'),
    status,
    body: (ctx) => <SubscribePage ctx={ctx} state={state} />,
  });
}

/** The footer's GET form lands here with `?email=`, which only fills the field in. */
function showSubscribe(request: FastifyRequest<{ Querystring: Body }>, reply: FastifyReply) {
  const email = typeof request.query.email === 'string' ? request.query.email.slice(0, 254) : '';
  const fromFooter = request.query.email !== undefined;
  return subscribePage(request, reply, { values: { email, method: fromFooter ? 'footer' : 'form' } });
}

async function submitSubscribe(request: FastifyRequest<{ Body: Body; Querystring: Body }>, reply: FastifyReply) {
  const values = request.body ?? {};
  const parsed = parseInput(subscribeForm, values);
  const injected = fieldsWithLineBreaks(values);
  if (!parsed.ok || injected.length) {
    const errors = parsed.ok ? {} : parsed.fields;
    for (const name of injected) errors[['email', 'lang', 'topics', 'consent'].includes(name) ? name : '_form'] = 'validation.sub_line_break';
    return subscribePage(request, reply, { errors, values }, 400);
  }
  const { email, lang, topics, method } = parsed.data;
  await requestSubscription(request.server.ctx, {
    email,
    lang,
    topics,
    consent: { method, text: request.t('subscribers.consent_text'), lang: request.lang, source: `/${request.lang}/newsletter/subscribe` },
  });
  return checkMailbox(request, reply, email);
}

function checkMailbox(request: FastifyRequest, reply: FastifyReply, email: string, extra: { notice?: 'resent'; error?: string } = {}, status = 200) {
  return sendPage(request, reply, {
    title: request.t('subscribers.check_title'),
    status,
    body: (ctx) => <CheckMailboxPage ctx={ctx} email={email} {...extra} />,
  });
}

async function resend(request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
  const parsed = parseInput(resendForm, request.body);
  if (!parsed.ok) throw new HttpError(400, 'subscribers.error.resend_invalid', parsed.fields);
  try {
    await resendConfirmation(request.server.ctx, parsed.data.email);
  } catch (error) {
    if (error instanceof HttpError && error.status === 429) return checkMailbox(request, reply, parsed.data.email, { error: error.code }, 429);
    throw error;
  }
  return checkMailbox(request, reply, parsed.data.email, { notice: 'resent' });
}

async function confirmPage(request: TokenRequest, reply: FastifyReply) {
  const pending = await pendingByToken(request.server.ctx.db, request.params.token);
  privatePage(reply);
  return sendPage(request, reply, {
    title: request.t('subscribers.confirm_title'),
    body: (ctx) => <ConfirmPage ctx={ctx} token={request.params.token} email={pending.email} done={false} />,
  });
}

async function confirm(request: TokenRequest, reply: FastifyReply) {
  const confirmed = await confirmSubscription(request.server.ctx.db, request.params.token);
  privatePage(reply);
  const links = subscriberLinks('', confirmed, confirmed.linkToken);
  return sendPage(request, reply, {
    title: request.t('subscribers.confirmed_title'),
    body: (ctx) => <ConfirmPage ctx={ctx} token="" email={confirmed.email} done={{ preferences: links.preferences }} />,
  });
}

async function preferencesPage(request: TokenRequest, reply: FastifyReply) {
  const subscriber = await subscriberByPreferencesToken(request.server.ctx.db, request.params.token);
  privatePage(reply);
  return sendPage(request, reply, {
    title: request.t('subscribers.preferences_title'),
    body: (ctx) => <PreferencesPage ctx={ctx} token={request.params.token} subscriber={subscriber} saved={request.query.saved === '1'} />,
  });
}

async function savePreferences(request: TokenRequest, reply: FastifyReply) {
  const { db } = request.server.ctx;
  const values = request.body ?? {};
  const parsed = parseInput(preferencesForm, values);
  const injected = fieldsWithLineBreaks(values);
  if (!parsed.ok || injected.length) {
    const subscriber = await subscriberByPreferencesToken(db, request.params.token);
    const errors = parsed.ok ? {} : parsed.fields;
    for (const name of injected) errors[name === 'lang' ? 'lang' : 'topics'] = 'validation.sub_line_break';
    privatePage(reply);
    const topics = [values.topics ?? []].flat().map(String);
    return sendPage(request, reply, {
      title: request.t('subscribers.preferences_title'),
      status: 400,
      body: (ctx) => <PreferencesPage ctx={ctx} token={request.params.token} subscriber={subscriber} errors={errors} values={{ lang: String(values.lang ?? ''), topics }} />,
    });
  }
  await updatePreferences(db, request.params.token, parsed.data);
  return reply.redirect(`/${request.lang}/newsletter/preferences/${encodeURIComponent(request.params.token)}?saved=1`, 303);
}

async function unsubscribePage(request: TokenRequest, reply: FastifyReply) {
  const subscriber = await subscriberByPreferencesToken(request.server.ctx.db, request.params.token);
  privatePage(reply);
  return sendPage(request, reply, {
    title: request.t('subscribers.unsubscribe_title'),
    body: (ctx) =>
      subscriber.status === 'unsubscribed' ? (
        <UnsubscribedPage ctx={ctx} email={subscriber.email} already />
      ) : (
        <UnsubscribeConfirmPage ctx={ctx} token={request.params.token} email={subscriber.email} />
      ),
  });
}

/**
 * One-click unsubscribe (RFC 8058). Mail clients POST `List-Unsubscribe=One-Click` to the link from
 * the List-Unsubscribe header with no cookie, so this route cannot ask for a CSRF token (`csrf: false`):
 * the unguessable token in the path is the proof, and the only thing it can do is stop mail.
 */
async function oneClickUnsubscribe(request: TokenRequest, reply: FastifyReply) {
  const { db } = request.server.ctx;
  const subscriber = await subscriberByPreferencesToken(db, request.params.token);
  const { already } = await unsubscribe(db, request.params.token);
  privatePage(reply);
  return sendPage(request, reply, {
    title: request.t('subscribers.unsubscribed_title'),
    body: (ctx) => <UnsubscribedPage ctx={ctx} email={subscriber.email} already={already} />,
  });
}

export const subscriberRoutes = [
  route('GET', '/:lang/newsletter/subscribe', 'public', showSubscribe),
  route('POST', '/:lang/newsletter/subscribe', 'public', submitSubscribe, { rateLimit: 20 }),
  route('POST', '/:lang/newsletter/subscribe/resend', 'public', resend, { rateLimit: 10 }),
  route('GET', '/:lang/newsletter/confirm/:token', 'public', confirmPage, { rateLimit: 60 }),
  route('POST', '/:lang/newsletter/confirm/:token', 'public', confirm, { rateLimit: 30 }),
  route('GET', '/:lang/newsletter/preferences/:token', 'public', preferencesPage, { rateLimit: 60 }),
  route('POST', '/:lang/newsletter/preferences/:token', 'public', savePreferences, { rateLimit: 30 }),
  route('GET', '/:lang/newsletter/unsubscribe/:token', 'public', unsubscribePage, { rateLimit: 60 }),
  route('POST', '/:lang/newsletter/unsubscribe/:token', 'public', oneClickUnsubscribe, { rateLimit: 60, csrf: false }),
];
