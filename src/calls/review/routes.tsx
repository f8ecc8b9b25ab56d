import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf } from '../../i18n/translatable.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { reviewSummaries } from '../scores.ts';
import { reviewCopy } from './blind.ts';
import { parseReview, type Values } from './forms.ts';
import { reviewerCall, reviewerSubmission } from './guard.ts';
import { shownVersion } from './language.ts';
import { phaseAt, showsOthers } from './phase.ts';
import { assignedTo, callsOfReviewer, categoriesOf, fewestReviewed, othersReviews, phasesOf, progressOfReviewer, questionsOf, reviewOf } from './queries.ts';
import { saveReview, type Review } from './reviews.ts';
import { AssignedList, ReviewerHome, reviewsPath } from './views/reviewer.tsx';
import { ReviewPage, type ReviewPageProps } from './views/review-page.tsx';

type CallRequest = FastifyRequest<{ Params: { lang: string; slug: string }; Querystring: { done?: string; page?: string } }>;
/** Rows per page of a reviewer's list: a reviewer of 600 submissions pages through them. */
export const LIST_PAGE = 100;
type SubmissionRequest = FastifyRequest<{ Params: { lang: string; slug: string; id: number }; Querystring: { original?: string; saved?: string }; Body: Values }>;
const callSchema = { params: z.object({ lang: z.string(), slug: z.string().max(100) }) };
const submissionSchema = { params: z.object({ lang: z.string(), slug: z.string().max(100), id: z.coerce.number().int().positive().max(2_147_483_647) }) };

async function home(request: FastifyRequest, reply: FastifyReply) {
  const calls = await callsOfReviewer(request.server.ctx.db, request.user!.id);
  return sendPage(request, reply, { title: request.t('calls_review.home_title'), body: (ctx) => <ReviewerHome ctx={ctx} calls={calls} /> });
}

async function list(request: CallRequest, reply: FastifyReply) {
  const db = request.server.ctx.db;
  const { call } = await reviewerCall(db, request.user!, request.params.slug);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(request.query.page ?? '1', 10) || 1));
  const [rows, progress, phases] = await Promise.all([
    assignedTo(db, call.id, request.user!.id, { limit: LIST_PAGE, offset: (page - 1) * LIST_PAGE }),
    progressOfReviewer(db, call.id, request.user!.id),
    phasesOf(db, call.id),
  ]);
  const title = textOf(call.title, request.lang);
  return sendPage(request, reply, {
    title: request.t('calls_review.list_title', { call: title }),
    body: (ctx) => <AssignedList ctx={ctx} slug={call.slug} callTitle={title} rows={rows} progress={progress} page={page} pageSize={LIST_PAGE} state={phaseAt(phases, call.time_zone)} allDone={request.query.done === '1'} />,
  });
}

type Extra = Pick<ReviewPageProps, 'errors' | 'values' | 'stale' | 'saved'>;

/** Everything the review page shows, in a fixed number of queries whatever the call's size. */
async function reviewPage(request: SubmissionRequest, reply: FastifyReply, extra: Extra = {}, status = 200) {
  const db = request.server.ctx.db;
  const user = request.user!;
  const { call } = await reviewerCall(db, user, request.params.slug);
  const row = await reviewerSubmission(db, user, call.id, request.params.id);
  const [phases, categories, mine, progress, questions] = await Promise.all([
    phasesOf(db, call.id), categoriesOf(db, call.id), reviewOf(db, row.id, user.id), progressOfReviewer(db, call.id, user.id), questionsOf(db, call.id),
  ]);
  const state = phaseAt(phases, call.time_zone);
  const shown = showsOthers(state.others, Boolean(mine?.submitted_at));
  const [reviews, summaries] = shown ? await Promise.all([othersReviews(db, row.id, user.id), reviewSummaries(db, call.id, [row.id])]) : [[], null];
  const props: Omit<ReviewPageProps, 'ctx'> = {
    slug: call.slug,
    copy: reviewCopy(row, state.blind),
    version: shownVersion(row.title, row.summary, request.lang, request.query.original === '1'),
    state,
    categories,
    questions,
    mine,
    others: { shown, rule: state.others, reviews, summary: summaries?.get(row.id) ?? null },
    progress,
    saved: request.query.saved === '1',
    ...extra,
  };
  return sendPage(request, reply, {
    title: request.t('calls_review.review_title', { n: row.id }),
    status,
    body: (ctx) => <ReviewPage ctx={ctx} {...props} />,
  });
}

async function save(request: SubmissionRequest, reply: FastifyReply) {
  const db = request.server.ctx.db;
  const user = request.user!;
  const { call } = await reviewerCall(db, user, request.params.slug);
  const row = await reviewerSubmission(db, user, call.id, request.params.id);
  const values = (request.body ?? {}) as Values;
  const [phases, categories] = await Promise.all([phasesOf(db, call.id), categoriesOf(db, call.id)]);
  if (!phaseAt(phases, call.time_zone).open) return reviewPage(request, reply, { errors: { _form: 'calls_review.error.closed' }, values }, 409);
  const parsed = parseReview(values, categories);
  if (!parsed.ok) return reviewPage(request, reply, { errors: parsed.errors, values }, 400);
  const result = await saveReview(db, row.id, user.id, categories, parsed.data);
  if (!result.ok) return reviewPage(request, reply, { stale: result.stored as Review, values, errors: { _form: 'calls_review.error.stale' } }, 409);
  if (parsed.data.next) {
    const next = await fewestReviewed(db, call.id, user.id, row.id);
    return reply.redirect(next ? reviewsPath(request.lang, call.slug, next) : `${reviewsPath(request.lang, call.slug)}?done=1`, 303);
  }
  return reply.redirect(`${reviewsPath(request.lang, call.slug, row.id)}?saved=1`, 303);
}

export const reviewerRoutes = [
  route('GET', '/:lang/reviews', 'calls.review', home),
  route('GET', '/:lang/reviews/:slug', 'calls.review', list, { schema: callSchema }),
  route('GET', '/:lang/reviews/:slug/:id', 'calls.review', (request, reply) => reviewPage(request as SubmissionRequest, reply), { schema: submissionSchema }),
  route('POST', '/:lang/reviews/:slug/:id', 'calls.review', save, { schema: submissionSchema }),
];
