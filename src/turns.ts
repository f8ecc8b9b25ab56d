type Waiter = () => void;

/**
 * At most `concurrency` holders at once; the others wait in order, urgent callers before the rest.
 * A turn given back passes straight to the next caller waiting. Serves the upload gate
 * (web/upload-gate.ts), the database connections by priority (db/priority-pool.ts) and the
 * anonymous renders (web/admission.ts).
 */
export class Turns {
  private active = 0;
  private readonly waiting: { urgent: Waiter[]; normal: Waiter[] } = { urgent: [], normal: [] };

  constructor(readonly concurrency: number) {}

  /** Whether a caller now would have to wait. */
  get full(): boolean {
    return this.active >= this.concurrency;
  }

  /** Callers waiting for a turn. */
  get queued(): number {
    return this.waiting.urgent.length + this.waiting.normal.length;
  }

  /**
   * Resolves, once the turn is the caller's, with the function that gives it back (calling it again
   * does nothing). With `waitMs`, a caller still waiting then is rejected with `timeout()`.
   */
  take(options: { urgent?: boolean; waitMs?: number; timeout?: () => Error } = {}): Promise<() => void> {
    if (!this.full) {
      this.active++;
      return Promise.resolve(this.release());
    }
    const queue = options.urgent ? this.waiting.urgent : this.waiting.normal;
    return new Promise((resolve, reject) => {
      const take = () => {
        clearTimeout(timer);
        resolve(this.release());
      };
      const timer = options.waitMs === undefined ? undefined : setTimeout(() => {
        queue.splice(queue.indexOf(take), 1);
        reject(options.timeout?.() ?? new Error('no turn came in time'));
      }, options.waitMs);
      queue.push(take);
    });
  }

  private release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.urgent.shift() ?? this.waiting.normal.shift();
      if (next) next();
      else this.active--;
    };
  }
}
