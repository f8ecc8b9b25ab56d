// Compiles src/ and seed/ to plain JavaScript in .build/ (tsc), with the files the code reads beside
// it (catalogs, migrations, static assets). Running compiled JavaScript instead of loading
// TypeScript through tsx saves about 40 MB of memory per process. Rebuilds only when a source is
// newer than the last build, and builds aside then swaps, so concurrent starts never see half a build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.build');
const SOURCES = ['src', 'seed'];
// Catalogs, migrations, and everything under a static/ folder (served as is, scripts included).
const ASSET = /\.(json|sql|css|svg)$|[\\/]static[\\/]/;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

function newestSource() {
  let newest = fs.statSync(path.join(ROOT, 'tsconfig.build.json')).mtimeMs;
  for (const dir of SOURCES) for (const file of files(path.join(ROOT, dir))) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  return newest;
}

export function buildIsFresh() {
  const stamp = path.join(OUT, '.stamp');
  return fs.existsSync(stamp) && Number(fs.readFileSync(stamp, 'utf8')) >= newestSource();
}

/**
 * Builds unless the build is fresh. Several processes may start at once (tests, a web server and a
 * worker): a lock folder makes them take turns, and each re-checks freshness once it holds the lock.
 */
export function ensureBuilt() {
  if (buildIsFresh()) return;
  withLock(() => {
    if (!buildIsFresh()) build();
  });
}

function withLock(work) {
  const lock = `${OUT}.lock`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than the longest build belongs to a process that died: take it over.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another process to finish building');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export function build() {
  const startedFrom = newestSource();
  const temporary = `${OUT}.tmp-${process.pid}`;
  fs.rmSync(temporary, { recursive: true, force: true });
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // Type errors do not stop the emit (npm run typecheck and CI report them); a missing compiler does.
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', temporary], { stdio: 'ignore' });
  if (result.error || !fs.existsSync(path.join(temporary, 'src', 'main.js'))) {
    throw new Error(`compiling the TypeScript sources failed (run "npm run typecheck" to see why)`);
  }
  for (const dir of SOURCES) {
    for (const file of files(path.join(ROOT, dir))) {
      if (!ASSET.test(file)) continue;
      const target = path.join(temporary, path.relative(ROOT, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
      if (file.endsWith('.css') && /[\\/]static[\\/]/.test(file)) minifyBeside(file, target);
    }
  }
  fs.writeFileSync(path.join(temporary, '.stamp'), String(startedFrom));
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.renameSync(temporary, OUT);
}

/**
 * A stylesheet minified once here, as `<name>.min.css` beside its copy (src/web/assets.ts sends it):
 * the server then never loads the CSS compiler, about 5 MB of memory it would keep for nothing.
 */
function minifyBeside(source, target) {
  const { transform } = createRequire(import.meta.url)('lightningcss');
  const { code } = transform({ filename: path.basename(source), code: fs.readFileSync(source), minify: true });
  fs.writeFileSync(target.replace(/\.css$/, '.min.css'), code);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--prepare')) {
    // npm install runs this (the "prepare" script), so that the first `npm start` does not spend its
    // first seconds compiling. An install without dev dependencies has no compiler: a release
    // ships its .build/ instead, and nothing is done here.
    if (fs.existsSync(path.join(ROOT, 'node_modules', 'typescript'))) ensureBuilt();
  } else {
    withLock(build);
    console.log(`built ${path.relative(process.cwd(), OUT) || '.build'}`);
  }
}
