import type { Logger } from "../../logger.js";

export interface SweepStep {
  name: string;
  run(now: Date): Promise<unknown>;
}

/**
 * Timed work in every instance: each step claims its due rows with
 * `FOR UPDATE SKIP LOCKED`, so N instances running the same sweep never double-fire.
 * Runs never overlap within one instance.
 */
export class Sweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  constructor(private readonly steps: readonly SweepStep[], private readonly log: Logger) {}

  /** One pass over every step (also what tests call, with a chosen clock). */
  runOnce(now: Date = new Date()): Promise<void> {
    const previous = this.running ?? Promise.resolve();
    const run = previous.then(async () => {
      for (const step of this.steps) {
        try {
          await step.run(now);
        } catch (err) {
          this.log.error({ err, step: step.name }, "sweep step failed");
        }
      }
    });
    this.running = run;
    return run.finally(() => {
      if (this.running === run) this.running = null;
    });
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (!this.running) void this.runOnce();
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
