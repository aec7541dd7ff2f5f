import { describe, expect, it } from "vitest";
import { createReadinessJudge, type ReadinessSample } from "./ready-progress";

const RECOVERY =
  "[2026-11-30 10:00:01,000] INFO Completed load of Log(dir=/d/A_input-0) with 1 segments in 812ms (3/104 completed in /d) (kafka.log.LogManager)\n";
const READY = "[2026-11-30 10:00:09,000] INFO [KafkaRaftServer nodeId=1] Kafka Server started (kafka.server.KafkaRaftServer)\n";
const judge = () => createReadinessJudge({ startedAt: 0, stallMs: 60_000, maxMs: 900_000 });
const quiet = (now: number, cpuMs: number | null = 0): ReadinessSample => ({ newLines: "", cpuMs, now, exited: false });

describe("the readiness judge", () => {
  it("says ready on the started line", () => {
    const j = judge();
    expect(j.observe(quiet(1000))).toBe("waiting");
    expect(j.observe({ ...quiet(2000), newLines: READY })).toBe("ready");
  });

  it("says exited when the JVM is gone before it was ready", () => {
    expect(judge().observe({ ...quiet(1000), exited: true })).toBe("exited");
  });

  it("gives up on a JVM that stays silent and idle for the stall time", () => {
    const j = judge();
    expect(j.observe(quiet(0, 0))).toBe("waiting");
    expect(j.observe(quiet(59_999, 900))).toBe("waiting");
    expect(j.observe(quiet(60_000, 900))).toBe("stalled");
  });

  it("keeps waiting, well past the stall time, while log recovery writes lines", () => {
    const j = judge();
    for (let t = 30_000; t <= 300_000; t += 30_000) expect(j.observe({ ...quiet(t), newLines: RECOVERY })).toBe("waiting");
    expect(j.observe(quiet(359_999))).toBe("waiting");
    expect(j.observe(quiet(360_000))).toBe("stalled");
  });

  it("counts CPU work as progress: a slow machine can keep a JVM silent for more than a minute", () => {
    const j = judge();
    expect(j.observe(quiet(0, 0))).toBe("waiting");
    expect(j.observe(quiet(50_000, 4000))).toBe("waiting");
    expect(j.observe(quiet(100_000, 8000))).toBe("waiting");
    expect(j.observe(quiet(159_999, 8500))).toBe("waiting");
    expect(j.observe(quiet(160_000, 8500))).toBe("stalled");
  });

  it("gives up after the overall limit even with progress", () => {
    const j = judge();
    expect(j.observe({ ...quiet(899_999), newLines: RECOVERY })).toBe("waiting");
    expect(j.observe({ ...quiet(900_000), newLines: RECOVERY })).toBe("too-long");
  });
});
