import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { defineDigestJob } from './digest/digest.ts';
import { queueRoutes } from './queue/routes.tsx';
import { registerDisplayPolicy } from './settings.ts';
import { settingsRoutes } from './settings-routes.tsx';
import { xliffRoutes } from './xliff/routes.tsx';

/** The translation workflow's routes (docs/architecture.md, "Translation workflow"). */
export const translationRoutes = [...queueRoutes, ...settingsRoutes, ...xliffRoutes];

/** What the app wires once: the public display policy per request, and the daily digest job. */
export function registerTranslationWorkflow(app: FastifyInstance, ctx: AppContext): void {
  registerDisplayPolicy(app);
  defineDigestJob(ctx);
}
