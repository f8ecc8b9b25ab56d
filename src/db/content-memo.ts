import type { Kysely } from 'kysely';
import type { DB } from './types.ts';

/**
 * A value read from the database that changes only when content does (the site's settings, the
 * archive's themes and events…), kept in memory until the next change. Every change clears the page
 * cache of every instance (its NOTIFY), which moves its generation: a value read under another
 * generation is read again. `generation` returns null while changes cannot be seen (the page cache
 * lost its LISTEN connection): then nothing is kept. The TTL bounds staleness should a notification
 * be missed, as the page cache's own does. Readers arriving while the value is being read share that
 * read: after a save, fifty pages missing the cache at once make one query, not fifty.
 */
export class ContentMemo<T> {
  private cached: { generation: number; at: number; value: T } | null = null;
  private pending: { generation: number; promise: Promise<T> } | null = null;

  constructor(
    private readonly generation: () => number | null,
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
  ) {}

  /** The last value read, whatever its age (to draw an error page while the database is away). */
  get last(): T | undefined {
    return this.cached?.value;
  }

  get(): Promise<T> {
    const generation = this.generation();
    if (generation === null) return this.load();
    const cached = this.cached;
    if (cached && cached.generation === generation && Date.now() - cached.at < this.ttlMs) return Promise.resolve(cached.value);
    if (this.pending?.generation === generation) return this.pending.promise;
    const at = Date.now();
    const promise = this.load().then(
      (value) => {
        if (this.pending?.promise === promise) this.pending = null;
        this.cached = { generation, at, value };
        return value;
      },
      (error: unknown) => {
        if (this.pending?.promise === promise) this.pending = null;
        throw error;
      },
    );
    this.pending = { generation, promise };
    return promise;
  }
}

const generations = new WeakMap<Kysely<DB>, () => number | null>();

/** The app's database follows content changes through its page cache (app.ts); other handles (a transaction, a CLI, a test's own) read every time. */
export function followContentChanges(db: Kysely<DB>, generation: () => number | null): void {
  generations.set(db, generation);
}

/**
 * `read` kept per database handle as a ContentMemo (5 s at most). Its answer is shared by every
 * request: it is frozen, so a caller sorting it in place fails in the tests instead of reordering
 * everybody's copy.
 */
export function memoisedByContent<T extends object>(read: (db: Kysely<DB>) => Promise<T>, ttlMs = 5000): (db: Kysely<DB>) => Promise<Readonly<T>> {
  const memos = new WeakMap<Kysely<DB>, ContentMemo<Readonly<T>>>();
  return (db) => {
    const generation = generations.get(db);
    if (!generation) return read(db);
    let memo = memos.get(db);
    if (!memo) {
      memo = new ContentMemo(generation, () => read(db).then((value) => Object.freeze(value)), ttlMs);
      memos.set(db, memo);
    }
    return memo.get();
  };
}
