import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createUser, signIn } from '../../test/helpers.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { connect, type Database } from '../db/database.ts';

/**
 * Scaled out as docs/deploy.md describes: two web instances listening on their own ports (no proxy
 * in front), RUN_WORKERS=false, and two separate workers, all over one PostgreSQL database.
 */
let database: Database & { name: string };
let dataDir: string;
const pools: Database[] = [];
const apps: FastifyInstance[] = [];
let webA: FastifyInstance;
let urlA: string;
let urlB: string;

async function instance(runWorkers: boolean): Promise<FastifyInstance> {
  const own = connect(database.url, 4);
  pools.push(own);
  const config = loadConfig({}, { dataDir, logLevel: 'silent', runWorkers, baseUrl: 'http://passerelle.test', port: 0 });
  const app = await buildApp({ config, database: own });
  apps.push(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return app;
}
const addressOf = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-instances-'));
  webA = await instance(false);
  const webB = await instance(false);
  await instance(true);
  await instance(true);
  urlA = addressOf(webA);
  urlB = addressOf(webB);
}, 60_000);
afterAll(async () => {
  for (const app of apps) await app.close();
  for (const pool of pools) await pool.close();
  await database?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two web instances and two workers over one database', () => {
  it('a change saved through one instance is seen on the other, whose cached page is cleared', async () => {
    const slug = 'strategic-orientations-2019';
    const page = () => fetch(`${urlB}/en/news/${slug}`).then(async (r) => ({ cache: r.headers.get('x-page-cache'), body: await r.text() }));
    await page();
    expect((await page()).cache).toBe('hit');

    await createUser(webA, 'editor@example.org', ['editor']);
    const editor = await signIn(webA, 'editor@example.org');
    const row = await database.db.selectFrom('news_items').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
    const values: Record<string, string> = {};
    for (const lang of ['en', 'fr', 'es', 'ko'] as const) {
      for (const field of ['title', 'summary', 'body'] as const) values[`${field}_${lang}`] = row[field][lang]?.text ?? '';
      // A translation needs its summary: the seed has some titles without one.
      if (values[`title_${lang}`] && !values[`summary_${lang}`]) values[`summary_${lang}`] = values[`title_${lang}`]!;
      if (row.title[lang] && lang !== 'en') values[`status_${lang}`] = row.title[lang]!.status;
    }
    values.title_en = 'Four strategic orientations, seen from another instance';
    const saved = await editor.post(`/en/admin/news/${row.id}/texts`, values, { from: `/en/admin/news/${row.id}/texts` });
    expect(saved.statusCode, saved.body.match(/class="error[^<]*<[^]{0,600}/)?.[0]).toBe(303);

    await until(async () => (await page()).body.includes('seen from another instance'), 'instance B to show the change');
  });

  it('a job queued on a web instance runs once, on one of the workers', async () => {
    for (const email of ['one@example.org', 'two@example.org', 'three@example.org']) await createUser(webA, email, ['editor']);
    const before = await database.db.selectFrom('outgoing_mail').select('id').execute();
    // Sign-in links requested through both web instances: each ends in one message.
    for (const [url, email] of [[urlA, 'one@example.org'], [urlB, 'two@example.org'], [urlA, 'three@example.org']] as const) {
      const form = await fetch(`${url}/en/sign-in`);
      const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const response = await fetch(`${url}/en/sign-in/link`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ 'link-email': email, _csrf: token }),
      });
      expect(response.status, await response.clone().text().then((b) => b.slice(b.indexOf('<main'), b.indexOf('<main') + 800))).toBeLessThan(400);
    }
    const queued = () => database.db.selectFrom('outgoing_mail').selectAll().where('id', 'not in', before.length ? before.map((m) => m.id) : [0]).execute();
    // A link request is itself a job (the same work whether or not the account exists): the workers turn it into a message.
    await until(async () => (await queued()).length >= 3, 'the workers to queue the three messages');
    expect(await queued()).toHaveLength(3);
    await until(async () => (await queued()).every((mail) => mail.sent_at !== null), 'the workers to deliver the three messages');
    for (const mail of await queued()) expect(mail.attempts).toBe(1);
    const files = await fs.readdir(path.join(dataDir, 'outbox'));
    expect(files.filter((name) => name.endsWith('.eml'))).toHaveLength(3);
  });
});
