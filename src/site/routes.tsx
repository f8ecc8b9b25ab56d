import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IMAGE_UPLOAD_RULE, imageUploadOf } from '../images/upload.ts';
import { UnreadableImage } from '../images/domain.ts';
import { readCheckedForm } from '../web/form-with-files.ts';
import { parseInput } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { siteSettingsForm } from './forms.ts';
import { saveSiteSettings } from './save.ts';
import { contrastProblems, DEFAULT_SITE, type SiteSettings } from './settings.ts';
import { SiteSettingsPage, type SiteFormState } from './views/admin.tsx';

declare module 'fastify' {
  interface FastifyRequest {
    /** The site's settings (name, logo, colours) every page is drawn with. */
    site: SiteSettings;
  }
}

/** Reads the settings once per request (from memory, after the first request following a change). */
export function registerSiteSettings(app: FastifyInstance): void {
  app.decorateRequest('site', null as unknown as SiteSettings);
  app.addHook('onRequest', async (request) => {
    request.site = await app.ctx.site.current();
  });
}

async function settingsPage(request: FastifyRequest<{ Querystring: { saved?: string } }>, reply: FastifyReply, state: SiteFormState = {}, status = 200) {
  const settings = await request.server.ctx.site.current();
  return sendPage(request, reply, {
    title: request.t('site.settings.title'),
    status,
    body: (ctx) => <SiteSettingsPage ctx={ctx} settings={settings} state={{ saved: request.query.saved === '1', ...state }} />,
  });
}

async function postSettings(request: FastifyRequest<{ Querystring: { saved?: string } }>, reply: FastifyReply) {
  const { fields, files, fileErrors } = await readCheckedForm(request, { logo: IMAGE_UPLOAD_RULE });
  const values = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== '_csrf').map(([key, value]) => [key, String([value].flat()[0] ?? '')]));
  const parsed = parseInput(siteSettingsForm, values);
  const image = imageUploadOf({ files, fileErrors, fields, field: 'logo', altField: 'logo_alt' });
  const errors = { ...(parsed.ok ? {} : parsed.fields), ...image.errors };
  const contrast = parsed.ok ? contrastProblems(parsed.data.brand_colour, parsed.data.accent_colour) : [];
  for (const problem of contrast) errors[problem.field] = problem.key;
  if (!parsed.ok || Object.keys(errors).length > 0) return settingsPage(request, reply, { errors, values, contrast }, 400);
  try {
    await saveSiteSettings(request.server.ctx, { id: request.user!.id, lang: request.lang }, parsed.data, image.upload);
  } catch (error) {
    if (error instanceof UnreadableImage) return settingsPage(request, reply, { errors: { logo: 'validation.image_unreadable' }, values }, 400);
    throw error;
  }
  return reply.redirect(`/${request.lang}/admin/site?saved=1`, 303);
}

/** The colours as a stylesheet, named by its content: a new setting is a new address. */
async function theme(request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) {
  const site = request.site ?? DEFAULT_SITE;
  if (!site.themeCss || site.themeUrl !== `/site/${request.params.file}`) throw notFound();
  return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(site.themeCss);
}

export const siteRoutes = [
  route('GET', '/site/:file', 'public', theme),
  route('GET', '/:lang/admin/site', 'site.manage', settingsPage),
  route('POST', '/:lang/admin/site', 'site.manage', postSettings, { csrf: false }),
];
