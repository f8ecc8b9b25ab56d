import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { isUrgent } from '../db/priority-pool.ts';
import { Turns } from '../turns.ts';
import { HttpError } from './http-error.ts';

/** Answered at once whatever the load: monitors and the fingerprinted static files. */
const ALWAYS = /^\/(?:healthz|assets\/)/;

/**
 * Anonymous pages that miss the page cache are rendered a few at a time, the others waiting their
 * turn in order. Fifty renders at once (a crawler) interleave on the one JavaScript thread: each
 * took fifty times as long, and an editor's save, whose every step waited behind all of them, took
 * half a second where it takes 40 ms alone (issue 20). With a few at a time the machine is as busy
 * and as fast overall, and urgent work (db/priority-pool.ts: a signed-in person, a form posted),
 * which never waits here, shares the thread with a few renders only. A render that cannot start
 * within `waitMs` gets a 503 in the reader's language. Two per CPU, measured under the bench's mixed
 * load: one per CPU brought a save to 98 ms but anonymous throughput from 53 down to 31 pages/s (a
 * render waiting on the database left its CPU idle); two per CPU, 137 ms and 53 pages/s.
 */
export function limitAnonymousRenders(app: FastifyInstance, concurrent = 2 * os.availableParallelism(), waitMs = 10_000): void {
  const turns = new Turns(concurrent);
  const busy = () => new HttpError(503, 'error.site_busy', {}, { 'retry-after': '5' });
  app.addHook('onRequest', (request, reply, done) => {
    if (isUrgent() || ALWAYS.test(request.url)) return done();
    turns.take({ waitMs, timeout: busy }).then((giveBack) => {
      // The turn ends once the answer is sent or the client is gone ('finish' or 'close', whichever
      // comes: a test's injected response may not close), whatever happened in between.
      reply.raw.once('finish', giveBack).once('close', giveBack);
      done();
    }, done);
  });
}
