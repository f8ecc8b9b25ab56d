import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Lang } from '../i18n/i18n.ts';
import { pick, textOf } from '../i18n/translatable.ts';
import { countBodies, getProfile, listBodies } from '../network/queries.ts';
import { HttpError } from '../web/http-error.ts';
import { route } from '../web/routes.ts';
import { errorResponse, langQuery, listQuery, listResponse } from './conventions.ts';

const textWithLang = z.object({ text: z.string(), lang: z.string(), status: z.string() }).nullable();

const bodyItem = z.object({
  slug: z.string(),
  kind: z.string(),
  name: z.string(),
  description: textWithLang,
  seats: z.number().nullable(),
  meets: z.string().nullable(),
});

const networkResponse = z.object({
  name: z.string(),
  acronym: z.string(),
  mission: textWithLang,
  launchedYear: z.number(),
  associationYear: z.number(),
  headquarters: z.object({ city: z.string(), country: z.string() }),
  officialLanguages: z.array(z.string()),
  workingLanguages: z.array(z.string()),
  website: z.string().nullable(),
});

async function network(request: FastifyRequest<{ Querystring: { lang: Lang } }>) {
  const profile = await getProfile(request.server.ctx.db);
  if (!profile) throw new HttpError(503, 'error.not_ready');
  const { lang } = request.query;
  return {
    name: textOf(profile.name, lang),
    acronym: profile.acronym,
    mission: pick(profile.mission, lang),
    launchedYear: profile.launched_year,
    associationYear: profile.association_year,
    headquarters: { city: textOf(profile.hq_city, lang), country: profile.hq_country },
    officialLanguages: profile.official_languages,
    workingLanguages: profile.working_languages,
    website: profile.website,
  };
}

async function bodies(request: FastifyRequest<{ Querystring: { lang: Lang; limit: number; offset: number } }>, reply: FastifyReply) {
  const { lang, limit, offset } = request.query;
  const { db } = request.server.ctx;
  const [total, page] = await Promise.all([countBodies(db), listBodies(db, { limit, offset })]);
  reply.header('cache-control', 'public, max-age=60');
  return {
    total,
    items: page.map((body) => ({
      slug: body.slug,
      kind: body.kind,
      name: textOf(body.name, lang),
      description: pick(body.description, lang),
      seats: body.seats,
      meets: body.meets,
    })),
  };
}

const errors = { 400: errorResponse };

export const apiRoutes = [
  route('GET', '/api/v1/network', 'public', network, {
    schema: { summary: 'The network: name, mission, languages', tags: ['network'], querystring: langQuery, response: { 200: networkResponse, ...errors } },
  }),
  route('GET', '/api/v1/bodies', 'public', bodies, {
    schema: { summary: 'Governing bodies', tags: ['network'], querystring: listQuery, response: { 200: listResponse(bodyItem), ...errors } },
  }),
];
