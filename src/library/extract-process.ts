import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MAX_TEXT } from './extract-text.ts';
import { residentMb } from '../process-memory.ts';

/** Kept here for the tests and callers that read it from this module. */
export { residentMb };

/** What one extraction may cost. A document that needs more is refused, not retried. */
export interface ExtractionLimits {
  /** Resident memory of the extraction process, megabytes (watched from outside, on Linux). */
  memoryMb: number;
  /** V8 heap of the extraction process, megabytes (--max-old-space-size). */
  heapMb: number;
  timeMs: number;
  /** Bytes of text the process may write. */
  outputBytes: number;
}

export const EXTRACTION_LIMITS: ExtractionLimits = { memoryMb: 320, heapMb: 192, timeMs: 30_000, outputBytes: MAX_TEXT * 4 + 1024 };

export type LimitKind = 'memory' | 'time' | 'output';

/** The document needs more than its limits: retrying cannot help. */
export class ExtractionLimitError extends Error {
  constructor(readonly kind: LimitKind) {
    super(`extraction stopped: ${kind} limit exceeded`);
  }
}

/**
 * Extracts a document's text in a child process with bounded memory, time and output. The web
 * process only pipes bytes in and text out, so a decompression bomb grows the child, which is killed.
 */
export async function extractInChildProcess(mime: string, content: Buffer, limits: ExtractionLimits = EXTRACTION_LIMITS): Promise<string> {
  // Under tsx (development, tests) the child is the TypeScript source; once built, its JavaScript.
  const source = import.meta.url.endsWith('.ts');
  const script = fileURLToPath(new URL(source ? './extract-child.ts' : './extract-child.js', import.meta.url));
  const child = spawn(process.execPath, [...(source ? ['--import', 'tsx'] : []), `--max-old-space-size=${limits.heapMb}`, script, mime], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', NODE_ENV: process.env.NODE_ENV ?? '' },
  });
  let stopped: LimitKind | null = null;
  const stop = (kind: LimitKind) => {
    stopped ??= kind;
    child.kill('SIGKILL');
  };
  const output: Buffer[] = [];
  let outputSize = 0;
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    outputSize += chunk.length;
    if (outputSize > limits.outputBytes) stop('output');
    else output.push(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString('utf8')).slice(-2000)));
  child.stdin.on('error', () => {}); // a child killed before reading all its input
  child.stdin.end(content);
  const timer = setTimeout(() => stop('time'), limits.timeMs);
  const watcher = setInterval(async () => {
    const rss = await residentMb(child.pid);
    if (rss !== null && rss > limits.memoryMb) stop('memory');
  }, 50);
  try {
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    });
    if (stopped) throw new ExtractionLimitError(stopped);
    // V8 aborts a process whose heap is full: that is the heap limit speaking.
    if (signal === 'SIGABRT' || code === 134 || /heap out of memory/i.test(errors)) throw new ExtractionLimitError('memory');
    if (code !== 0) throw new Error(errors.trim().split('\n').pop() || `extraction process ended with ${signal ?? code}`);
    return Buffer.concat(output).toString('utf8');
  } finally {
    clearTimeout(timer);
    clearInterval(watcher);
  }
}
