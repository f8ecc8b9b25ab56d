import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where uploads wait while their request is handled: one folder per request under
 * DATA_DIR/incoming. The data folder rather than the system's temporary one because /tmp is often
 * a RAM-backed tmpfs (Debian 13, Fedora, Arch), where a "file on disk" would still take memory, and
 * because the data folder is the disk the stored files go to, whose free space the health check
 * watches; each instance has its own, so a sweep sees only its own requests.
 */
export const incomingDir = (dataDir: string) => join(dataDir, 'incoming');

/** A request's folder is older than this only when its request is over and its removal was missed. */
export const INCOMING_MAX_AGE_MINUTES = 60;

export async function makeRequestFolder(dataDir: string): Promise<string> {
  const parent = incomingDir(dataDir);
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, 'request-'));
}

/**
 * Removes request folders left behind (a process killed mid-request, a removal that failed): those
 * where nothing was written for INCOMING_MAX_AGE_MINUTES. Run at start and with the hourly sweep of
 * stored files. Returns how many folders went.
 */
export async function sweepIncoming(dataDir: string, maxAgeMinutes = INCOMING_MAX_AGE_MINUTES): Promise<number> {
  const parent = incomingDir(dataDir);
  const names = await readdir(parent).catch(() => [] as string[]);
  const before = Date.now() - maxAgeMinutes * 60_000;
  let removed = 0;
  for (const name of names) {
    const folder = join(parent, name);
    if ((await lastWrite(folder)) < before) {
      await rm(folder, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/** The latest change to a folder or the files in it: a file still being received keeps its folder young. */
async function lastWrite(folder: string): Promise<number> {
  const info = await stat(folder).catch(() => null);
  if (!info) return Infinity;
  if (!info.isDirectory()) return info.mtimeMs;
  const names = await readdir(folder).catch(() => [] as string[]);
  const times = await Promise.all(names.map((name) => stat(join(folder, name)).then((file) => file.mtimeMs, () => 0)));
  return Math.max(info.mtimeMs, ...times);
}
