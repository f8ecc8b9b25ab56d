import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/embedded.ts';
import { BIN, cleanEnv } from './cli-process.ts';
import { pdfText } from './pdf-text.ts';

/**
 * Issue 12: the GSEF2018 programme in the data yields its booklet in French and English on a fresh
 * `npm start` (embedded PostgreSQL, empty DATA_DIR), with no one asking for it first.
 */
const dirs: string[] = [];
let server: ChildProcess | undefined;
afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | null>, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const found = await probe().catch(() => null);
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not happen within ${seconds} s`);
}

describe('a fresh start', () => {
  it('makes the GSEF2018 booklet in French and English by itself', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-booklet-start-'));
    dirs.push(dataDir);
    const port = await findFreePort();
    server = spawn(process.execPath, [BIN, 'start'], { env: cleanEnv({ DATA_DIR: dataDir, PORT: String(port) }), stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    await until('the server answering', async () => ((await fetch(`${base}/healthz`)).ok ? true : null), 240);
    const pdfOf = (lang: string) => `${base}/${lang}/initiatives/programme/gsef2018-bilbao/booklet.pdf`;
    // English was asked for at start, after French: once it is ready, French is too, at its first request.
    const en = await until('the English booklet', async () => {
      const response = await fetch(pdfOf('en'));
      return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : null;
    }, 120);
    const fr = await fetch(pdfOf('fr'));
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-type')).toBe('application/pdf');
    for (const [name, pdf] of [['en', en], ['fr', Buffer.from(await fr.arrayBuffer())]] as const) {
      const text = pdfText(pdf);
      expect(text).toContain('9.3.4');
      expect(text).toContain(name === 'fr' ? 'Sommaire' : 'Contents');
    }
    // Its own waits (240 s to start, 120 s for the booklets) bound it, not the default 30 s: on a busy machine a fresh start takes longer.
  }, 400_000);
});
