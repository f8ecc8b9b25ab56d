import fs from 'node:fs/promises';

/**
 * Memory of process trees from /proc (Linux). RSS counts every page a process maps, so PostgreSQL's
 * backends, which share the server's buffers, count them once each; PSS divides each shared page
 * among the processes sharing it, so a sum of PSS is the memory the tree really occupies.
 */
export interface TreeMemory {
  processes: number;
  /** Each process, to see which one grew. */
  detail: { pid: number; name: string; rssKb: number; pssKb: number | null; pss: PssParts | null }[];
  rssKb: number;
  /** Null when a process's smaps_rollup could not be read. */
  pssKb: number | null;
}

/**
 * What a process's PSS is made of: anonymous (its heap: for node the JavaScript heap, buffers and
 * malloc; for a PostgreSQL backend its caches and work memory), file-backed (code and libraries,
 * shared with every process running the same binary), shared memory (PostgreSQL's shared_buffers
 * and lock tables, divided among its processes).
 */
export interface PssParts {
  anonKb: number;
  fileKb: number;
  shmemKb: number;
}

export interface MemoryAtRest {
  app: TreeMemory;
  /** Null on an external database server (not the bench's to measure). */
  database: TreeMemory | null;
  /** PSS when every process had one, else RSS (which over-counts shared memory). */
  totalKb: number;
  measure: 'pss' | 'rss';
}

export async function memoryAtRest(serverPid: number, postmasterPidFile?: string): Promise<MemoryAtRest> {
  const app = await treeMemory(serverPid);
  const postmaster = postmasterPidFile ? await readPostmasterPid(postmasterPidFile) : null;
  const database = postmaster ? await treeMemory(postmaster) : null;
  const trees = [app, ...(database ? [database] : [])];
  const allPss = trees.every((tree) => tree.pssKb !== null);
  const totalKb = trees.reduce((total, tree) => total + (allPss ? (tree.pssKb ?? 0) : tree.rssKb), 0);
  return { app, database, totalKb, measure: allPss ? 'pss' : 'rss' };
}

async function treeMemory(root: number): Promise<TreeMemory> {
  const pids = await descendants(root);
  const detail = [];
  for (const pid of pids) {
    const rss = (await field(`/proc/${pid}/status`, 'VmRSS')) ?? 0;
    const rollup = await fs.readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => null);
    const pss = rollup === null ? null : numberIn(rollup, 'Pss');
    const parts = rollup === null ? null : { anonKb: numberIn(rollup, 'Pss_Anon') ?? 0, fileKb: numberIn(rollup, 'Pss_File') ?? 0, shmemKb: numberIn(rollup, 'Pss_Shmem') ?? 0 };
    const name = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean).join(' ').slice(0, 80);
    detail.push({ pid, name, rssKb: rss, pssKb: pss, pss: parts });
  }
  const rssKb = detail.reduce((sum, p) => sum + p.rssKb, 0);
  const pssKb = detail.some((p) => p.pssKb === null) ? null : detail.reduce((sum, p) => sum + (p.pssKb ?? 0), 0);
  return { processes: pids.length, detail, rssKb, pssKb };
}

/** The root and every process below it (PostgreSQL's backends and helpers are its children). */
async function descendants(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = await field(`/proc/${entry}/status`, 'PPid');
    if (ppid !== null) parents.set(Number(entry), ppid);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** A "Name:   1234 kB" line's number, or null (process gone, file unreadable). */
async function field(file: string, name: string): Promise<number | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  return text === null ? null : numberIn(text, name);
}

function numberIn(text: string, name: string): number | null {
  const match = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text);
  return match ? Number(match[1]) : null;
}

/** The parts of a tree's PSS, summed over its processes. */
export function pssParts(tree: TreeMemory): PssParts {
  const sum = (pick: (p: PssParts) => number) => tree.detail.reduce((total, p) => total + (p.pss ? pick(p.pss) : 0), 0);
  return { anonKb: sum((p) => p.anonKb), fileKb: sum((p) => p.fileKb), shmemKb: sum((p) => p.shmemKb) };
}

async function readPostmasterPid(file: string): Promise<number | null> {
  const pid = Number((await fs.readFile(file, 'utf8').catch(() => '')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}
