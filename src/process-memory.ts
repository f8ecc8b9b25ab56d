import { readFile } from 'node:fs/promises';

/** A process's resident memory in megabytes from /proc (Linux); null where there is no /proc. */
export async function residentMb(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kb = status ? /VmRSS:\s+(\d+) kB/.exec(status)?.[1] : undefined;
  return kb ? Number(kb) / 1024 : null;
}
