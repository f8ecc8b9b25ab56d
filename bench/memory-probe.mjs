// Bench-only: loaded into the bench's server with `node --import` (never by `npm start`). On SIGUSR2
// it writes what the process's memory is made of to $PASSERELLE_MEMORY_PROBE (JSON): V8's heap, used
// and reserved, per space; memory outside it that V8 knows of (Buffers, compression contexts count
// in `external`); and, when $PASSERELLE_HEAP_SNAPSHOT names a folder, a heap snapshot there.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

const out = process.env.PASSERELLE_MEMORY_PROBE;
if (out) {
  process.on('SIGUSR2', () => {
    const snapshotDir = process.env.PASSERELLE_HEAP_SNAPSHOT;
    const snapshot = snapshotDir ? v8.writeHeapSnapshot(path.join(snapshotDir, `server-${Date.now()}.heapsnapshot`)) : null;
    const usage = process.memoryUsage();
    const spaces = v8.getHeapSpaceStatistics().map((s) => ({ name: s.space_name, size: s.space_size, used: s.space_used_size, physical: s.physical_space_size }));
    const probe = { usage, heap: v8.getHeapStatistics(), spaces, snapshot };
    fs.writeFileSync(`${out}.tmp`, JSON.stringify(probe));
    fs.renameSync(`${out}.tmp`, out);
  });
}
