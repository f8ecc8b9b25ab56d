import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { apiRoutes } from './api/routes.ts';
import { openDataRoutes } from './api/open-data-page.tsx';
import { deleteExpiredSessions, sendSignInLink, SIGN_IN_LINK_JOB } from './auth/accounts.ts';
import { adminRoutes } from './auth/admin-routes.tsx';
import { authRoutes } from './auth/routes.tsx';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Database } from './db/database.ts';
import { JobQueue } from './jobs/queue.ts';
import { SCHEDULES } from './jobs/schedules.ts';
import { deleteExpiredPending, EXPIRE_PENDING_JOB } from './activities/registrations.ts';
import { defineMachineDraftJobs, registerMachineDraftTrigger } from './translations/machine/jobs.ts';
import { COMPACT_COUNTS_JOB, compactUnitCounts } from './translations/queue/queries.ts';
import { machineDraftRoutes } from './translations/machine/routes.tsx';
import { registerTranslationWorkflow, translationRoutes } from './translations/routes.ts';
import { BACKUP_JOB, backupSchedules, scheduledBackupJob } from './db/scheduled-backup.ts';
import { createMailer } from './mail/mailer.ts';
import { deliverMail, DELIVER_MAIL } from './mail/outbox.ts';
import { networkRoutes } from './network/routes.tsx';
import { activityRoutes } from './activities/routes.tsx';
import { activityApiRoutes } from './activities/api-routes.ts';
import { activityAdminRoutes } from './activities/admin-routes.tsx';
import { registrationRoutes } from './activities/registration-routes.tsx';
import { memberRoutes } from './members/routes.tsx';
import { memberAdminRoutes } from './members/admin-routes.tsx';
import { memberApiRoutes } from './members/api.ts';
import { governanceRoutes } from './governance/routes.tsx';
import { governanceAdminRoutes } from './governance/admin-routes.tsx';
import { governanceTextsRoutes } from './governance/texts.ts';
import { initiativeRoutes } from './initiatives/routes.tsx';
import { initiativeApiRoutes } from './initiatives/api.ts';
import { mapRoutes } from './map/routes.tsx';
import { newsletterAdminRoutes } from './newsletter/routes.tsx';
import { newsletterPublicRoutes } from './newsletter/public-routes.tsx';
import { defineNewsletterJobs, resumeSending } from './newsletter/jobs.ts';
import { registerAssets } from './web/asset-routes.ts';
import { registerFormParser } from './web/body.ts';
import { registerUploadCleanup } from './web/uploads.ts';
import { sweepIncoming } from './web/incoming.ts';
import { registerErrorPages, sendError, toHttpError } from './web/errors.tsx';
import { healthRoutes } from './web/health.ts';
import { registerMetrics } from './web/metrics.ts';
import { registerInputGuard } from './web/input-guard.ts';
import { HttpError } from './web/http-error.ts';
import { PageCache } from './web/page-cache.ts';
import { createFileStorage } from './storage/create.ts';
import { UploadGate } from './web/upload-gate.ts';
import { cacheInFront, registerPageCache } from './web/page-cache-hooks.ts';
import { registerRequestContext } from './web/request-context.ts';
import { limitAnonymousRenders } from './web/admission.ts';
import { registerRoutes } from './web/routes.ts';
import { subscriberRoutes } from './subscribers/routes.tsx';
import { subscriberAdminRoutes } from './subscribers/admin-routes.tsx';
import { newsRoutes } from './news/routes.tsx';
import { newsSubmitRoutes } from './news/submit-routes.tsx';
import { newsAdminRoutes } from './news/admin-routes.tsx';
import { newsApiRoutes } from './news/api.ts';
import { libraryRoutes } from './library/routes.tsx';
import { libraryAdminRoutes } from './library/admin-routes.tsx';
import { initiativeAdminRoutes } from './initiatives/admin-routes.tsx';
import { libraryApiRoutes } from './library/api.ts';
import { searchRoutes } from './search/routes.tsx';
import { placeAdminRoutes } from './places/admin-routes.tsx';
import { searchApiRoutes } from './search/api.ts';
import { sitemapRoutes } from './web/sitemap-routes.ts';
import { registerSiteSettings, siteRoutes } from './site/routes.tsx';
import { SiteSettingsStore } from './site/settings.ts';
import { imageRoutes } from './images/routes.ts';
import { activityPhotoRoutes } from './activities/photo-routes.tsx';
import { statsRoutes } from './stats/routes.tsx';
import { EXTRACT_JOB } from './library/domain.ts';
import { runExtraction } from './library/extract.ts';
import { EXPIRE_DRAFTS_JOB, expireAbandonedDrafts } from './members/draft-limits.ts';
import { EXPIRE_SUBMISSION_DRAFTS_JOB, expireAbandonedSubmissionDrafts } from './calls/submit/expiry.ts';
import { SWEEP_JOB, sweepUnreferencedFiles } from './storage/sweep.ts';
import { bookletRoutes } from './calls/booklet/routes.tsx';
import { followContentChanges } from './db/content-memo.ts';
import { reviewRoutes } from './calls/review/index.ts';
import { callSubmitAdminRoutes, callSubmitRoutes } from './calls/submit/index.ts';
import { callSelectionRoutes, defineSelectionJobs } from './calls/selection/index.ts';
import { callAdminRoutes } from './calls/admin/routes.tsx';
import { callPublicRoutes } from './calls/public/routes.tsx';
import { defineBookletJobs, enqueueStandingBooklets } from './calls/booklet/domain.ts';
import { defineFeeJobs } from './members/fees/jobs.ts';
import { noticeRoutes } from './notices/routes.tsx';
import { outreachRoutes } from './activities/outreach-routes.tsx';
import { sendDigests } from './notices/domain.ts';
import { feeRoutes } from './members/fees/routes.tsx';
import { deleteExpiredRateLimits, postgresRateLimitStore, RATE_LIMIT_CLEANUP_JOB } from './web/rate-limit-store.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
}

/** The composition root: builds every shared service once and wires the modules' route tables. */
export async function buildApp({ config, database }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Sign-in link tokens travel in URLs: they are cut out of every logged request line.
      serializers: { req: (req) => ({ method: req.method, url: redactSecrets(req.url) }) },
      redact: ['req.headers.cookie', 'req.headers.authorization'],
    },
    bodyLimit: config.bodyLimit,
    // One line per request only when debugging: at full load it would cost more than the page.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' }),
    // Malformed URLs (bad percent-encoding, invalid UTF-8) get the same localized 400 page.
    frameworkErrors: (error, request, reply) => sendError(request, reply, toHttpError(error)),
    // Page-cache hits are answered before Fastify sees them (ctx is built below, before any request).
    serverFactory: cacheInFront(() => ctx.pageCache),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const pageCache = new PageCache(database.pool, (message) => app.log.warn(message));
  const ctx: AppContext = {
    config,
    db: database.db,
    pool: database.pool,
    mailer: createMailer(config),
    jobs: new JobQueue(database.url, (message) => app.log.warn(message)),
    pageCache,
    files: await createFileStorage(config),
    uploads: new UploadGate(),
    site: new SiteSettingsStore(database.db, pageCache),
  };
  // Reference data (themes, events…) is kept until a change clears the page cache (db/content-memo.ts).
  followContentChanges(database.db, () => (pageCache.listening ? pageCache.generation : null));
  app.decorate('ctx', ctx);
  defineJobs(ctx);

  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies },
  });
  // Per-field size and type rules are checked in web/uploads.ts; these are the outer bounds.
  await app.register(fastifyMultipart, { limits: { fileSize: 25 * 1024 * 1024, files: 10, fields: 200, fieldSize: 100_000 } });
  registerUploadCleanup(app);
  await app.register(fastifyRateLimit, {
    // Only routes declaring a limit are counted (page-cache hits and other routes touch no table);
    // counts live in PostgreSQL so that several instances share one limit.
    global: false,
    store: postgresRateLimitStore(database.pool, (message) => app.log.warn(message)),
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'error.rate_limited', {}, { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        // No web fonts are served; helmet's default would allow any https: or data: font.
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Passerelle API', version: '1', description: 'Open data of the Global Social Economy Forum' },
      servers: [{ url: config.baseUrl }],
    },
    transform: (input) =>
      input.url.startsWith('/api/v1/') ? jsonSchemaTransform(input) : { schema: { ...input.schema, hide: true }, url: input.url },
  });

  registerFormParser(app);
  registerRequestContext(app);
  limitAnonymousRenders(app);
  registerInputGuard(app);
  registerPageCache(app);
  registerSiteSettings(app);
  registerTranslationWorkflow(app, ctx);
  await registerMetrics(app);
  registerErrorPages(app);
  registerAssets(app);
  registerRoutes(app, [...networkRoutes, ...memberRoutes, ...memberAdminRoutes, ...memberApiRoutes, ...governanceRoutes, ...governanceAdminRoutes, ...governanceTextsRoutes, ...initiativeRoutes, ...initiativeAdminRoutes, ...initiativeApiRoutes, ...mapRoutes, ...activityRoutes, ...activityApiRoutes, ...activityAdminRoutes, ...registrationRoutes, ...authRoutes, ...adminRoutes, ...apiRoutes, ...openDataRoutes, ...healthRoutes, ...newsletterAdminRoutes, ...newsletterPublicRoutes, ...libraryRoutes, ...libraryAdminRoutes, ...libraryApiRoutes, ...searchRoutes, ...searchApiRoutes, ...subscriberRoutes, ...subscriberAdminRoutes, ...newsSubmitRoutes, ...newsRoutes, ...newsAdminRoutes, ...newsApiRoutes, ...statsRoutes, ...placeAdminRoutes, ...siteRoutes, ...imageRoutes, ...activityPhotoRoutes, ...sitemapRoutes, ...feeRoutes, ...machineDraftRoutes, ...translationRoutes]);
  registerRoutes(app, [...noticeRoutes, ...outreachRoutes]);
  registerRoutes(app, bookletRoutes);
  registerRoutes(app, reviewRoutes);
  registerRoutes(app, [...callSubmitRoutes, ...callSubmitAdminRoutes]);
  registerRoutes(app, callSelectionRoutes);
  registerRoutes(app, [...callPublicRoutes, ...callAdminRoutes]);
  registerMachineDraftTrigger(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onReady', async () => {
    // Uploads' request folders a killed process left behind (web/incoming.ts).
    await sweepIncoming(config.dataDir);
    await ctx.jobs.start({ work: config.runWorkers, schedules: [...SCHEDULES, ...backupSchedules(config)] });
    if (config.runWorkers) await resumeSending(ctx);
    // The booklets of the programmes in the data (GSEF2018 in fr and en) are made on a fresh start.
    if (config.runWorkers) await enqueueStandingBooklets(ctx);
    await ctx.pageCache.listen();
  });
  app.addHook('onClose', async () => {
    await ctx.jobs.stop();
    ctx.pageCache.close();
    ctx.mailer.close();
  });
  return app;
}

function defineJobs(ctx: AppContext): void {
  ctx.jobs.define<{ mailId: number }>({ name: DELIVER_MAIL, run: (data) => deliverMail(ctx, data.mailId) });
  ctx.jobs.define<{ email: string; lang: 'en' | 'fr' | 'es' | 'ko' }>({ name: SIGN_IN_LINK_JOB, run: (data) => sendSignInLink(ctx, data.email, data.lang), retryLimit: 2 });
  ctx.jobs.define({ name: 'sessions.cleanup', run: () => deleteExpiredSessions(ctx.db), retryLimit: 1 });
  defineNewsletterJobs(ctx);
  ctx.jobs.define<{ fileId: number }>({ name: EXTRACT_JOB, run: (data) => runExtraction(ctx, data.fileId), retryLimit: 3, retryDelay: 60 });
  ctx.jobs.define({ name: EXPIRE_DRAFTS_JOB, run: async () => void (await expireAbandonedDrafts(ctx)), retryLimit: 1 });
  ctx.jobs.define({ name: EXPIRE_SUBMISSION_DRAFTS_JOB, run: async () => void (await expireAbandonedSubmissionDrafts(ctx)), retryLimit: 1 });
  ctx.jobs.define({ name: RATE_LIMIT_CLEANUP_JOB, run: async () => void (await deleteExpiredRateLimits(ctx.pool)), retryLimit: 1 });
  ctx.jobs.define({ name: SWEEP_JOB, run: async () => { await sweepUnreferencedFiles(ctx); await sweepIncoming(ctx.config.dataDir); }, retryLimit: 1 });
  // A failed backup is recorded and mailed, not retried: the next night's run tries again.
  defineBookletJobs(ctx);
  defineSelectionJobs(ctx);
  ctx.jobs.define({ name: BACKUP_JOB, run: () => scheduledBackupJob(ctx), retryLimit: 0 });
  defineFeeJobs(ctx);
  ctx.jobs.define({ name: 'notices.digest', run: async () => void (await sendDigests(ctx)), retryLimit: 2 });
  defineMachineDraftJobs(ctx);
  ctx.jobs.define({ name: COMPACT_COUNTS_JOB, run: async () => void (await compactUnitCounts(ctx.db)), retryLimit: 1 });
  ctx.jobs.define({ name: EXPIRE_PENDING_JOB, run: async () => void (await deleteExpiredPending(ctx.db)), retryLimit: 1 });
}

/** Paths whose next segment is a secret token (sign-in, drafts, cancellations, newsletter links). */
const SECRET_SEGMENT = /(\/(?:sign-in\/link|join|registrations|newsletter\/(?:confirm|preferences|unsubscribe))\/)[^/?#]+/g;

export function redactSecrets(url: string): string {
  return url.replace(SECRET_SEGMENT, '$1[redacted]');
}
