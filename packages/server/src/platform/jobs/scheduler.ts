import type { Logger } from "../logger.js";

/**
 * A piece of timed work. Jobs of one `lane` run one after another on one timer, in
 * `order` (then registration order); lanes run independently of each other.
 *
 * The scheduler runs a job on every instance. Making that safe is the job's part,
 * because only it knows what it claims: rows with `FOR UPDATE SKIP LOCKED` (due
 * reminders, messages, escalations) or the deployment with an advisory lock
 * (retention). The scheduler guarantees that runs of a lane never overlap within
 * one instance, logs a failure with the job's name and goes on with the next job.
 */
export interface JobDefinition {
  name: string;
  lane: string;
  /** How often the lane runs; 0 = never on a timer (tests and CLIs call `runLane`). */
  intervalMs: number;
  /** Lower runs first within the lane (default 0). */
  order?: number;
  /** Run once more when the scheduler stops (write-behind buffers flush their last batch). */
  runOnStop?: boolean;
  run(now: Date): Promise<unknown>;
}

interface Lane {
  name: string;
  intervalMs: number;
  jobs: JobDefinition[];
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
}

/** ±10 %: instances started together drift apart instead of hitting the database in step. */
const JITTER = 0.1;

export class JobScheduler {
  private readonly lanes = new Map<string, Lane>();
  private stopped = false;

  constructor(
    jobs: readonly JobDefinition[],
    private readonly log: Logger,
    private readonly random: () => number = Math.random,
    /** Told how long each job run took (the metrics). */
    private readonly onJobDone?: (job: string, lane: string, outcome: "ok" | "error", seconds: number) => void,
  ) {
    for (const job of jobs) {
      let lane = this.lanes.get(job.lane);
      if (!lane) this.lanes.set(job.lane, (lane = { name: job.lane, intervalMs: job.intervalMs, jobs: [], timer: null, running: null }));
      if (lane.intervalMs !== job.intervalMs) {
        throw new Error(`job "${job.name}" runs every ${job.intervalMs} ms, but lane "${job.lane}" every ${lane.intervalMs} ms`);
      }
      if (lane.jobs.some((j) => j.name === job.name)) throw new Error(`job "${job.name}" is registered twice`);
      lane.jobs.push(job);
    }
    for (const lane of this.lanes.values()) lane.jobs.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }

  laneNames(): string[] {
    return [...this.lanes.keys()];
  }

  /** One pass over a lane's jobs (what the timer does; tests call it with a chosen clock). */
  runLane(name: string, now: Date = new Date()): Promise<void> {
    const lane = this.lanes.get(name);
    if (!lane) return Promise.reject(new Error(`no job lane "${name}" (lanes: ${this.laneNames().join(", ")})`));
    const previous = lane.running ?? Promise.resolve();
    const run = previous.then(async () => {
      for (const job of lane.jobs) {
        const started = performance.now();
        let outcome: "ok" | "error" = "ok";
        try {
          await job.run(now);
        } catch (err) {
          outcome = "error";
          this.log.error({ err, job: job.name, lane: lane.name }, "job failed");
        }
        this.onJobDone?.(job.name, lane.name, outcome, (performance.now() - started) / 1000);
      }
    });
    lane.running = run;
    return run.finally(() => {
      if (lane.running === run) lane.running = null;
    });
  }

  start(): void {
    for (const lane of this.lanes.values()) {
      if (lane.intervalMs > 0 && !lane.timer) this.schedule(lane);
    }
  }

  private schedule(lane: Lane): void {
    if (this.stopped) return;
    const delay = Math.max(1, Math.round(lane.intervalMs * (1 + JITTER * (2 * this.random() - 1))));
    lane.timer = setTimeout(() => {
      lane.timer = null;
      // A tick that finds the lane still busy is skipped, not queued.
      const run = lane.running ? Promise.resolve() : this.runLane(lane.name);
      void run.finally(() => this.schedule(lane));
    }, delay);
    lane.timer.unref();
  }

  /** Stops the timers and waits for running jobs to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const lane of this.lanes.values()) {
      if (lane.timer) clearTimeout(lane.timer);
      lane.timer = null;
    }
    await Promise.all([...this.lanes.values()].map((lane) => lane.running?.catch(() => undefined)));
    const now = new Date();
    for (const lane of this.lanes.values()) {
      for (const job of lane.jobs.filter((j) => j.runOnStop)) {
        await job.run(now).catch((err: unknown) => this.log.error({ err, job: job.name, lane: lane.name }, "job failed at shutdown"));
      }
    }
  }
}
