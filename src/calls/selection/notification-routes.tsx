import type { FastifyReply } from 'fastify';
import { recordAudit } from '../../audit/audit.ts';
import { LANGS, type Lang } from '../../i18n/langs.ts';
import { textOf } from '../../i18n/translatable.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { DECISIONS } from './domain.ts';
import { parseTemplates } from './forms.ts';
import { callTemplates, pendingRecipients, renderMail, saveTemplates, type Templates } from './mail.ts';
import { notificationProgress, releaseDecisions } from './notify.ts';
import type { CallRow } from './queries.ts';
import { callOf, callSchema, type CallRequest } from './routes.tsx';
import { PreviewPage, TemplatesPage, type PreviewGroup } from './views/notifications.tsx';

function templatesPage(request: CallRequest, reply: FastifyReply, call: CallRow, templates: Templates, errors?: Record<string, string>) {
  return sendPage(request, reply, {
    title: request.t('selection.mails_title', { call: textOf(call.title, request.lang) }),
    status: errors ? 400 : 200,
    body: (ctx) => <TemplatesPage ctx={ctx} call={call} templates={templates} errors={errors} saved={request.query.saved === '1'} />,
  });
}

async function templates(request: CallRequest, reply: FastifyReply) {
  const call = await callOf(request);
  return templatesPage(request, reply, call, await callTemplates(request.server.ctx.db, call.id));
}

async function saveTemplatesRoute(request: CallRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const parsed = parseTemplates(request.body ?? {});
  if (!parsed.ok) {
    const shown = await callTemplates(request.server.ctx.db, call.id);
    for (const lang of LANGS) for (const decision of DECISIONS) {
      shown[lang][decision] = { subject: String(request.body?.[`subject_${lang}_${decision}`] ?? ''), body: String(request.body?.[`body_${lang}_${decision}`] ?? '') };
    }
    return templatesPage(request, reply, call, shown, parsed.errors);
  }
  await request.server.ctx.db.transaction().execute(async (trx) => {
    await saveTemplates(trx, call.id, parsed.data);
    await recordAudit(trx, { actorId: request.user!.id, action: 'calls.selection.templates', entityType: 'call', entityId: call.id, details: { call: call.slug } });
  });
  return reply.redirect(`/${request.lang}/admin/calls/${call.slug}/notifications?saved=1`, 303);
}

/** The same rendering as the release uses (renderMail over the same templates and rows). */
async function preview(request: CallRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const db = request.server.ctx.db;
  const [stored, recipients, progress] = await Promise.all([callTemplates(db, call.id), pendingRecipients(db, call.id), notificationProgress(request.server.ctx, call.id)]);
  const groups: PreviewGroup[] = [];
  for (const lang of LANGS as readonly Lang[]) for (const decision of DECISIONS) {
    const members = recipients.filter((r) => r.lang === lang && r.decision === decision);
    if (members.length) groups.push({ lang, decision, count: members.length, mails: members.map((r) => renderMail(stored[lang][decision], call, r)) });
  }
  return sendPage(request, reply, {
    title: request.t('selection.preview_title', { call: textOf(call.title, request.lang) }),
    body: (ctx) => <PreviewPage ctx={ctx} call={call} groups={groups} progress={progress} />,
  });
}

async function release(request: CallRequest, reply: FastifyReply) {
  const call = await callOf(request);
  const count = await releaseDecisions(request.server.ctx, request.user!.id, call);
  return reply.redirect(`/${request.lang}/admin/calls/${call.slug}/selection?done=released&count=${count}`, 303);
}

const base = '/:lang/admin/calls/:slug/notifications';
export const notificationRoutes = [
  route('GET', base, 'calls.manage', templates, { schema: callSchema }),
  route('POST', base, 'calls.manage', saveTemplatesRoute, { schema: callSchema }),
  route('GET', `${base}/preview`, 'calls.manage', preview, { schema: callSchema }),
  route('POST', `${base}/release`, 'calls.manage', release, { schema: callSchema }),
];
