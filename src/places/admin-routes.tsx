import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf } from '../i18n/translatable.ts';
import { parseInput, type FieldErrors } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { correctPlace, PLACE_TARGETS, placeForm, placeOf, UnknownCityError, type PlaceTarget } from './correction.ts';
import { Gazetteer } from './gazetteer.ts';
import { PlaceFormPage } from './views/place-form.tsx';

type Params = { lang: string; target: PlaceTarget; slug: string };
type Request = FastifyRequest<{ Params: Params; Body: Record<string, unknown> }>;
const params = { params: z.object({ lang: z.string(), target: z.enum(PLACE_TARGETS), slug: z.string().regex(/^[a-z0-9-]{1,200}$/) }) };

async function placePage(request: Request, reply: FastifyReply, state: { errors?: FieldErrors; values?: Record<string, unknown> } = {}, status = 200) {
  const row = await placeOf(request.server.ctx.db, request.params.target, request.params.slug);
  if (!row) throw notFound();
  const saved = (request.query as Record<string, unknown>).saved === '1';
  return sendPage(request, reply, {
    title: request.t('places.title', { name: textOf(row.name, request.lang) }), status,
    body: (ctx) => <PlaceFormPage ctx={ctx} target={request.params.target} row={row} state={state} saved={saved} />,
  });
}

async function postPlace(request: Request, reply: FastifyReply) {
  const row = await placeOf(request.server.ctx.db, request.params.target, request.params.slug);
  if (!row) throw notFound();
  const parsed = parseInput(placeForm, request.body);
  if (!parsed.ok) return placePage(request, reply, { errors: parsed.fields, values: request.body }, 400);
  try {
    await correctPlace(request.server.ctx, new Gazetteer(), request.user!.id, request.params.target, row, parsed.data);
  } catch (error) {
    if (error instanceof UnknownCityError) return placePage(request, reply, { errors: { city: 'validation.place_unknown_city' }, values: request.body }, 400);
    throw error;
  }
  return reply.redirect(`/${request.lang}/admin/places/${request.params.target}/${row.slug}?saved=1`, 303);
}

/** Staff correct where a member or an initiative is: the map, the GeoJSON and the lists follow. */
export const placeAdminRoutes = [
  route('GET', '/:lang/admin/places/:target/:slug', 'places.correct', (request, reply) => placePage(request as Request, reply), { schema: params }),
  route('POST', '/:lang/admin/places/:target/:slug', 'places.correct', (request, reply) => postPlace(request as Request, reply), { schema: params }),
];
