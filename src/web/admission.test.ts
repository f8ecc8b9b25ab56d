import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { asUrgent } from '../db/priority-pool.ts';
import { limitAnonymousRenders } from './admission.ts';
import { HttpError } from './http-error.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let app: FastifyInstance;
afterEach(() => app?.close());

/** A server whose pages take `ms` to render, counting how many render at once. */
async function slowSite(concurrent: number, waitMs: number, ms = 100) {
  app = Fastify();
  // As request-context.ts does for a signed-in person: the rest of the request runs as urgent.
  app.addHook('onRequest', (request, reply, done) => (request.headers['x-signed-in'] ? asUrgent(done) : done()));
  limitAnonymousRenders(app, concurrent, waitMs);
  app.setErrorHandler((error, request, reply) => {
    const status = error instanceof HttpError ? error.status : 500;
    void reply.code(status).headers(error instanceof HttpError ? error.headers : {}).send(error instanceof HttpError ? error.code : 'oops');
  });
  const seen = { now: 0, most: 0 };
  app.get('/en/page', async () => {
    seen.now++;
    seen.most = Math.max(seen.most, seen.now);
    await pause(ms);
    seen.now--;
    return 'page';
  });
  app.get('/healthz', async () => 'ok');
  await app.ready();
  return seen;
}

describe('anonymous renders a few at a time', () => {
  it('renders at most the limit at once and answers every request in the end', async () => {
    const seen = await slowSite(3, 5_000);
    const answers = await Promise.all(Array.from({ length: 12 }, () => app.inject('/en/page')));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(12).fill(200));
    expect(seen.most).toBe(3);
  });

  it('lets a signed-in person and /healthz through at once, however many renders wait', async () => {
    await slowSite(1, 5_000, 150);
    const started = Date.now();
    const crowd = Promise.all(Array.from({ length: 6 }, () => app.inject('/en/page')));
    await pause(10);
    const [editor, health] = await Promise.all([
      app.inject({ url: '/en/page', headers: { 'x-signed-in': '1' } }).then((answer) => ({ answer, ms: Date.now() - started })),
      app.inject('/healthz').then((answer) => ({ answer, ms: Date.now() - started })),
    ]);
    expect(editor.answer.statusCode).toBe(200);
    expect(health.answer.statusCode).toBe(200);
    // The crowd takes 6 × 150 ms one at a time; neither waited for it.
    expect(editor.ms).toBeLessThan(400);
    expect(health.ms).toBeLessThan(400);
    await crowd;
  });

  it('answers 503 with Retry-After to a render that cannot start in time, and the turns are not lost', async () => {
    await slowSite(1, 100, 300);
    const [first, second] = await Promise.all([app.inject('/en/page'), app.inject('/en/page')]);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(503);
    expect(second.body).toBe('error.site_busy');
    expect(second.headers['retry-after']).toBe('5');
    // Both turns came back: two renders in a row still go through.
    expect((await app.inject('/en/page')).statusCode).toBe(200);
    expect((await app.inject('/en/page')).statusCode).toBe(200);
  });
});
