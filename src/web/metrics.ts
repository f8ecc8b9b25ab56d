import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';

/**
 * Prometheus metrics at GET /metrics, only when METRICS_TOKEN is set (then the scraper sends
 * `Authorization: Bearer TOKEN`); otherwise no hook is installed and the path is a 404.
 *
 * Page-cache hits, the fastest path, are never labelled per request: the cache counts them with a
 * plain integer that is read at scrape time, and the request hook returns at once for them.
 * Mail and queue figures are read from the database, so every instance reports the whole site's.
 * prom-client is loaded only when metrics are on (about 13 MB of memory otherwise spent for nothing).
 */
export async function registerMetrics(app: FastifyInstance): Promise<void> {
  const token = app.ctx.config.metricsToken;
  if (!token) return;
  const { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } = await import('prom-client');
  const { ctx } = app;
  const register = new Registry();
  collectDefaultMetrics({ register, prefix: 'passerelle_' });

  const requests = new Counter({
    name: 'passerelle_http_requests_total',
    help: 'HTTP requests answered (page-cache hits excluded: see passerelle_page_cache_hits_total), by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [register],
  });
  const durations = new Histogram({
    name: 'passerelle_http_request_duration_seconds',
    help: 'Time to answer a request that missed the page cache, by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [register],
  });
  new Counter({
    name: 'passerelle_page_cache_hits_total',
    help: 'Anonymous requests answered from the page cache',
    registers: [register],
    collect() {
      this.reset();
      this.inc(ctx.pageCache.hits);
    },
  });
  new Gauge({
    name: 'passerelle_page_cache_listening',
    help: '1 while the LISTEN connection that hears other instances’ changes is up',
    registers: [register],
    collect() {
      this.set(ctx.pageCache.listening ? 1 : 0);
    },
  });
  new Gauge({
    name: 'passerelle_db_pool_connections',
    help: 'Connections of the web process’s database pool: total, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [register],
    collect() {
      this.set({ state: 'total' }, ctx.pool.totalCount);
      this.set({ state: 'idle' }, ctx.pool.idleCount);
      this.set({ state: 'waiting' }, ctx.pool.waitingCount);
    },
  });
  new Gauge({
    name: 'passerelle_jobs_queued',
    help: 'Jobs waiting to run (created or retrying), by queue',
    labelNames: ['queue'] as const,
    registers: [register],
    async collect() {
      for (const [queue, size] of Object.entries(await ctx.jobs.queueSizes())) this.set({ queue }, size);
    },
  });
  new Gauge({
    name: 'passerelle_mail',
    help: 'Recorded outgoing messages: sent, pending, and pending after a failed attempt (failing)',
    labelNames: ['state'] as const,
    registers: [register],
    async collect() {
      const { rows } = await sql<{ sent: string; pending: string; failing: string }>`
        SELECT count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent,
               count(*) FILTER (WHERE sent_at IS NULL) AS pending,
               count(*) FILTER (WHERE sent_at IS NULL AND last_error IS NOT NULL) AS failing
        FROM outgoing_mail`.execute(ctx.db);
      for (const state of ['sent', 'pending', 'failing'] as const) this.set({ state }, Number(rows[0]?.[state] ?? 0));
    },
  });

  // A callback hook, not an async one: no promise per request, and cache hits leave at once.
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.getHeader('x-page-cache') !== 'hit') {
      const route = request.routeOptions.url ?? 'unmatched';
      requests.inc({ method: request.method, route, status: reply.statusCode });
      durations.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    }
    done();
  });

  const expected = crypto.createHash('sha256').update(`Bearer ${token}`).digest();
  app.get('/metrics', { schema: { hide: true }, config: { csrf: false } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const given = crypto.createHash('sha256').update(request.headers.authorization ?? '').digest();
    reply.header('cache-control', 'no-store');
    if (!crypto.timingSafeEqual(given, expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer').type('text/plain').send('unauthorized\n');
    }
    return reply.type(register.contentType).send(await register.metrics());
  });
}
