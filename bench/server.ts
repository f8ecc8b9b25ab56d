import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../src/db/embedded.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Resolves once /healthz answers 200; rejects, with the server's last output, if it never does. */
  ready(): Promise<void>;
  /** Resolves once `path` answers 200 (polled every 50 ms), with the same rejection. */
  answers(path: string, timeoutMs?: number): Promise<void>;
  /** SIGTERM (the app closes its pools and jobs, and a CPU profile gets written), SIGKILL if stuck; the exit code (null if killed). */
  stop(): Promise<number | null>;
  kill(): void;
  /** Where bench/memory-probe.mjs writes the server's memory breakdown on SIGUSR2 (see memory.ts). */
  probeFile: string;
}

export interface ServerOptions {
  /** The database to serve; absent, the server starts its own embedded PostgreSQL in dataDir (a first start). */
  databaseUrl?: string;
  dataDir: string;
  /** Extra node flags for the server process. */
  nodeOptions?: string;
  /** Where node --cpu-prof writes the server's profile on exit, when profiling. */
  profileDir?: string;
}

/**
 * The node flags and environment `npm start` gives the server (package.json's start script), so that the bench
 * measures the server as it is started, not a variant of it.
 */
function startCommand(): { flags: string[]; env: Record<string, string> } {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  const node = words.indexOf('node');
  // NAME=value before `node`: the malloc settings the process must have from its start.
  const env = Object.fromEntries(words.slice(0, node).map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]));
  return { flags: words.slice(node + 1, words.indexOf('bin/passerelle.mjs')), env };
}

/**
 * `passerelle start` in a child process, as in production (workers on, logs off), so the load
 * generator does not share the server's event loop. The database is already migrated and seeded:
 * `start` only migrates a non-empty one. Returned as soon as spawned, so the caller can arrange its
 * stop before waiting for it to be ready.
 */
export async function startServer({ databaseUrl, dataDir, nodeOptions, profileDir }: ServerOptions): Promise<ServerProcess> {
  const port = await findFreePort();
  const probeFile = path.join(dataDir, 'memory-probe.json');
  const baseUrl = `http://127.0.0.1:${port}`;
  const start = startCommand();
  const env: NodeJS.ProcessEnv = {
    ...start.env,
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: baseUrl,
    LOG_LEVEL: 'silent',
    RUN_WORKERS: 'true',
    NODE_ENV: 'production',
    PASSERELLE_MEMORY_PROBE: probeFile,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(' '),
  };
  delete env.SMTP_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  // No machine drafts: after the bulk load their job drafts thousands of synthetic texts for up to
  // ten minutes, clearing the page cache every 5 s, so cached targets would be measured half missing
  // (bench/fallback-count.ts measures the drafts). A path to nothing tells the app Apertium is absent.
  env.APERTIUM_BIN = path.join(dataDir, 'no-apertium');
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  // The probe is the bench's own: it only answers SIGUSR2, and `npm start` never loads it.
  const probe = ['--import', path.join(ROOT, 'bench/memory-probe.mjs')];
  const child = spawn(process.execPath, [...start.flags, ...profile, ...probe, path.join(ROOT, 'bin/passerelle.mjs'), 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = keepTail(child);
  const answers = (target: string, timeoutMs = 60_000) =>
    waitForAnswer(baseUrl, target, child, timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message}\n--- server output ---\n${output()}`);
    });
  return {
    pid: child.pid ?? 0,
    baseUrl,
    probeFile,
    ready: () => answers('/healthz'),
    answers,
    stop: () => stop(child),
    kill: () => void (isRunning(child) && child.kill('SIGKILL')),
  };
}

async function waitForAnswer(baseUrl: string, target: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error(`the server exited (code ${child.exitCode}) before answering ${target}`);
    const ok = await fetch(new URL(target, baseUrl)).then(async (response) => {
      await response.arrayBuffer();
      return response.status === 200;
    }, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server did not answer ${target} within ${timeoutMs / 1000} s`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (!isRunning(child)) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  // The app stops pg-boss gracefully (up to 10 s) before exiting.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** The last lines the server wrote, to explain a failed start. */
function keepTail(child: ChildProcess, max = 40): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - max));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}
