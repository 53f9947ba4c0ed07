import { describe, expect, it } from "vitest";
import { KeyedQueue } from "../../src/core/keyed-queue.js";

describe("KeyedQueue", () => {
  it("runs tasks of one key one at a time in call order, other keys in parallel, failures isolated", async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([q.run("a", task("a1", 20)), q.run("a", task("a2", 1, true)), q.run("a", task("a3", 1))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(log).toEqual(["start a1", "end a1", "start a2", "end a2", "start a3", "end a3"]);
    expect(maxRunning).toBe(1);
    maxRunning = 0;
    await Promise.all([q.run("x", task("x", 20)), q.run("y", task("y", 20))]);
    expect(maxRunning).toBe(2);
  });
});
