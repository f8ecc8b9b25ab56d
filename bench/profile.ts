import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * A short reading of a V8 CPU profile (node --cpu-prof): where the server spent its samples, by
 * package or source file, and by function. Open the .cpuprofile in Chrome DevTools for the rest.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export async function summariseProfiles(dir: string, top = 12): Promise<string> {
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread, which serves
  // requests; thread 1 is tsx's module loader, idle once the app is loaded.
  const files = (await fs.readdir(dir).catch(() => [])).filter((file) => /\.\d+\.0\.\d+\.cpuprofile$/.test(file));
  if (files.length === 0) return `no CPU profile of a main thread was written under ${dir}`;
  const newest = (await Promise.all(files.map(async (file) => ({ file, at: (await fs.stat(path.join(dir, file))).mtimeMs }))))
    .sort((a, b) => b.at - a.at)[0]!.file;
  const { nodes } = JSON.parse(await fs.readFile(path.join(dir, newest), 'utf8')) as { nodes: ProfileNode[] };
  const total = nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    add(byPlace, place(url, functionName), hits);
    add(byFunction, `${functionName || '(anonymous)'}  ${shortUrl(url)}:${lineNumber + 1}`, hits);
  }
  const list = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, hits]) => `  ${((100 * hits) / total).toFixed(1).padStart(5)} %  ${name}`);
  return [`CPU profile ${path.join(dir, newest)} (${total} samples)`, 'self time by package or file:', ...list(byPlace), 'self time by function:', ...list(byFunction)].join('\n');
}

function add(map: Map<string, number>, key: string, hits: number): void {
  map.set(key, (map.get(key) ?? 0) + hits);
}

/** node_modules/<package>, a file of ours, node's internals, or V8's own entries ((garbage collector), (idle)…). */
function place(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1]!;
  if (url.startsWith('node:')) return 'node internals';
  return shortUrl(url);
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(process.cwd() + '/', '');
}
