import { execFileSync } from 'node:child_process';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seed } from '../src/seed/load.ts';
import { Cleanup, onInterrupt } from './cleanup.ts';
import { createBenchDatabase } from './database.ts';
import { measureLoad } from './load.ts';
import { EDITOR, measureMixed, type MixedResult } from './mixed.ts';
import { addUser } from '../src/auth/accounts.ts';
import { memoryAtRest, nodeBreakdown } from './memory.ts';
import { parseOptions, USAGE, type BenchOptions } from './options.ts';
import { summariseProfiles } from './profile.ts';
import { checks, formatReport, writeResults, type BenchResults, type Check, type TargetResult } from './report.ts';
import { startServer } from './server.ts';
import { GENERATORS, MEASURES, TARGETS, WEIGHED_PAGE, type Target } from './targets.ts';
import { weighPage, type PageWeight } from './weight.ts';
import { bareServerRatio } from './bare.ts';
import { BARE_FEEDS, WEIGHED_PAGES } from './targets.ts';
import { measureFirstStart, type FirstStart } from './first-start.ts';
import { BOOKLET_JOB } from '../src/calls/booklet/domain.ts';

/**
 * `npm run bench`: a throw-away database seeded with the GSEF dataset plus synthetic rows, the real
 * server in a child process, then throughput, latency, page weight and memory against the project's
 * targets. A missed target is a figure, not a failure: only a bench that cannot run exits non-zero.
 */
const log = (message: string) => console.error(`bench: ${message}`);
/** The cached page loaded against a bare server. */
const BARE_PAGE = '/en/initiatives';
const FIRST_START = 'first start';
const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

async function bench(options: BenchOptions, cleanup: Cleanup): Promise<BenchResults> {
  // Other work on the machine takes CPU from the server: a high figure here means noisy results.
  const loadAverageBefore = os.loadavg()[0] ?? 0;
  const only = options.only;
  const targets = TARGETS.filter((t) => !only || only.some((text) => t.name.includes(text) || t.path.includes(text)));
  const timesFirstStart = !only || only.some((text) => FIRST_START.includes(text));
  if (targets.length === 0 && !timesFirstStart) throw new Error(`no target matches --only ${only?.join(',')}`);
  // First, while nothing else of the bench runs: a fresh data folder of its own, stopped before the rest.
  let firstStart: FirstStart | null = null;
  if (timesFirstStart) {
    log('first start: passerelle start on an empty data folder, until /healthz and /en/ answer');
    firstStart = await measureFirstStart(cleanup);
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-'));
  cleanup.defer('remove the data folder', () => fs.rm(dataDir, { recursive: true, force: true }), () =>
    fsSync.rmSync(dataDir, { recursive: true, force: true }),
  );
  log(`data folder ${dataDir}`);
  const database = await createBenchDatabase(dataDir, cleanup, log);
  const { dataset, measured } = await loadData(database.url, options.size, options.measures);

  log('starting the server');
  const profileDir = options.profile ? path.resolve('bench/results/profiles') : undefined;
  const server = await startServer({ databaseUrl: database.url, dataDir, nodeOptions: options.nodeOptions, profileDir });
  cleanup.defer('stop the server', async () => void (await server.stop()), () => server.kill());
  await server.ready();
  await startupJobsDone(database.url);
  const afterStart = await memoryAtRest(server.pid, database.postmasterPidFile);
  const cacheStates = await checkTargets(server.baseUrl, targets);
  const weight = { path: WEIGHED_PAGE, ...(await weighPage(server.baseUrl, WEIGHED_PAGE)) };
  // Every page type, as a browser asking for brotli or gzip receives it (each page twice: the
  // second answer comes from the page cache).
  const weights: Array<PageWeight & { path: string }> = [];
  for (const page of WEIGHED_PAGES) {
    await weighPage(server.baseUrl, page);
    weights.push({ path: page, ...(await weighPage(server.baseUrl, page)) });
  }

  const load: TargetResult[] = [];
  for (const target of targets) {
    log(`loading ${target.path} (${options.warmup} s warm-up + ${options.duration} s)`);
    const result = await measureLoad(new URL(target.path, server.baseUrl).toString(), options);
    load.push({ ...target, ...result, cache: cacheStates.get(target.path) ?? '-' });
  }
  // The cached page, and the large cached feeds loaded here, each against the same bytes.
  const barePaths = [BARE_PAGE, ...BARE_FEEDS.filter((feed) => targets.some((t) => t.path === feed))];
  const bare = [];
  for (const barePath of barePaths) {
    log(`loading ${barePath} against a bare node:http server sending the same bytes`);
    bare.push({ path: barePath, ...(await bareServerRatio(server.baseUrl, barePath, options)) });
  }
  let mixed: (MixedResult & { memoryAfter: Awaited<ReturnType<typeof memoryAtRest>> }) | null = null;
  if (options.mixed > 0) {
    log(`mixed cache-missing load: ${options.mixedConnections} connections for ${options.mixed} s, two editors saving`);
    const result = await measureMixed(server.baseUrl, { connections: options.mixedConnections, duration: options.mixed, acceptEncoding: options.acceptEncoding, size: options.size, editors: 2 });
    mixed = { ...result, memoryAfter: await memoryAtRest(server.pid, database.postmasterPidFile) };
  }
  log(`idle for ${options.idle} s, then reading memory`);
  await sleep(options.idle);
  const atRest = await memoryAtRest(server.pid, database.postmasterPidFile);
  const nodeAtRest = await nodeBreakdown(server.pid, server.probeFile);

  if (profileDir) {
    await server.stop();
    console.error(await summariseProfiles(profileDir));
  }
  const results: Omit<BenchResults, 'goals'> = {
    date: new Date().toISOString(),
    machine: { ...machine(), loadAverageBefore },
    options: {
      size: options.size,
      duration: options.duration,
      warmup: options.warmup,
      connections: options.connections,
      acceptEncoding: options.acceptEncoding,
      mixed: options.mixed,
      mixedConnections: options.mixedConnections,
      idle: options.idle,
      nodeOptions: options.nodeOptions,
    },
    database: database.kind,
    dataset,
    measured,
    load,
    weight,
    weights,
    bare,
    firstStart,
    mixed,
    memory: { afterStart, atRest, nodeAtRest },
  };
  return { ...results, goals: checks(results) };
}

/** Migrates, loads the GSEF seed, then every generator's synthetic rows. */
async function loadData(url: string, size: number, measures?: string[]): Promise<{ dataset: Record<string, number>; measured: Check[] }> {
  const database = connect(url, 2);
  try {
    await migrate(database.pool);
    await seed(database.db);
    await addUser(database.db, { email: EDITOR.email, name: 'Bench editor', roles: ['editor'], lang: 'en', password: EDITOR.password }, null);
    const dataset: Record<string, number> = {};
    for (const generator of GENERATORS) {
      log(`generating ${size} ${generator.name}`);
      dataset[generator.name] = await generator.seed(database.db, size);
    }
    // A site at rest after a bulk import: autovacuum has gathered planner statistics and set the
    // visibility map. Done here, it does not run during the measures and take a core from them.
    await sql`VACUUM ANALYZE`.execute(database.db);
    const measured: Check[] = [];
    for (const measure of MEASURES.filter((m) => !measures || measures.some((name) => m.name.includes(name)))) {
      log(`measuring ${measure.name}`);
      const result = await measure.run(database.db, url);
      console.log(typeof result === 'string' ? result : result.text);
      if (typeof result !== 'string') measured.push(...result.checks);
    }
    return { dataset, measured };
  } finally {
    // Closed before the server starts, so its connections do not count in the memory figures.
    await database.close();
  }
}

/**
 * The jobs a start enqueues (the programmes' booklets: a fresh database has none) clear the page
 * cache as each is made: loading before they are done would measure cached targets half missing.
 */
async function startupJobsDone(url: string, timeoutMs = 180_000): Promise<void> {
  const database = connect(url, 1);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await sql<{ pending: number }>`SELECT count(*)::int AS pending FROM pgboss.job WHERE name = ${BOOKLET_JOB} AND state < 'completed'`.execute(database.db);
      if ((rows[0]?.pending ?? 0) === 0) return;
      if (Date.now() > deadline) throw new Error(`${rows[0]?.pending} booklets still being made after ${timeoutMs / 1000} s`);
      await sleep(0.5);
    }
  } finally {
    await database.close();
  }
}

/**
 * Every target must answer 200 before it is loaded (a bench of 404s would look fast). The second
 * request tells whether the page cache serves it.
 */
async function checkTargets(baseUrl: string, targets: Target[]): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  for (const { path: target } of targets) {
    const url = new URL(target, baseUrl);
    const first = await fetch(url);
    await first.arrayBuffer();
    if (first.status !== 200) throw new Error(`${target} answered ${first.status}, not 200`);
    const second = await fetch(url);
    await second.arrayBuffer();
    states.set(target, second.headers.get('x-page-cache') ?? '-');
  }
  return states;
}

/** What a reader needs to compare two result files: the code measured and the machine. */
function machine() {
  let commit: string | null = null;
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
    commit = dirty ? `${hash} with local changes` : hash;
  } catch {
    // Not a git checkout: the figures stand without a commit.
  }
  return { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', commit };
}

async function main(): Promise<number> {
  let options: BenchOptions | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  const cleanup = new Cleanup();
  onInterrupt(cleanup, log);
  let code = 0;
  try {
    const results = await bench(options, cleanup);
    await writeResults(options.out, results);
    console.log(`\n${formatReport(results)}\n\nresults written to ${path.relative(process.cwd(), options.out)}`);
  } catch (error) {
    if (!cleanup.started) log(`failed: ${(error as Error).stack ?? error}`);
    code = 1;
  }
  if (!(await cleanup.run(log))) code = 1;
  return code;
}

process.exit(await main());
