import { createRequire } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { FastifyInstance } from 'fastify';

/**
 * After a burst of requests V8 keeps the garbage they left behind (tens of MB) until it needs room
 * again, which a server at rest never does: measured after a load run, 200 MB of which 39 MB were
 * live. Once the site has been quiet for `idleMs` after answering, one full collection hands that
 * memory back (145 MB). It runs only when idle, so no request waits on it, and once per quiet spell.
 */
export function collectGarbageWhenIdle(app: FastifyInstance, idleMs = 5_000, collect: () => void = compactingCollection()): void {
  let timer: NodeJS.Timeout | undefined;
  const collectNow = () => {
    timer = undefined;
    collect();
  };
  app.addHook('onResponse', async () => {
    if (timer) timer.refresh();
    else timer = setTimeout(collectNow, idleMs).unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}

/**
 * V8's own full collection, compacting: the survivors are moved together so that the pages they
 * leave can be returned to the system; a plain full collection freed the garbage but kept most of
 * its pages (190 MB instead of 145). Only this collection compacts; those under load keep V8's own choice.
 */
function compactingCollection(): () => void {
  const gc = fullCollection();
  return () => {
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
    releaseFreeMemory();
  };
}

/** V8's own full collection, which Node otherwise gives only to code started with --expose-gc. */
export function fullCollection(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

let trim: (() => boolean) | null | undefined;

/**
 * What the collection freed outside V8's own pages (Buffers, zlib and database client memory)
 * goes back to malloc, which keeps most of it: after the bench's load, 37 MB of its main heap
 * stayed resident at rest. glibc's malloc_trim, through the optional addon native/malloc-trim, hands
 * those free pages back. Without the addon (no compiler at install, not glibc) nothing is done.
 * Returns whether the addon is there.
 */
export function releaseFreeMemory(): boolean {
  if (trim === undefined) {
    try {
      trim = (createRequire(import.meta.url)('passerelle-malloc-trim') as { trim: () => boolean }).trim;
    } catch {
      trim = null;
    }
  }
  trim?.();
  return trim !== null;
}
