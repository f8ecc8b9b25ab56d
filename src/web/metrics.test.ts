import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { loadConfig } from '../config.ts';

const TOKEN = 'a-metrics-token-of-forty-characters-0123';
let t: TestApp;
let plain: TestApp;

beforeAll(async () => {
  t = await createTestApp({ metricsToken: TOKEN });
  plain = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  await plain?.close();
});

const scrape = (authorization?: string) =>
  t.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });

/** The value of one sample line of the exposition text (`name{labels} value`). */
function sample(text: string, line: string): number {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  if (!found) throw new Error(`no sample ${line} in\n${text.slice(0, 3000)}`);
  return Number(found.slice(line.length + 1));
}

describe('GET /metrics', () => {
  it('is a 404 unless METRICS_TOKEN is set, and refuses a token shorter than 32 characters', async () => {
    expect((await plain.app.inject('/metrics')).statusCode).toBe(404);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/at least 32 characters/);
  });

  it('answers 401 without the bearer token or with a wrong one', async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}x`)).statusCode).toBe(401);
    expect((await scrape(TOKEN)).statusCode).toBe(401);
  });

  it('counts requests and latencies by route, cache hits apart, and reports pool, queue and mail figures', async () => {
    const hitsBefore = t.app.ctx.pageCache.hits;
    for (let i = 0; i < 3; i++) expect((await t.app.inject('/fr/news')).statusCode).toBe(200);
    expect((await t.app.inject('/fr/news/no-such-item')).statusCode).toBe(404);
    await t.app.ctx.jobs.send('sessions.cleanup', {});
    await t.app.ctx.db
      .insertInto('outgoing_mail')
      .values([
        { purpose: 'test', headers: '{}', to_address: 'a@example.org', subject: 's', text_body: 'b', sent_at: new Date() },
        { purpose: 'test', headers: '{}', to_address: 'b@example.org', subject: 's', text_body: 'b', last_error: 'refused', attempts: 1 },
      ])
      .execute();

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    // The first view renders and is counted by route; the two next are cache hits, counted apart.
    expect(sample(text, 'passerelle_http_requests_total{method="GET",route="/:lang/news",status="200"}')).toBe(1);
    expect(sample(text, 'passerelle_http_requests_total{method="GET",route="/:lang/news/:slug",status="404"}')).toBe(1);
    expect(sample(text, 'passerelle_http_request_duration_seconds_count{method="GET",route="/:lang/news"}')).toBe(1);
    expect(sample(text, 'passerelle_page_cache_hits_total')).toBe(hitsBefore + 2);
    expect(sample(text, 'passerelle_page_cache_listening')).toBe(1);
    expect(sample(text, 'passerelle_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'passerelle_jobs_queued{queue="sessions.cleanup"}')).toBeGreaterThanOrEqual(1);
    const mail = await t.app.ctx.db.selectFrom('outgoing_mail').select(['sent_at', 'last_error']).execute();
    expect(sample(text, 'passerelle_mail{state="sent"}')).toBe(mail.filter((m) => m.sent_at).length);
    expect(sample(text, 'passerelle_mail{state="failing"}')).toBe(mail.filter((m) => !m.sent_at && m.last_error).length);
    expect(sample(text, 'passerelle_mail{state="failing"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('passerelle_process_resident_memory_bytes');
  });
});
