import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { residentMb } from '../process-memory.ts';
import type { ChildAnswer, ChildRequest } from './child.ts';
import { PdfLimitError, TypstError, type PdfLimitKind } from './errors.ts';
import type { CompileRequest } from './typst-compile.ts';

/**
 * Typst runs in short-lived child processes, never in the web process. Loaded once, the compiler and
 * its fonts kept the web process at about 390 MB resident for good (V8 and the allocator do not give
 * that memory back); a child that exits gives all of it back (docs/architecture.md, "Booklet").
 * A child serves the documents queued while it lives and ends after IDLE_MS without one.
 */
export interface PdfLimits {
  /** Wall time of one document, milliseconds. */
  timeMs: number;
  /** Resident memory of the child, megabytes, watched from outside (Typst's memory is mostly native). */
  memoryMb: number;
  /** V8 heap of the child, megabytes (--max-old-space-size). */
  heapMb: number;
  /** Bytes of one PDF. */
  outputBytes: number;
}

export const PDF_LIMITS: PdfLimits = { timeMs: 120_000, memoryMb: 768, heapMb: 256, outputBytes: 64 << 20 };

export interface PdfPoolOptions {
  limits?: PdfLimits;
  /** Children at once; more documents wait in the queue. Each may take a few hundred MB while it works. */
  maxChildren?: number;
  /** How long a child waits for another document before it ends, milliseconds. */
  idleMs?: number;
  /** Documents one child makes before it is replaced, so that nothing it caches grows without end. */
  jobsPerChild?: number;
}

interface Job {
  request: CompileRequest;
  resolve: (made: { pdf: Buffer; pages: number }) => void;
  reject: (error: Error) => void;
}

interface Worker {
  process: ChildProcess;
  job: (Job & { id: number; stop: (kind: PdfLimitKind) => void; stopped?: PdfLimitKind; done: () => void }) | null;
  jobs: number;
  idle?: NodeJS.Timeout;
  errors: string;
}

export class PdfPool {
  readonly limits: PdfLimits;
  private readonly maxChildren: number;
  private readonly idleMs: number;
  private readonly jobsPerChild: number;
  private readonly queue: Job[] = [];
  private readonly workers = new Set<Worker>();
  private nextId = 1;

  constructor(options: PdfPoolOptions = {}) {
    this.limits = options.limits ?? PDF_LIMITS;
    this.maxChildren = options.maxChildren ?? 2;
    this.idleMs = options.idleMs ?? 1500;
    this.jobsPerChild = options.jobsPerChild ?? 50;
  }

  /** Compiles in a child; rejects with TypstError (the source is wrong), PdfLimitError, or Error (the child failed). */
  compile(request: CompileRequest): Promise<{ pdf: Buffer; pages: number }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  /** The child processes alive now (busy or idle), for tests and the memory probe. */
  get children(): number[] {
    return [...this.workers].map((worker) => worker.process.pid!).filter(Boolean);
  }

  /** Ends the idle children now; busy ones end after their document. */
  close(): void {
    for (const worker of this.workers) if (!worker.job) this.retire(worker);
  }

  private pump(): void {
    while (this.queue.length) {
      let worker = [...this.workers].find((candidate) => !candidate.job && candidate.process.connected);
      if (!worker && this.workers.size < this.maxChildren) worker = this.spawn();
      if (!worker) return;
      this.start(worker, this.queue.shift()!);
    }
  }

  private spawn(): Worker {
    // Under tsx (development, tests) the child is the TypeScript source; once built (.build/), its JavaScript.
    const source = import.meta.url.endsWith('.ts');
    const script = fileURLToPath(new URL(source ? './child.ts' : './child.js', import.meta.url));
    const child = fork(script, [], {
      execArgv: [...(source ? ['--import', 'tsx'] : []), `--max-old-space-size=${this.limits.heapMb}`],
      env: { PATH: process.env.PATH ?? '', NODE_ENV: process.env.NODE_ENV ?? '', ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const worker: Worker = { process: child, job: null, jobs: 0, errors: '' };
    this.workers.add(worker);
    child.stderr!.on('data', (chunk: Buffer) => (worker.errors = (worker.errors + chunk.toString('utf8')).slice(-2000)));
    child.on('message', (answer: ChildAnswer) => this.answered(worker, answer));
    child.once('error', (error) => this.ended(worker, null, null, error));
    child.once('exit', (code, signal) => this.ended(worker, code, signal));
    return worker;
  }

  private start(worker: Worker, job: Job): void {
    clearTimeout(worker.idle);
    this.hold(worker, true);
    const id = this.nextId++;
    const stop = (kind: PdfLimitKind) => {
      if (worker.job?.id !== id) return;
      worker.job.stopped ??= kind;
      worker.process.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('time'), this.limits.timeMs);
    const watcher = setInterval(async () => {
      const rss = await residentMb(worker.process.pid);
      if (rss !== null && rss > this.limits.memoryMb) stop('memory');
    }, 50);
    worker.job = { ...job, id, stop, done: () => (clearTimeout(timer), clearInterval(watcher)) };
    const message: ChildRequest = { ...job.request, id, maxOutputBytes: this.limits.outputBytes };
    worker.process.send(message, (error) => error && this.ended(worker, null, null, error));
  }

  private answered(worker: Worker, answer: ChildAnswer): void {
    const job = worker.job;
    if (!job || answer.id !== job.id) return;
    job.done();
    worker.job = null;
    worker.jobs++;
    if (answer.ok) {
      const pdf = Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength);
      if (pdf.length > this.limits.outputBytes) job.reject(this.limitError('output'));
      else job.resolve({ pdf, pages: answer.pages });
    } else if (answer.kind === 'typst') job.reject(new TypstError(answer.message));
    else if (answer.kind === 'output') job.reject(this.limitError('output'));
    else job.reject(new Error(`the PDF child process failed: ${answer.message}`));
    if (worker.jobs >= this.jobsPerChild) this.retire(worker);
    else {
      this.hold(worker, false);
      worker.idle = setTimeout(() => this.retire(worker), this.idleMs);
      worker.idle.unref();
    }
    this.pump();
  }

  private ended(worker: Worker, code: number | null, signal: NodeJS.Signals | null, failure?: Error): void {
    if (!this.workers.delete(worker)) return;
    clearTimeout(worker.idle);
    const job = worker.job;
    worker.job = null;
    if (failure) worker.process.kill('SIGKILL');
    if (job) {
      job.done();
      // V8 aborts a process whose heap is full: that is the heap limit speaking.
      const kind = job.stopped ?? (signal === 'SIGABRT' || code === 134 || /heap out of memory/i.test(worker.errors) ? 'memory' : undefined);
      const last = worker.errors.trim().split('\n').pop();
      job.reject(kind ? this.limitError(kind) : new Error(`the PDF child process ended (${failure?.message ?? signal ?? code})${last ? `: ${last}` : ''}`));
    }
    this.pump();
  }

  /** Asks an idle child to end (it exits when its channel closes). */
  private retire(worker: Worker): void {
    clearTimeout(worker.idle);
    if (worker.process.connected) worker.process.disconnect();
    setTimeout(() => worker.process.kill('SIGKILL'), 5000).unref();
  }

  /** A busy child keeps this process alive until its answer; an idle one does not (a command may end meanwhile). */
  private hold(worker: Worker, busy: boolean): void {
    const handles = [worker.process, worker.process.channel, worker.process.stderr] as ({ ref(): void; unref(): void } | null | undefined)[];
    for (const handle of handles) busy ? handle?.ref() : handle?.unref();
  }

  private limitError(kind: PdfLimitKind): PdfLimitError {
    const { timeMs, memoryMb, outputBytes } = this.limits;
    return new PdfLimitError(kind, { time: `${timeMs / 1000} s`, memory: `${memoryMb} MB`, output: outputBytes < 1 << 20 ? `${Math.ceil(outputBytes / 1024)} KB` : `${Math.round(outputBytes / (1 << 20))} MB` }[kind]);
  }
}
