import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseInput } from '../web/forms.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { bounceInput, recordDeliveryBounce } from './bounces.ts';
import { issueContent } from './content.ts';
import { issueDetail, pastIssues, editionState } from './issues.ts';
import { ArchivePage, IssueWebPage, type ArchiveRow } from './views/public.tsx';

/** The public archive of sent issues, each issue's web version, and the bounce hook. */
async function archive(request: FastifyRequest, reply: FastifyReply) {
  const { issues, editions } = await pastIssues(request.server.ctx.db);
  const rows: ArchiveRow[] = issues.map((issue) => {
    const own = editions.find((e) => e.issue_id === issue.id && e.lang === request.lang);
    const edition = own && editionState(issue, own) === 'ready' ? own : editions.find((e) => e.issue_id === issue.id && e.lang === issue.fallback_lang);
    return { slug: issue.slug, number: issue.number, sentAt: issue.sent_at ?? new Date(issue.issue_date), subject: edition?.subject || issue.slug, subjectLang: edition?.lang ?? issue.fallback_lang };
  });
  return sendPage(request, reply, { title: request.t('newsletter.archive.title'), description: request.t('newsletter.archive.intro'), body: (ctx) => <ArchivePage ctx={ctx} rows={rows} /> });
}

async function webVersion(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  if (!/^\d{4}-\d{2}(-\d{1,2})?$/.test(request.params.slug)) throw notFound();
  const { db, config } = request.server.ctx;
  const detail = await issueDetail(db, { slug: request.params.slug });
  // Drafts are not public: only what was sent is in the archive.
  if (!detail || detail.issue.status !== 'sent') throw notFound();
  const lang = detail.states[request.lang] === 'ready' ? request.lang : detail.issue.fallback_lang;
  const content = await issueContent(db, config.baseUrl, detail, lang);
  return sendPage(request, reply, { title: content.subject, body: (ctx) => <IssueWebPage ctx={ctx} content={content} sentAt={detail.issue.sent_at} /> });
}

/** Constant-time comparison of the shared secret (no timing hint about how much of it matched). */
function tokenMatches(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

function hasBounceToken(request: FastifyRequest): boolean {
  const expected = request.server.ctx.config.bounceToken;
  const header = request.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7).trim() : String(request.headers['x-bounce-token'] ?? '');
  return Boolean(expected && given && tokenMatches(given, expected));
}

async function bounce(request: FastifyRequest, reply: FastifyReply) {
  // Without a configured secret the endpoint does not exist.
  if (!request.server.ctx.config.bounceToken) throw notFound();
  if (!hasBounceToken(request)) throw new HttpError(403, 'newsletter.error.bounce_token');
  if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) throw new HttpError(400, 'error.bad_request');
  const parsed = parseInput(bounceInput, request.body);
  if (!parsed.ok) throw new HttpError(400, 'error.bad_request', parsed.fields);
  const result = await recordDeliveryBounce(request.server.ctx, parsed.data);
  return reply.code(200).send({ recorded: true, delivery: result.delivery, subscriberStatus: result.subscriberStatus, bounceCount: result.bounceCount });
}

export const newsletterPublicRoutes = [
  route('GET', '/:lang/newsletter', 'public', archive),
  route('GET', '/:lang/newsletter/:slug', 'public', webVersion),
  // Guessing the secret: 10 wrong tokens a minute from one address, then 429; the relay's own posts are not counted.
  route('POST', '/api/v1/newsletter/bounces', 'public', bounce, { csrf: false, rateLimit: 10, rateLimitExempt: hasBounceToken }),
];
