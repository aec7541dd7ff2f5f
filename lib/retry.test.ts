import { describe, expect, it } from "vitest";
import { backoffMs, isRetriable, pollUntil, retry } from "./retry";

const noSleep = () => Promise.resolve();

describe("backoffMs", () => {
  it("doubles from the first delay up to the cap", () => {
    const b = { initialMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffMs(a, b))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it("takes at most the jitter's share off each delay", () => {
    const b = { initialMs: 1000, maxMs: 1000, jitter: 0.25 };
    expect(backoffMs(0, b, () => 0)).toBe(1000);
    expect(backoffMs(0, b, () => 0.999)).toBe(750);
  });

  it("stays finite for a huge attempt number", () => {
    expect(backoffMs(10_000, { initialMs: 10, maxMs: 5000 })).toBe(5000);
  });
});

describe("retry", () => {
  it("tries again after retriable errors and returns the first success", async () => {
    let calls = 0;
    const pauses: number[] = [];
    const value = await retry(
      async () => {
        if (++calls < 3) throw Object.assign(new Error("not yet"), { retriable: true });
        return "done";
      },
      { attempts: 5, initialMs: 10, maxMs: 100, retriable: isRetriable, sleep: noSleep, onRetry: (_e, _a, ms) => pauses.push(ms) },
    );
    expect({ value, calls, pauses }).toEqual({ value: "done", calls: 3, pauses: [10, 20] });
  });

  it("throws a non-retriable error at once", async () => {
    let calls = 0;
    const fail = retry(
      async () => {
        calls++;
        throw new Error("bad request");
      },
      { attempts: 5, initialMs: 10, maxMs: 100, retriable: isRetriable, sleep: noSleep },
    );
    await expect(fail).rejects.toThrow("bad request");
    expect(calls).toBe(1);
  });

  it("gives up with the last error after the given number of tries", async () => {
    let calls = 0;
    const fail = retry(
      async () => {
        throw new Error(`try ${++calls}`);
      },
      { attempts: 4, initialMs: 1, maxMs: 1, sleep: noSleep },
    );
    await expect(fail).rejects.toThrow("try 4");
  });
});

describe("pollUntil", () => {
  it("returns the first value that is not undefined", async () => {
    let n = 0;
    expect(await pollUntil(() => (++n === 3 ? n : undefined), { timeoutMs: 10_000, sleep: noSleep })).toBe(3);
  });

  it("returns undefined once the time is up", async () => {
    expect(await pollUntil(() => undefined, { timeoutMs: 0, sleep: noSleep })).toBeUndefined();
  });
});
