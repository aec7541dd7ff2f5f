import { describe, expect, it } from "vitest";
import { createReadinessJudge } from "./ready-progress";

const RECOVERY = "[2026-11-30 10:00:01,000] INFO Completed load of Log(dir=/d/A_input-0) with 1 segments in 812ms (3/104 completed in /d) (kafka.log.LogManager)\n";
const READY = "[2026-11-30 10:00:09,000] INFO [KafkaRaftServer nodeId=1] Kafka Server started (kafka.server.KafkaRaftServer)\n";
const WARN = "[2026-11-30 10:00:01,000] WARN [RaftManager id=1] Connection to node 1 could not be established (org.apache.kafka.clients.NetworkClient)\n";

describe("the readiness judge", () => {
  it("says ready on the started line", () => {
    const judge = createReadinessJudge({ startedAt: 0, stallMs: 60_000 });
    expect(judge.observe("", 1000, false)).toBe("waiting");
    expect(judge.observe(READY, 2000, false)).toBe("ready");
  });

  it("says exited when the JVM is gone before it was ready", () => {
    const judge = createReadinessJudge({ startedAt: 0, stallMs: 60_000 });
    expect(judge.observe(WARN, 1000, true)).toBe("exited");
  });

  it("gives up after the stall time without any recovery line, warnings notwithstanding", () => {
    const judge = createReadinessJudge({ startedAt: 0, stallMs: 60_000 });
    expect(judge.observe(WARN, 59_999, false)).toBe("waiting");
    expect(judge.observe(WARN, 60_000, false)).toBe("stalled");
  });

  it("keeps waiting, well past the stall time, while log recovery reports progress", () => {
    const judge = createReadinessJudge({ startedAt: 0, stallMs: 60_000 });
    for (let t = 30_000; t <= 300_000; t += 30_000) expect(judge.observe(RECOVERY, t, false)).toBe("waiting");
    expect(judge.quietFor(330_000)).toBe(30_000);
    expect(judge.observe("", 359_999, false)).toBe("waiting");
    expect(judge.observe("", 360_000, false)).toBe("stalled");
  });
});
