import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { TRANSLATABLE_FIELDS, type TranslatableField } from '../fields.ts';
import { ApertiumEngine } from './apertium.ts';
import { draftBatch, draftTargets } from './drafts.ts';
import { Drafter } from './translator.ts';

export const MACHINE_DRAFTS_JOB = 'translations.machine.drafts';

const drafters = new WeakMap<AppContext, Drafter>();

/** The app's drafter (Apertium at config.apertiumBinary), made once; its pairs are detected at first use. */
export function drafterFor(ctx: AppContext): Drafter {
  let drafter = drafters.get(ctx);
  if (!drafter) {
    drafter = new Drafter(new ApertiumEngine({ binary: ctx.config.apertiumBinary }));
    drafters.set(ctx, drafter);
  }
  return drafter;
}

export interface DraftRunOptions {
  fields?: readonly TranslatableField[];
  /** Rows per batch: one engine call per language pair each, so page serving gets the CPU back often. */
  batchSize?: number;
  /** Pause between batches, for the same reason. */
  pauseMs?: number;
  /** A run stops after this long and enqueues the next (jobs expire after 15 minutes). */
  budgetMs?: number;
  /** Only these row keys (the bench's 115 initiatives). */
  onlyKeys?: string[];
}

export interface DraftRunResult {
  available: boolean;
  drafted: number;
  rows: number;
  finished: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes the drafts every registered field lacks (missing, or outdated since its original changed),
 * batch by batch, clearing the page cache after batches that wrote (at most every 5 seconds, and at
 * the end) so public pages show them. Without Apertium it does nothing.
 */
export async function runMachineDrafts(ctx: AppContext, options: DraftRunOptions = {}): Promise<DraftRunResult> {
  const drafter = drafterFor(ctx);
  if (!(await drafter.available())) return { available: false, drafted: 0, rows: 0, finished: true };
  const { fields = TRANSLATABLE_FIELDS, batchSize = 25, pauseMs = 250, budgetMs = 10 * 60_000, onlyKeys } = options;
  const targets = await draftTargets(drafter);
  const deadline = Date.now() + budgetMs;
  let drafted = 0;
  let rows = 0;
  let unpublished = false;
  let lastClear = Date.now();
  const publish = async () => {
    if (!unpublished) return;
    await ctx.pageCache.invalidate();
    unpublished = false;
    lastClear = Date.now();
  };
  try {
    for (const field of fields) {
      let after: string | null = null;
      for (;;) {
        const batch = await draftBatch(ctx.db, drafter, field, targets, batchSize, after, onlyKeys);
        if (!batch.rows) break;
        drafted += batch.drafted;
        rows += batch.rows;
        after = batch.lastKey;
        if (batch.drafted) unpublished = true;
        if (Date.now() - lastClear > 5000) await publish();
        if (Date.now() > deadline) {
          await ctx.jobs.send(MACHINE_DRAFTS_JOB, {});
          return { available: true, drafted, rows, finished: false };
        }
        if (pauseMs) await sleep(pauseMs);
      }
    }
  } finally {
    await publish();
  }
  return { available: true, drafted, rows, finished: true };
}

export function defineMachineDraftJobs(ctx: AppContext): void {
  ctx.jobs.define({ name: MACHINE_DRAFTS_JOB, run: async () => void (await runMachineDrafts(ctx)), retryLimit: 2, retryDelay: 120 });
}

/** Queues a run (the back-fill and the periodic pass are the same job: it drafts whatever is missing). */
export async function enqueueMachineDrafts(ctx: AppContext, startAfterSeconds = 0): Promise<void> {
  if (!(await drafterFor(ctx).available())) return;
  await ctx.jobs.send(MACHINE_DRAFTS_JOB, {}, startAfterSeconds ? { startAfter: startAfterSeconds } : {});
}

const ADMIN_WRITE = /^\/(en|fr|es|ko)\/admin\//;

/**
 * After a successful back-office save anywhere, a run is queued a few seconds later (at most one
 * per 30 seconds per process): the save itself only pays for a timestamp comparison, never for
 * Apertium. The schedule (every 10 minutes) catches the rest (imports, the API, the CLI).
 */
export function registerMachineDraftTrigger(app: FastifyInstance): void {
  let lastQueued = 0;
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'POST' || reply.statusCode >= 400 || !ADMIN_WRITE.test(request.url)) return;
    if (Date.now() - lastQueued < 30_000) return;
    lastQueued = Date.now();
    enqueueMachineDrafts(app.ctx, 5).catch((error: Error) => app.log.warn(`machine drafts: ${error.message}`));
  });
}
