import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, Visitor } from '../../test/helpers.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { connect, type Database } from '../db/database.ts';
import { deleteExpiredRateLimits, postgresRateLimitStore } from './rate-limit-store.ts';

/** Two web instances over one database: a limit is counted once, whichever instance is asked. */
let database: Database & { name: string };
let dataDir: string;
const pools: Database[] = [];
let appA: FastifyInstance;
let appB: FastifyInstance;

async function instance(): Promise<FastifyInstance> {
  const own = connect(database.url, 4);
  pools.push(own);
  const config = loadConfig({}, { dataDir, logLevel: 'silent', runWorkers: false, baseUrl: 'http://passerelle.test' });
  const app = await buildApp({ config, database: own });
  await app.ready();
  return app;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-ratelimit-'));
  appA = await instance();
  appB = await instance();
}, 60_000);
afterAll(async () => {
  await appA?.close();
  await appB?.close();
  for (const pool of pools) await pool.close();
  await database?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

const attempt = (visitor: Visitor, i: number) =>
  visitor.post('/en/sign-in', { email: 'member@city.test', password: `guess ${i}` }).then((r) => r.statusCode);
const signInRows = () =>
  database.db.selectFrom('rate_limit_counts').selectAll().where('key', 'like', 'POST /:lang/sign-in %').execute();

describe('rate limits shared by several instances', () => {
  it('counts sign-in attempts from one address across both instances, at the one limit of 10', async () => {
    const onA = new Visitor(appA);
    const onB = new Visitor(appB, {}, onA.remoteAddress);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await attempt(i % 2 ? onB : onA, i));
    expect(statuses).toEqual(Array(10).fill(401));
    // Five on each: a per-process count would still let both through.
    expect(await attempt(onA, 10)).toBe(429);
    const refused = await onB.post('/en/sign-in', { email: 'member@city.test', password: 'guess 11' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Another address is not concerned, nor is another limited route from the same address.
    expect(await attempt(new Visitor(appB), 0)).toBe(401);
    const link = await onA.post('/en/sign-in/link', { 'link-email': 'member@city.test' }, { from: '/en/sign-in' });
    expect(link.statusCode).toBe(200);

    // No address is stored in the clear.
    const rows = await database.db.selectFrom('rate_limit_counts').select('key').execute();
    expect(rows.some((row) => row.key.includes(onA.remoteAddress))).toBe(false);
  });

  it('starts counting again at 1 once the window is over, and the cleanup deletes expired rows', async () => {
    const onA = new Visitor(appA);
    const onB = new Visitor(appB, {}, onA.remoteAddress);
    for (let i = 0; i < 10; i++) await attempt(i % 2 ? onB : onA, i);
    expect(await attempt(onB, 10)).toBe(429);

    // The minute passes (moved back rather than waited for).
    await database.db.updateTable('rate_limit_counts').set({ expires_at: new Date(Date.now() - 1000) }).where('key', 'like', 'POST /:lang/sign-in %').execute();
    expect(await attempt(onB, 11)).toBe(401);
    expect(await attempt(onA, 12)).toBe(401);
    // This address's row counts the two attempts of the new window (earlier tests' rows stay expired).
    const rows = await signInRows();
    expect(rows.filter((row) => row.expires_at > new Date()).map((row) => row.count)).toEqual([2]);

    await database.db.updateTable('rate_limit_counts').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect(await deleteExpiredRateLimits(database.pool)).toBeGreaterThan(0);
    expect(await database.db.selectFrom('rate_limit_counts').selectAll().execute()).toEqual([]);
  });

  it('does no database work for routes without a limit', async () => {
    const before = await database.db.selectFrom('rate_limit_counts').selectAll().execute();
    const visitor = new Visitor(appA);
    for (const url of ['/en/', '/en/', '/fr/sign-in', '/en/news']) expect((await visitor.get(url)).statusCode).toBe(200);
    expect(await database.db.selectFrom('rate_limit_counts').selectAll().execute()).toEqual(before);
  });

  it('fails open, with a warning, when the database is unreachable', async () => {
    // Port 1 on 127.0.0.1 refuses connections: the store's queries fail at once.
    const away = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
    away.on('error', () => {});
    const warnings: string[] = [];
    const app = Fastify();
    await app.register(fastifyRateLimit, { global: false, store: postgresRateLimitStore(away, (message) => warnings.push(message)) });
    app.post('/limited', { config: { rateLimit: { max: 1, timeWindow: 60_000 } } }, async () => 'ok');
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.inject({ method: 'POST', url: '/limited' })).statusCode);
      expect(statuses).toEqual([200, 200, 200]);
      expect(warnings).toHaveLength(3);
      expect(warnings[0]).toContain('rate limit not counted');
    } finally {
      await app.close();
      await away.end();
    }
  });
});
