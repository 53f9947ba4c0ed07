import { describe, expect, it } from "vitest";
import { Semaphore } from "../../src/core/semaphore.js";

const tick = () => new Promise((r) => setImmediate(r));

describe("Semaphore", () => {
  it("runs at most `limit` tasks at once, the rest in arrival order, and frees slots after failures", async () => {
    const gate = new Semaphore(2);
    const started: number[] = [];
    const release = new Map<number, () => void>();
    const tasks = Array.from({ length: 5 }, (_, i) =>
      gate.run(async () => {
        started.push(i);
        await new Promise<void>((r) => release.set(i, r));
        if (i === 1) throw new Error("boom");
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ active: 2, waiting: 3 });

    release.get(1)!(); // a failing task frees its slot too
    await expect(tasks[1]).rejects.toThrow("boom");
    await tick();
    expect(started).toEqual([0, 1, 2]);

    release.get(0)!();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    release.get(2)!();
    release.get(3)!();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    release.get(4)!();
    expect(await Promise.all([tasks[0], tasks[2], tasks[3], tasks[4]])).toEqual([0, 2, 3, 4]);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it("refuses a limit below one", () => {
    expect(() => new Semaphore(0)).toThrow(/limit/);
  });
});
