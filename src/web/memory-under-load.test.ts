import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../auth/accounts.ts';
import { createTestDatabase, multipart, SAMPLE_FILES } from '../../test/helpers.ts';
import { makePdfBomb } from '../../test/library-files.ts';
import { residentMb } from '../library/extract-process.ts';

/**
 * The web process's memory budget under hostile uploads: a real server (its own process, over a
 * fresh database) receives 20 parallel anonymous multipart requests and a PDF bomb; its resident
 * memory, sampled every 50 ms from /proc, must stay under BUDGET_MB above what it used at rest.
 */
const BUDGET_MB = 150;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let server: ChildProcess;
let dataDir = '';
let base = '';

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await addUser(database.db, { email: 'editor@example.org', name: 'editor', roles: ['editor'], lang: 'en', password: 'correct horse battery' }, null);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-memory-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'test/server-process.ts'], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', BASE_URL: base },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not start');
}, 90_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  await database?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function page(url: string, cookie = '') {
  const response = await fetch(`${base}${url}`, { headers: { cookie } });
  const fresh = cookiesOf(response);
  return { html: await response.text(), cookie: [cookie, fresh].filter(Boolean).join('; ') };
}

async function anonymousUpload(index: number): Promise<number> {
  // A pooled connection the server has just closed after a refusal can fail a request too.
  const { html, cookie } = await page('/en/join').catch(() => page('/en/join'));
  const document = { name: `d${index}.pdf`, type: 'application/pdf', content: Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(4 * 1024 * 1024, 0x20)]) };
  // Half forged (no token: refused at the first file), half with the page's token.
  const fields: Record<string, string> = { organisation_name: `Org ${index}`, email: `o${index}@example.org`, intent: 'save', ...(index % 2 ? { _csrf: tokenIn(html) } : {}) };
  // A forged one has no field at all: its file is the first part.
  const { payload, headers } = multipart(index % 2 ? fields : {}, { documents: document });
  try {
    const response = await fetch(`${base}/en/join`, { method: 'POST', body: new Uint8Array(payload), headers: { ...headers, cookie }, redirect: 'manual' });
    await response.arrayBuffer();
    return response.status;
  } catch {
    // The server answered before reading the body and closed the connection while we still sent it
    // (a refusal: the answer is lost to the reset). 0 stands for it.
    return 0;
  }
}

describe('the web process under hostile uploads', () => {
  it(`stays within ${BUDGET_MB} MB of its resting memory under 20 parallel anonymous uploads and a PDF bomb`, async () => {
    // A few pages first, so "at rest" includes what any visitor makes it load.
    for (const url of ['/en/', '/en/join', '/en/library', '/en/sign-in']) await page(url);
    // A fresh start makes the GSEF2018 booklets (Typst, in short-lived child processes): "at rest" is after them.
    for (const lang of ['fr', 'en']) {
      for (let i = 0; i < 300; i++) {
        const status = await fetch(`${base}/${lang}/initiatives/programme/gsef2018-bilbao/booklet.pdf`).then(async (r) => (await r.arrayBuffer(), r.status), () => 0);
        if (status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rest = (await residentMb(server.pid))!;
    let peak = rest;
    const sampler = setInterval(async () => (peak = Math.max(peak, (await residentMb(server.pid)) ?? 0)), 50);
    try {
      const signInPage = await page('/en/sign-in');
      const signIn = await fetch(`${base}/en/sign-in`, {
        method: 'POST', redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signInPage.cookie },
        body: new URLSearchParams({ email: 'editor@example.org', password: 'correct horse battery', _csrf: tokenIn(signInPage.html) }),
      });
      expect(signIn.status).toBe(303);
      const editor = [signInPage.cookie, cookiesOf(signIn)].join('; ');
      const slug = 'gsef-programme-of-activities-2019';
      const form = await page(`/en/admin/library/${slug}`, editor);
      const bomb = multipart({ _csrf: tokenIn(form.html), lang: 'en' }, { file: { name: 'bomb.pdf', type: 'application/pdf', content: await makePdfBomb(768) } });
      const uploaded = await fetch(`${base}/en/admin/library/${slug}/files`, { method: 'POST', body: new Uint8Array(bomb.payload), headers: { ...bomb.headers, cookie: form.cookie }, redirect: 'manual' });
      expect(uploaded.status).toBe(303);

      const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => anonymousUpload(i)));
      // Forged ones (even) are refused: 403, or earlier 429 (the address's quota is spent) or 503
      // (the gate is full), or a reset connection; real ones are saved (303) up to the address's five drafts a day.
      const forged = statuses.filter((_, i) => i % 2 === 0);
      const real = statuses.filter((_, i) => i % 2 === 1);
      expect(forged.every((s) => [0, 403, 429, 503].includes(s))).toBe(true);
      expect(real.every((s) => [0, 303, 429, 503].includes(s))).toBe(true);
      expect(real.filter((s) => s === 303).length).toBeLessThanOrEqual(5);

      // The server's worker picks the job up and refuses the bomb in its child process.
      let extraction = '';
      for (let i = 0; i < 300 && extraction !== 'failed'; i++) {
        const row = await database.db.selectFrom('resource_files').select(['extraction', 'extraction_error']).where('file_name', '=', 'bomb.pdf').executeTakeFirst();
        extraction = row?.extraction ?? '';
        if (extraction === 'failed') expect(row!.extraction_error).toBe('limit:memory');
        else await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(extraction).toBe('failed');
      // Still alive: a pooled socket the server closed after a refusal may reset once; a dead
      // server would refuse the second try too.
      expect(server.exitCode).toBeNull();
      const health = await fetch(`${base}/healthz`).catch(() => fetch(`${base}/healthz`));
      expect(health.status).toBe(200);
    } finally {
      clearInterval(sampler);
    }
    console.log(`web process RSS: ${rest.toFixed(0)} MB at rest, ${peak.toFixed(0)} MB at peak (+${(peak - rest).toFixed(0)} MB)`);
    expect(peak - rest).toBeLessThan(BUDGET_MB);
  }, 120_000);
});
