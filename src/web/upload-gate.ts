import { Turns } from '../turns.ts';
import { HttpError } from './http-error.ts';

/**
 * Bounds how many multipart bodies the process reads at once. Files go to disk as they arrive
 * (web/uploads.ts), but each read still holds parser buffers, a connection and disk writes, so the
 * number of reads in flight bounds them; a few more wait their turn, and past that a request is
 * answered 503 with Retry-After at once, before its body is read.
 */
export class UploadGate {
  private readonly turns: Turns;

  constructor(readonly concurrency = 4, readonly queue = 16) {
    this.turns = new Turns(concurrency);
  }

  async enter(): Promise<() => void> {
    if (this.turns.full && this.turns.queued >= this.queue) throw new HttpError(503, 'error.uploads_busy', {}, { 'retry-after': '10' });
    return this.turns.take();
  }
}
