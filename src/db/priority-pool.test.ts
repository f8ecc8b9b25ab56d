import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp, type Visitor } from '../../test/helpers.ts';
import { asUrgent, isUrgent } from './priority-pool.ts';

let t: TestApp;
let editor: Visitor;

beforeAll(async () => {
  // A route saying how its request's queries would wait for a connection.
  t = await createTestApp({}, (app) => {
    const answer = async () => (isUrgent() ? 'urgent' : 'normal');
    app.get('/en/priority-probe', answer);
    app.post('/en/priority-probe', { config: { csrf: false } }, answer);
  });
  await createUser(t.app, 'priority-editor@example.org', ['editor']);
  editor = await signIn(t.app, 'priority-editor@example.org');
});
afterAll(() => t.close());

const db = () => t.app.ctx.db;
const POOL_SIZE = 10;

/** Every connection of the app's pool busy for `seconds`, as under a crawl of uncached pages. */
function occupyAll(seconds: number): Promise<unknown> {
  return Promise.allSettled(Array.from({ length: POOL_SIZE }, () => sql`SELECT pg_sleep(${seconds})`.execute(db())));
}

describe('connections handed out by priority', () => {
  it('serve work marked urgent before work that was waiting longer', async () => {
    const busy = occupyAll(0.4);
    const finished: string[] = [];
    const normal = Promise.all(Array.from({ length: 5 }, (_, i) => sql`SELECT 1`.execute(db()).then(() => finished.push(`normal ${i}`))));
    const urgent = asUrgent(() => sql`SELECT 1`.execute(db()).then(() => finished.push('urgent')));
    await Promise.all([busy, normal, urgent]);
    expect(finished[0]).toBe('urgent');
    expect(finished).toHaveLength(6);
  });

  it('are urgent for a signed-in person and for any form posted, not for anonymous page views', async () => {
    const anonymousGet = await t.app.inject('/en/priority-probe');
    const signedInGet = await editor.get('/en/priority-probe');
    const anonymousPost = await t.app.inject({ method: 'POST', url: '/en/priority-probe' });
    expect([anonymousGet.body, signedInGet.body, anonymousPost.body]).toEqual(['normal', 'urgent', 'urgent']);
  });

  it('give up after five seconds with the error the 503 page answers', async () => {
    const busy = occupyAll(6);
    const started = Date.now();
    await expect(sql`SELECT 1`.execute(db())).rejects.toThrow('timeout exceeded when trying to connect');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
    await busy;
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db())).rows[0]!.one).toBe(1);
  }, 20_000);
});
