import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { route } from './routes.ts';

/** 200 when the database answers within two seconds, 503 otherwise. */
async function health(request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  try {
    await Promise.race([
      sql`SELECT 1`.execute(request.server.ctx.db),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
    ]);
    return { status: 'ok' };
  } catch {
    return reply.code(503).send({ status: 'unavailable' });
  }
}

export const healthRoutes = [route('GET', '/healthz', 'public', health)];
