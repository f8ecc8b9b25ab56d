import { readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/**
 * Who runs the embedded PostgreSQL of a data folder. The process that starts it writes
 * `DATA_DIR/pg.lock` (its pid, its start time, the port, and whether it is a server or a one-off
 * command); every other process reads it, and either connects to that PostgreSQL or waits. A lock
 * whose process is gone (kill -9, a reboot) is stale: it is told apart from a live one by the
 * process (alive, and the same process: its start time guards against a reused pid) and the port.
 */
export interface LockRecord {
  pid: number;
  /** The process's start time (/proc/PID/stat field 22), so a reused pid is not taken for the owner. */
  started: string | null;
  port: number;
  /** A server (`start`, `worker`) lends its PostgreSQL to commands; a one-off command does not. */
  role: 'server' | 'command';
  command: string;
}

export const lockFile = (dataDir: string) => path.join(dataDir, 'pg.lock');

export async function readLock(dataDir: string): Promise<LockRecord | null> {
  const content = await fs.readFile(lockFile(dataDir), 'utf8').catch(() => null);
  if (content === null) return null;
  try {
    const record = JSON.parse(content) as LockRecord;
    return Number.isInteger(record.pid) && Number.isInteger(record.port) ? record : { ...record, pid: 0 };
  } catch {
    // A lock cut short by a crash while it was written: nobody holds it.
    return { pid: 0, started: null, port: 0, role: 'command', command: '' };
  }
}

/** Takes the lock if nobody holds it (exclusive create: of two processes, one wins). */
export async function claimLock(dataDir: string, record: Omit<LockRecord, 'pid' | 'started'>): Promise<boolean> {
  const full: LockRecord = { pid: process.pid, started: await processStart(process.pid), ...record };
  try {
    await fs.writeFile(lockFile(dataDir), JSON.stringify(full), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Removes the lock, only if it is still this process's. */
export async function releaseLock(dataDir: string): Promise<void> {
  const record = await readLock(dataDir);
  if (record?.pid === process.pid) await fs.rm(lockFile(dataDir), { force: true });
}

/** The same, at process exit (only synchronous work runs there). */
export function releaseLockAtExit(dataDir: string): () => void {
  const release = () => {
    try {
      if ((JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as LockRecord).pid === process.pid) rmSync(lockFile(dataDir), { force: true });
    } catch {
      // No lock, or not ours: nothing to release.
    }
  };
  process.once('exit', release);
  return () => process.off('exit', release);
}

export async function removeStaleLock(dataDir: string, stale: LockRecord): Promise<void> {
  const now = await readLock(dataDir);
  if (now && now.pid === stale.pid && now.started === stale.started) await fs.rm(lockFile(dataDir), { force: true });
}

/** The lock's process still runs (and is the same process that wrote it). */
export async function isHolderAlive(record: LockRecord): Promise<boolean> {
  if (record.pid <= 0 || !isAlive(record.pid)) return false;
  if (record.started === null) return true;
  return (await processStart(record.pid)) === record.started;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A process that has ended but whose parent has not reaped it yet (a zombie) still answers kill 0.
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Field 22 of /proc/PID/stat (start time in clock ticks since boot); null where there is no /proc. */
async function processStart(pid: number): Promise<string | null> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

export function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * A PostgreSQL still running on this data directory while no live process holds the lock: its app
 * was killed. It is asked to shut down (fast shutdown, then immediate), and its `postmaster.pid` is
 * cleared; a `postmaster.pid` naming a process that is gone (or is not PostgreSQL) is just removed.
 * A PostgreSQL whose parent is still a live node process (a Passerelle without the lock file, an
 * older version) is not touched: that is an error for a person to look at.
 */
export async function stopOrphanedServer(databaseDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  let content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (content === null) return;
  // PostgreSQL writes the file in steps: one caught while being written is read again a moment later.
  if (content.split('\n').length < 3) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    content = await fs.readFile(pidFile, 'utf8').catch(() => '');
  }
  const [pidLine, dirLine] = content.split('\n');
  const pid = Number(pidLine);
  const sameDirectory = dirLine !== undefined && path.resolve(dirLine) === path.resolve(databaseDir);
  if (Number.isInteger(pid) && pid > 0 && sameDirectory && (await isPostgresProcess(pid))) {
    const parent = await parentOf(pid);
    if (parent !== null && parent > 1 && (await isNodeProcess(parent))) {
      throw new Error(`a PostgreSQL (pid ${pid}) started by another program (pid ${parent}) runs on ${databaseDir}; stop that program first`);
    }
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left on ${databaseDir}`);
    process.kill(pid, 'SIGINT');
    if (!(await waitUntil(async () => !(await isPostgresProcess(pid)), 20_000))) {
      process.kill(pid, 'SIGQUIT');
      if (!(await waitUntil(async () => !(await isPostgresProcess(pid)), 10_000))) {
        throw new Error(`the orphaned PostgreSQL (pid ${pid}) on ${databaseDir} does not stop`);
      }
    }
  }
  await fs.rm(pidFile, { force: true });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.split('\0')[0]?.endsWith('postgres') ?? false;
}

async function isNodeProcess(pid: number): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return /(^|\/)node(\d+)?$/.test(cmdline.split('\0')[0] ?? '');
}

async function parentOf(pid: number): Promise<number | null> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return false;
}
