import { describe, expect, it } from "vitest";
import { createRestartPolicy } from "./restart-policy";

function policyAt(start = 0) {
  let now = start;
  const policy = createRestartPolicy({ clock: () => now });
  return { policy, advance: (ms: number) => void (now += ms) };
}

describe("the broker restart policy", () => {
  it("waits 1 s, 2 s, 4 s … after crashes in a row, at most 30 s", () => {
    const { policy, advance } = policyAt();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      delays.push(policy.nextDelayMs());
      advance(delays.at(-1)!);
      policy.up();
      advance(5000);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it("counts failed starts (no up in between) as crashes in a row too", () => {
    const { policy } = policyAt();
    expect([policy.nextDelayMs(), policy.nextDelayMs(), policy.nextDelayMs()]).toEqual([1000, 2000, 4000]);
  });

  it("starts again from 1 s once the broker has stayed up a minute", () => {
    const { policy, advance } = policyAt();
    policy.nextDelayMs();
    policy.nextDelayMs();
    policy.up();
    advance(59_999);
    expect(policy.nextDelayMs()).toBe(4000);
    policy.up();
    advance(60_000);
    expect(policy.nextDelayMs()).toBe(1000);
  });

  it("forgets the streak when reset (a start or stop by hand)", () => {
    const { policy } = policyAt();
    policy.nextDelayMs();
    policy.nextDelayMs();
    policy.reset();
    expect(policy.nextDelayMs()).toBe(1000);
  });
});
