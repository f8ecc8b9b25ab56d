import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Lang } from '../../i18n/langs.ts';
import { notFound } from '../../web/http-error.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { bookletEdition, pdfStatus, saveBooklet } from './domain.ts';
import { parseBookletForm, type BookletValues } from './forms.ts';
import { bookletSettings } from './queries.ts';
import { BookletAdminPage, type BookletFormState } from './views/admin.tsx';
import { BookletPage, PreparingPage } from './views/booklet.tsx';

type EventRequest = FastifyRequest<{ Params: { lang: string; event: string }; Body: BookletValues; Querystring: { saved?: string } }>;
const eventSchema = { params: z.object({ lang: z.string(), event: z.string().max(100) }) };

/** The booklet's addresses: beside the programme it is made from, so an event without a call has one too. */
export const bookletPath = (lang: Lang, eventSlug: string) => `/${lang}/initiatives/programme/${eventSlug}/booklet`;

async function editionOf(request: EventRequest) {
  const edition = await bookletEdition(request.server.ctx.db, request.params.event, request.lang);
  if (!edition) throw notFound();
  return edition;
}

async function page(request: EventRequest, reply: FastifyReply) {
  const edition = await editionOf(request);
  const status = await pdfStatus(request.server.ctx, request.params.event, request.lang, edition.hash);
  // A page saying "being prepared" must not be kept by the page cache once the PDF is there.
  if (status.state !== 'ready') reply.header('cache-control', 'no-store');
  const url = bookletPath(request.lang, request.params.event);
  return sendPage(request, reply, {
    title: request.t('booklet.title', { event: edition.booklet.title }),
    description: request.t('booklet.intro'),
    body: (ctx) => <BookletPage ctx={ctx} booklet={edition.booklet} pdfUrl={`${url}.pdf`} status={status} />,
  });
}

async function pdf(request: EventRequest, reply: FastifyReply) {
  const edition = await editionOf(request);
  const ctx = request.server.ctx;
  const status = await pdfStatus(ctx, request.params.event, request.lang, edition.hash);
  const file = status.state === 'ready' ? await ctx.files.get(status.fileKey) : null;
  if (!file) {
    // Not made yet: 202 and a page saying so (with its progress), never an error.
    reply.header('cache-control', 'no-store').header('retry-after', '5');
    const shown = status.state === 'ready' ? { state: 'preparing' as const, progress: 0 } : status;
    return sendPage(request, reply, {
      title: request.t('booklet.preparing_title'),
      status: 202,
      body: (pageCtx) => <PreparingPage ctx={pageCtx} pageUrl={bookletPath(request.lang, request.params.event)} status={shown} />,
    });
  }
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${request.params.event}-booklet-${request.lang}.pdf"`)
    .header('etag', `"${edition.hash.slice(0, 32)}"`)
    .header('cache-control', 'public, max-age=300')
    .send(file);
}

async function adminPage(request: EventRequest, reply: FastifyReply, state: BookletFormState = {}, status = 200) {
  const edition = await editionOf(request);
  const stored = await bookletSettings(request.server.ctx.db, request.params.event);
  return sendPage(request, reply, {
    title: request.t('booklet.admin_title', { event: edition.booklet.title }),
    status,
    body: (ctx) => (
      <BookletAdminPage ctx={ctx} eventSlug={request.params.event} eventName={edition.booklet.title} stored={stored ?? null}
        state={{ ...state, saved: state.saved ?? request.query.saved === '1' }} />
    ),
  });
}

async function adminSave(request: EventRequest, reply: FastifyReply) {
  await editionOf(request);
  const values = (request.body ?? {}) as BookletValues;
  const parsed = parseBookletForm(values);
  if (!parsed.ok) return adminPage(request, reply, { errors: parsed.errors, values }, 400);
  await saveBooklet(request.server.ctx, request.user!.id, request.params.event, parsed.data);
  return reply.redirect(`/${request.lang}/admin/booklets/${request.params.event}?saved=1`, 303);
}

export const bookletRoutes = [
  route('GET', '/:lang/initiatives/programme/:event/booklet', 'public', page, { schema: eventSchema }),
  route('GET', '/:lang/initiatives/programme/:event/booklet.pdf', 'public', pdf, { schema: eventSchema }),
  route('GET', '/:lang/admin/booklets/:event', 'calls.manage', (request, reply) => adminPage(request as EventRequest, reply), { schema: eventSchema }),
  route('POST', '/:lang/admin/booklets/:event', 'calls.manage', adminSave, { schema: eventSchema }),
];
