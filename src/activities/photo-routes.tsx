import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnreadableImage } from '../images/domain.ts';
import { ImageFields } from '../images/form-fields.tsx';
import { IMAGE_UPLOAD_RULE, imageUploadOf } from '../images/upload.ts';
import { textOf } from '../i18n/translatable.ts';
import { CsrfField, ErrorSummary } from '../web/components.tsx';
import { readCheckedForm } from '../web/form-with-files.ts';
import type { FieldErrors } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { activityDetail } from './domain.ts';
import { setActivityPhoto } from './photo.ts';

type PhotoRequest = FastifyRequest<{ Params: { slug: string }; Querystring: { saved?: string } }>;

async function photoPage(request: PhotoRequest, reply: FastifyReply, state: { errors?: FieldErrors; alt?: string } = {}, status = 200) {
  const detail = await activityDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  const { t, lang } = request;
  const errors = state.errors ?? {};
  const base = `/${lang}/admin/activities/${detail.activity.slug}`;
  return sendPage(request, reply, {
    title: t('activities.admin.photo'),
    status,
    body: (ctx) => (
      <>
        <p>
          <a href={`${base}/edit`}>{t('activities.admin.back_to_edit')}</a>
        </p>
        <h1>
          {t('activities.admin.photo')}: {textOf(detail.activity.title, lang)}
        </h1>
        {request.query.saved === '1' && (
          <p class="success" role="status">
            {t('activities.admin.photo_saved')}
          </p>
        )}
        <ErrorSummary ctx={ctx} errors={errors} labels={{ image: t('activities.admin.photo_file'), image_alt: t('images.alt') }} />
        <form method="post" action={`${base}/photo`} enctype="multipart/form-data" novalidate>
          <CsrfField ctx={ctx} />
          <ImageFields ctx={ctx} current={detail.photo} errors={errors} alt={state.alt} labels={{ legend: t('activities.admin.photo'), file: t('activities.admin.photo_file') }} />
          <button type="submit">{t('activities.admin.photo_save')}</button>
        </form>
      </>
    ),
  });
}

async function savePhoto(request: PhotoRequest, reply: FastifyReply) {
  const detail = await activityDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  const { fields, files, fileErrors } = await readCheckedForm(request, { image: IMAGE_UPLOAD_RULE });
  const image = imageUploadOf({ files, fileErrors, fields, field: 'image', altField: 'image_alt' });
  const alt = String([fields.image_alt ?? ''].flat()[0] ?? '');
  const remove = String([fields.remove_image ?? ''].flat()[0] ?? '') === 'on';
  if (Object.keys(image.errors).length > 0) return photoPage(request, reply, { errors: image.errors, alt }, 400);
  if (!image.upload && !remove) return photoPage(request, reply, { errors: { image: 'validation.required' }, alt }, 400);
  try {
    await setActivityPhoto(request.server.ctx, { activityId: detail.activity.id, actor: { id: request.user!.id, lang: request.lang }, upload: image.upload, remove });
  } catch (error) {
    if (error instanceof UnreadableImage) return photoPage(request, reply, { errors: { image: 'validation.image_unreadable' }, alt }, 400);
    throw error;
  }
  return reply.redirect(`/${request.lang}/admin/activities/${detail.activity.slug}/photo?saved=1`, 303);
}

export const activityPhotoRoutes = [
  route('GET', '/:lang/admin/activities/:slug/photo', 'activities.manage', photoPage),
  route('POST', '/:lang/admin/activities/:slug/photo', 'activities.manage', savePhoto, { csrf: false }),
];
