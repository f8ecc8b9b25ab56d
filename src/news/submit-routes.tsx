import type { FastifyReply, FastifyRequest } from 'fastify';
import { textOf } from '../i18n/translatable.ts';
import { readCheckedForm } from '../web/form-with-files.ts';
import { parseInput, type FieldErrors } from '../web/forms.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { IMAGE_TYPES, type UploadedFile, type UploadRule } from '../web/uploads.ts';
import { newsForm, type NewsInput } from './forms.ts';
import { newsById, reviewsOf, submissionsBy } from './queries.ts';
import { createNews, resubmitNews } from './review.ts';
import { NewsFormPage, MySubmissionsPage, type NewsFormState } from './views/submit.tsx';

export const IMAGE_RULE: UploadRule = { types: IMAGE_TYPES, maxBytes: 2 * 1024 * 1024 };

/**
 * Reads and checks a news form (multipart: it may carry an image, checked by its content). The route
 * says `csrf: false` because readCheckedForm checks the token once the body is read.
 */
export async function readNewsForm(request: FastifyRequest, { hasImage = false } = {}): Promise<{ ok: true; input: NewsInput; image: UploadedFile | null } | { ok: false; state: NewsFormState }> {
  const { fields, files, fileErrors } = await readCheckedForm(request, { image: IMAGE_RULE });
  const parsed = parseInput(newsForm, fields);
  const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.fields), ...fileErrors };
  const image = files.find((file) => file.field === 'image') ?? null;
  // Alternative text is what a screen reader says instead of the picture: an image needs one.
  if (parsed.ok && (image || hasImage) && !parsed.data.image_alt) errors.image_alt = 'validation.news_image_alt';
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, state: { errors, values: fields } };
  return { ok: true, input: parsed.data, image };
}

function submitPage(request: FastifyRequest, reply: FastifyReply, state: NewsFormState = {}, status = 200) {
  return sendPage(request, reply, {
    title: request.t('news.submit_title'),
    status,
    body: (ctx) => <NewsFormPage ctx={ctx} heading={ctx.t('news.submit_title')} intro={ctx.t('news.submit_intro')} action={`/${ctx.lang}/news/submit`} state={state} />,
  });
}

async function submit(request: FastifyRequest, reply: FastifyReply) {
  const form = await readNewsForm(request);
  if (!form.ok) return submitPage(request, reply, form.state, 400);
  await createNews(request.server.ctx, { input: form.input, image: form.image, userId: request.user!.id, kind: 'news' });
  return reply.redirect(`/${request.lang}/news/mine?notice=submitted`, 303);
}

async function mine(request: FastifyRequest<{ Querystring: Record<string, unknown> }>, reply: FastifyReply) {
  const rows = await submissionsBy(request.server.ctx.db, request.user!.id);
  const notice = request.query.notice === 'submitted' ? 'news.notice.submitted' : request.query.notice === 'resubmitted' ? 'news.notice.resubmitted' : undefined;
  return sendPage(request, reply, { title: request.t('news.mine_title'), body: (ctx) => <MySubmissionsPage ctx={ctx} rows={rows} notice={notice} /> });
}

type EditRequest = FastifyRequest<{ Params: { id: string } }>;

/** Only the submitter edits, and only while the editors ask for changes. */
async function ownEditable(request: EditRequest) {
  const id = Number(request.params.id);
  const item = Number.isSafeInteger(id) ? await newsById(request.server.ctx.db, id) : undefined;
  if (!item || item.submitted_by !== request.user!.id) throw notFound();
  if (item.status !== 'changes_requested') throw new HttpError(409, 'news.error.not_editable');
  return item;
}

async function editPage(request: EditRequest, reply: FastifyReply, state?: NewsFormState, status = 200) {
  const item = await ownEditable(request);
  const lang = item.source_lang as NewsInput['lang'];
  const comments = (await reviewsOf(request.server.ctx.db, item.id)).filter((review) => review.comment && review.action !== 'submitted' && review.action !== 'resubmitted');
  const values = state?.values ?? {
    title: textOf(item.title, lang),
    summary: textOf(item.summary, lang),
    body: item.body[lang]?.text ?? '',
    link: item.link ?? '',
    image_alt: item.image_alt[lang]?.text ?? '',
  };
  return sendPage(request, reply, {
    title: request.t('news.edit_title'),
    status,
    body: (ctx) => (
      <NewsFormPage
        ctx={ctx}
        heading={ctx.t('news.edit_title')}
        intro={ctx.t('news.edit_intro')}
        action={`/${ctx.lang}/news/submissions/${item.id}/edit`}
        state={{ errors: state?.errors, values }}
        fixedLang={lang}
        hasImage={item.image_key !== null}
        comments={comments}
      />
    ),
  });
}

async function saveEdit(request: EditRequest, reply: FastifyReply) {
  const item = await ownEditable(request);
  const form = await readNewsForm(request, { hasImage: item.image_key !== null });
  if (!form.ok) return editPage(request, reply, form.state, 400);
  await resubmitNews(request.server.ctx, { id: item.id, userId: request.user!.id, input: form.input, image: form.image });
  return reply.redirect(`/${request.lang}/news/mine?notice=resubmitted`, 303);
}

export const newsSubmitRoutes = [
  route('GET', '/:lang/news/submit', 'news.submit', (request, reply) => submitPage(request, reply)),
  route('POST', '/:lang/news/submit', 'news.submit', submit, { csrf: false }),
  route('GET', '/:lang/news/mine', 'news.submit', mine),
  route('GET', '/:lang/news/submissions/:id/edit', 'news.submit', (request, reply) => editPage(request as EditRequest, reply)),
  route('POST', '/:lang/news/submissions/:id/edit', 'news.submit', saveEdit, { csrf: false }),
];
