import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Synthetic rows per generator. */
  size: number;
  /** Seconds of measured load per target. */
  duration: number;
  /** Seconds of discarded load per target before measuring (JIT, pools and caches warm up). */
  warmup: number;
  connections: number;
  /** The Accept-Encoding header of the load ('' for none, as autocannon sends by default). */
  acceptEncoding: string;
  /** Seconds of the mixed, cache-missing load (0: not run) and its connections. */
  mixed: number;
  mixedConnections: number;
  /** Seconds of quiet after the load before memory is read ("at rest"). */
  idle: number;
  out: string;
  /** Only the targets whose name or path contains one of these texts (comma-separated on the command line). */
  only?: string[];
  /** The in-process measures to run (search, stats, newsletter): all by default, none with "none". */
  measures?: string[];
  /** Extra node flags for the server only (e.g. "--max-semi-space-size=2"), to try memory settings. */
  nodeOptions: string;
  /** Write a CPU profile of the server (node --cpu-prof) under bench/results/profiles/. */
  profile: boolean;
}

export const USAGE = `Usage: npm run bench -- [--size 1000] [--duration 10] [--warmup 2] [--connections 10] [--accept-encoding "gzip, deflate, br"] [--mixed 20] [--mixed-connections 50] [--idle 15] [--out FILE]
                         [--only TEXT[,TEXT]] [--measures none|NAME[,NAME]] [--node-options=FLAGS] [--profile]

Seeds a throw-away database (embedded PostgreSQL, or a new database on DATABASE_URL's server),
serves the app in a child process and measures throughput, latency, page weight and memory.`;

export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: '1000' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      'accept-encoding': { type: 'string', default: 'gzip, deflate, br' },
      mixed: { type: 'string', default: '20' },
      'mixed-connections': { type: 'string', default: '50' },
      idle: { type: 'string', default: '15' },
      out: { type: 'string', default: 'bench/results/latest.json' },
      only: { type: 'string' },
      measures: { type: 'string' },
      'node-options': { type: 'string', default: '' },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  return {
    size: whole('size', values.size, 0),
    duration: whole('duration', values.duration, 1),
    warmup: whole('warmup', values.warmup, 0),
    connections: whole('connections', values.connections, 1),
    acceptEncoding: values['accept-encoding'],
    mixed: whole('mixed', values.mixed, 0),
    mixedConnections: whole('mixed-connections', values['mixed-connections'], 1),
    idle: whole('idle', values.idle, 0),
    out: path.resolve(values.out),
    only: list(values.only),
    measures: values.measures === 'none' ? [] : list(values.measures),
    nodeOptions: values['node-options'],
    profile: values.profile,
  };
}

function whole(name: string, value: string, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new Error(`--${name} must be a whole number ≥ ${min}, not "${value}"`);
  return number;
}

const list = (value: string | undefined) => (value === undefined ? undefined : value.split(',').map((part) => part.trim()).filter(Boolean));
