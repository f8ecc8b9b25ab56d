import { createRequire } from 'node:module';
import autocannon from 'autocannon';

/**
 * autocannon keeps every response body as a string (`body += chunk`) for `onResponse` and
 * `expectBody`, which the bench uses neither of. Decoding brotli bytes as UTF-8 costs the load
 * generator more than the server spends answering: profiled on a 35 kB body, 60 % of autocannon's CPU
 * went to Buffer#toString, and a bare node:http server sending those bytes got 1,100 req/s instead of
 * the thousands it serves. On a machine whose load generator and server share the CPUs this measured
 * autocannon, not the app; the body is counted, not kept.
 */
const PipelinedRequestsQueue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js') as { prototype: { addBody?: unknown } };
if (typeof PipelinedRequestsQueue.prototype.addBody !== 'function') throw new Error('autocannon changed: bench/load.ts no longer knows where it keeps response bodies');
PipelinedRequestsQueue.prototype.addBody = () => {};

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  connections: number;
  duration: number;
  warmup: number;
  /** Sent with every request ('' sends none): the app answers brotli or gzip when asked, as browsers and feed readers do. */
  acceptEncoding: string;
}

/**
 * Keeps `connections` requests in flight on one URL for `duration` seconds, after `warmup` seconds
 * whose figures are thrown away (the first requests pay for JIT compilation, new database
 * connections, and for pages, the first render into the page cache).
 */
export async function measureLoad(url: string, { connections, duration, warmup, acceptEncoding }: LoadOptions): Promise<LoadResult> {
  const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
  if (warmup > 0) await autocannon({ url, connections, duration: warmup, headers });
  const result = await autocannon({ url, connections, duration, headers });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
