import type { FastifyReply, FastifyRequest } from 'fastify';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { sourceLang } from '../i18n/translatable.ts';
import { parseInput, type FieldErrors } from '../web/forms.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { reviewForm, TEXT_FIELDS, textsForm } from './forms.ts';
import { newsById, reviewQueue, reviewsOf } from './queries.ts';
import { createNews, reviewNews, saveNewsTexts } from './review.ts';
import { readNewsForm } from './submit-routes.tsx';
import { NewsQueuePage, NewsReviewPage, NewsTextsPage } from './views/admin.tsx';
import { NewsFormPage, type NewsFormState } from './views/submit.tsx';

type IdRequest = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, unknown>; Body: Record<string, unknown> }>;

async function itemOf(request: IdRequest) {
  const id = Number(request.params.id);
  const item = Number.isSafeInteger(id) && id > 0 ? await newsById(request.server.ctx.db, id) : undefined;
  if (!item) throw notFound();
  return item;
}

async function queue(request: FastifyRequest, reply: FastifyReply) {
  const rows = await reviewQueue(request.server.ctx.db);
  return sendPage(request, reply, { title: request.t('news.admin.title'), body: (ctx) => <NewsQueuePage ctx={ctx} rows={rows} /> });
}

async function reviewPage(request: IdRequest, reply: FastifyReply, state: { errors?: FieldErrors; values?: Record<string, unknown> } = {}, status = 200) {
  const item = await itemOf(request);
  const reviews = await reviewsOf(request.server.ctx.db, item.id);
  return sendPage(request, reply, {
    title: request.t('news.admin.review_title'),
    status,
    body: (ctx) => <NewsReviewPage ctx={ctx} item={item} reviews={reviews} errors={state.errors} values={state.values} />,
  });
}

async function review(request: IdRequest, reply: FastifyReply) {
  const item = await itemOf(request);
  const parsed = parseInput(reviewForm, request.body);
  if (!parsed.ok) return reviewPage(request, reply, { errors: parsed.fields, values: request.body ?? {} }, 400);
  await reviewNews(request.server.ctx, { id: item.id, reviewerId: request.user!.id, action: parsed.data.action, comment: parsed.data.comment });
  return reply.redirect(`/${request.lang}/admin/news/${item.id}`, 303);
}

/** The image of an item under review (the public route serves accepted items only). */
async function image(request: IdRequest, reply: FastifyReply) {
  const item = await itemOf(request);
  const content = item.image_key ? await request.server.ctx.files.get(item.image_key) : null;
  if (!content || !item.image_mime) throw notFound();
  return reply.type(item.image_mime).header('cache-control', 'private, no-store').header('content-security-policy', "default-src 'none'").send(content);
}

function announcementPage(request: FastifyRequest, reply: FastifyReply, state: NewsFormState = {}, status = 200) {
  return sendPage(request, reply, {
    title: request.t('news.admin.new_announcement'),
    status,
    body: (ctx) => <NewsFormPage ctx={ctx} heading={ctx.t('news.admin.new_announcement')} intro={ctx.t('news.admin.announcement_intro')} action={`/${ctx.lang}/admin/news/new`} state={state} />,
  });
}

async function announce(request: FastifyRequest, reply: FastifyReply) {
  const form = await readNewsForm(request);
  if (!form.ok) return announcementPage(request, reply, form.state, 400);
  const created = await createNews(request.server.ctx, { input: form.input, image: form.image, userId: request.user!.id, kind: 'announcement' });
  return reply.redirect(`/${request.lang}/admin/news/${created.id}`, 303);
}

async function textsPage(request: IdRequest, reply: FastifyReply, state?: { errors: FieldErrors; values: Record<string, unknown> }, status = 200) {
  const item = await itemOf(request);
  const values: Record<string, unknown> = state?.values ?? {};
  if (!state) {
    for (const lang of LANGS) for (const field of TEXT_FIELDS) values[`${field}_${lang}`] = item[field][lang]?.text ?? '';
  }
  return sendPage(request, reply, {
    title: request.t('news.texts.page_title'),
    status,
    body: (ctx) => <NewsTextsPage ctx={ctx} item={item} errors={state?.errors} values={values} saved={request.query.saved === '1'} />,
  });
}

async function saveTexts(request: IdRequest, reply: FastifyReply) {
  const item = await itemOf(request);
  const values = request.body ?? {};
  const parsed = parseInput(textsForm((sourceLang(item.title) ?? item.source_lang) as Lang), values);
  if (!parsed.ok) return textsPage(request, reply, { errors: parsed.fields, values }, 400);
  await saveNewsTexts(request.server.ctx, { id: item.id, actorId: request.user!.id, texts: parsed.data });
  return reply.redirect(`/${request.lang}/admin/news/${item.id}/texts?saved=1`, 303);
}

const asId = (handler: (request: IdRequest, reply: FastifyReply) => unknown) => (request: FastifyRequest, reply: FastifyReply) => {
  if (!/^\d{1,9}$/.test((request.params as { id: string }).id)) throw new HttpError(404, 'error.not_found');
  return handler(request as IdRequest, reply);
};

export const newsAdminRoutes = [
  route('GET', '/:lang/admin/news', 'news.review', queue),
  route('GET', '/:lang/admin/news/new', 'news.review', (request, reply) => announcementPage(request, reply)),
  // Multipart (an image may come with it): readCheckedForm checks the CSRF token.
  route('POST', '/:lang/admin/news/new', 'news.review', announce, { csrf: false }),
  route('GET', '/:lang/admin/news/:id', 'news.review', asId((request, reply) => reviewPage(request, reply))),
  route('POST', '/:lang/admin/news/:id/review', 'news.review', asId(review)),
  route('GET', '/:lang/admin/news/:id/image', 'news.review', asId(image)),
  route('GET', '/:lang/admin/news/:id/texts', 'news.review', asId((request, reply) => textsPage(request, reply))),
  route('POST', '/:lang/admin/news/:id/texts', 'news.review', asId(saveTexts)),
];
