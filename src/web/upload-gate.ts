import { HttpError } from './http-error.ts';

/**
 * Bounds how many multipart bodies the process reads at once. Files go to disk as they arrive
 * (web/uploads.ts), but each read still holds parser buffers, a connection and disk writes, so the
 * number of reads in flight bounds them; a few more wait their turn, and past that a request is
 * answered 503 with Retry-After at once, before its body is read.
 */
export class UploadGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly concurrency = 4, readonly queue = 16) {}

  async enter(): Promise<() => void> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new HttpError(503, 'error.uploads_busy', {}, { 'retry-after': '10' });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiting read (active stays the same).
      if (next) next();
      else this.active--;
    };
  }
}
