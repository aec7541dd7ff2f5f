import { describe, expect, it } from "vitest";
import { groupBusyReason, groupIsEmpty, invalidReplayAt, recordsToReplay, REPLAY_MIN_AT, rewindPlan, waitForEmptyGroup, type GroupDescription } from "./replay";

const NOW = Date.UTC(2026, 10, 30, 12);
const group = (state: string, members = 0): GroupDescription => ({
  groupId: "lab-strategy",
  state,
  members: Array.from({ length: members }, (_, i) => ({ memberId: `m${i}`, clientId: `strategy-${i}`, host: `/127.0.0.1` })),
});

describe("invalidReplayAt", () => {
  it("accepts a time a few minutes ago, and one slightly ahead within the clock skew", () => {
    expect(invalidReplayAt(NOW - 5 * 60_000, NOW)).toBeNull();
    expect(invalidReplayAt(NOW + 60_000, NOW)).toBeNull();
  });
  it("rejects a time beyond now plus the skew, such as 1e15, naming it as the future", () => {
    expect(invalidReplayAt(1e15, NOW)).toMatch(/in the future/);
    expect(invalidReplayAt(NOW + 10 * 60_000, NOW)).toMatch(/in the future/);
  });
  it("rejects a time before the year 2000 (seconds instead of milliseconds, or 0)", () => {
    expect(invalidReplayAt(0, NOW)).toMatch(/before the year 2000/);
    expect(invalidReplayAt(Math.floor(NOW / 1000), NOW)).toMatch(/before the year 2000/);
    expect(invalidReplayAt(REPLAY_MIN_AT, NOW)).toBeNull();
  });
});

describe("group emptiness", () => {
  it("only a group with no member, Empty or Dead, may be rewound", () => {
    expect(groupIsEmpty(group("Empty"))).toBe(true);
    expect(groupIsEmpty(group("Dead"))).toBe(true);
    expect(groupIsEmpty(group("PreparingRebalance"))).toBe(false);
    expect(groupIsEmpty(group("Stable", 2))).toBe(false);
  });
  it("says how many members are left and who they are, or that it is rebalancing", () => {
    expect(groupBusyReason(group("Stable", 2))).toMatch(/still has 2 members: strategy-0@127\.0\.0\.1, strategy-1@127\.0\.0\.1/);
    expect(groupBusyReason(group("PreparingRebalance"))).toMatch(/still rebalancing \(state PreparingRebalance\)/);
  });
});

describe("waitForEmptyGroup", () => {
  const fake = (states: GroupDescription[]) => {
    let t = 0;
    let i = 0;
    return {
      describe: async () => states[Math.min(i++, states.length - 1)]!,
      clock: () => t,
      sleep: async (ms: number) => void (t += ms),
      calls: () => i,
    };
  };
  it("returns at once when the group is already empty", async () => {
    const f = fake([group("Empty")]);
    await expect(waitForEmptyGroup({ ...f, timeoutMs: 10_000 })).resolves.toMatchObject({ empty: true, waitedMs: 0 });
  });
  it("waits through a rebalance until the group is empty", async () => {
    const f = fake([group("Stable", 2), group("PreparingRebalance", 1), group("PreparingRebalance"), group("Empty")]);
    const out = await waitForEmptyGroup({ ...f, timeoutMs: 10_000, pollMs: 500 });
    expect(out).toMatchObject({ empty: true, waitedMs: 1500 });
    expect(f.calls()).toBe(4);
  });
  it("gives up after the timeout with the reason the group is still busy", async () => {
    const f = fake([group("Stable", 1)]);
    const out = await waitForEmptyGroup({ ...f, timeoutMs: 2000, pollMs: 500 });
    expect(out.empty).toBe(false);
    expect(out.waitedMs).toBe(2000);
    expect(out.empty === false && out.reason).toMatch(/still has 1 member: strategy-0/);
  });
});

describe("rewindPlan", () => {
  const targets = [
    { topic: "B_input", partition: 1, offset: "0" },
    { topic: "A_input", partition: 0, offset: "0" },
    { topic: "A_input", partition: 1, offset: "3" },
  ];
  it("lists every partition of every input topic with where it was and where it goes, sorted", () => {
    const plan = rewindPlan(["A_input", "B_input"], targets, [
      { topic: "A_input", partition: 0, offset: "10" },
      { topic: "A_input", partition: 1, offset: "-1" },
      { topic: "B_input", partition: 1, offset: "7" },
    ]);
    expect(plan).toEqual({
      ok: true,
      partitions: [
        { topic: "A_input", partition: 0, from: "10", to: "0" },
        { topic: "A_input", partition: 1, from: null, to: "3" },
        { topic: "B_input", partition: 1, from: "7", to: "0" },
      ],
    });
    expect(plan.ok && recordsToReplay(plan.partitions)).toBe(17);
  });
  it("refuses the whole rewind when an input topic has no partitions", () => {
    expect(rewindPlan(["A_input", "C_input"], targets, [])).toEqual({
      ok: false,
      error: expect.stringMatching(/no partitions found for C_input: nothing was rewound/),
    });
  });
});
