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

/**
 * What the node server's memory is made of, from its own view (V8's heap, reserved and used, and
 * `external`: Buffers and compression contexts) asked through bench/memory-probe.mjs, and from the
 * kernel's (smaps): glibc's main heap, other anonymous mappings (V8's pages, malloc's other arenas,
 * thread stacks) and files. Null when the probe did not answer.
 */
export interface NodeBreakdown {
  heapUsedKb: number;
  heapTotalKb: number;
  /** Pages of V8's heap really resident (heapTotal is what it reserved). */
  heapPhysicalKb: number;
  externalKb: number;
  arrayBuffersKb: number;
  /** Each V8 space with a size of at least 1 MB: used / reserved. */
  spaces: { name: string; usedKb: number; sizeKb: number }[];
  /** Resident, by kind of mapping (smaps). */
  mappings: { brkHeapKb: number; anonymousKb: number; filesKb: number; otherKb: number };
}

export async function nodeBreakdown(pid: number, probeFile: string): Promise<NodeBreakdown | null> {
  await fs.rm(probeFile, { force: true });
  try {
    process.kill(pid, 'SIGUSR2');
  } catch {
    return null;
  }
  let text: string | null = null;
  for (let i = 0; i < 100 && text === null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = await fs.readFile(probeFile, 'utf8').catch(() => null);
  }
  if (text === null) return null;
  const probe = JSON.parse(text) as {
    usage: NodeJS.MemoryUsage;
    heap: { total_physical_size: number };
    spaces: { name: string; size: number; used: number }[];
  };
  const kb = (bytes: number) => Math.round(bytes / 1024);
  return {
    heapUsedKb: kb(probe.usage.heapUsed),
    heapTotalKb: kb(probe.usage.heapTotal),
    heapPhysicalKb: kb(probe.heap.total_physical_size),
    externalKb: kb(probe.usage.external),
    arrayBuffersKb: kb(probe.usage.arrayBuffers),
    spaces: probe.spaces.filter((s) => s.size >= 1024 * 1024).map((s) => ({ name: s.name, usedKb: kb(s.used), sizeKb: kb(s.size) })),
    mappings: await residentByMapping(pid),
  };
}

/** Rss of each mapping of /proc/<pid>/smaps, summed by kind. */
async function residentByMapping(pid: number): Promise<NodeBreakdown['mappings']> {
  const smaps = await fs.readFile(`/proc/${pid}/smaps`, 'utf8').catch(() => '');
  const sums = { brkHeapKb: 0, anonymousKb: 0, filesKb: 0, otherKb: 0 };
  let kind: keyof typeof sums = 'otherKb';
  for (const line of smaps.split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1] ?? '';
      kind = name === '[heap]' ? 'brkHeapKb' : name === '' ? 'anonymousKb' : name.startsWith('/') ? 'filesKb' : 'otherKb';
      continue;
    }
    const rss = /^Rss:\s+(\d+)/.exec(line);
    if (rss) sums[kind] += Number(rss[1]);
  }
  return sums;
}
