import { describe, expect, it } from "vitest";
import { WAITING_MIN_RECORDS } from "@/lib/pipeline/input-alignment";
import type { LabBatch } from "@/server/kafka/types";
import { createInputAligner } from "./input-aligner";

function setup() {
  const calls: string[] = [];
  const aligner = createInputAligner({
    consumer: { pause: (t) => void calls.push(`pause ${t.join()}`), resume: (t) => void calls.push(`resume ${t.join()}`) },
    topics: { C: "C_output", D: "D_input" },
    maxSkewMs: 10_000,
    log: { info: () => undefined },
  });
  /** A batch of `topic` that leaves `lag` records unread behind it. */
  const batch = (topic: string, lag: number): LabBatch => ({ topic, partition: 0, records: [], highWatermark: String(100 + lag), nextOffset: "100" });
  return { calls, aligner, batch };
}
const BIG = WAITING_MIN_RECORDS * 10;

describe("createInputAligner", () => {
  it("pauses the topic that is ahead while the other has a backlog, and resumes it once the other catches up", () => {
    const { calls, aligner, batch } = setup();
    aligner.afterBatch(batch("D_input", BIG), null, { maxC: 50_000, maxD: 20_000, replaying: false });
    expect(calls).toEqual(["pause C_output"]);
    aligner.afterBatch(batch("D_input", BIG), null, { maxC: 50_000, maxD: 40_000, replaying: false });
    expect(calls).toEqual(["pause C_output"]);
    aligner.afterBatch(batch("D_input", BIG), null, { maxC: 50_000, maxD: 45_000, replaying: false });
    expect(calls).toEqual(["pause C_output", "resume C_output"]);
  });

  it("counts the records left behind a batch cut short as unread", () => {
    const { calls, aligner, batch } = setup();
    const cut = { ...batch("D_input", 0), nextOffset: "100", highWatermark: "100" };
    aligner.afterBatch(cut, String(100 - BIG), { maxC: 50_000, maxD: 20_000, replaying: false });
    expect(calls).toEqual(["pause C_output"]);
  });

  it("does not pause while an input replays after a restart, and resumes what was paused", () => {
    const { calls, aligner, batch } = setup();
    aligner.afterBatch(batch("C_output", BIG), null, { maxC: 20_000, maxD: 50_000, replaying: false });
    expect(calls).toEqual(["pause D_input"]);
    aligner.afterBatch(batch("C_output", BIG), null, { maxC: 20_000, maxD: 50_000, replaying: true });
    expect(calls).toEqual(["pause D_input", "resume D_input"]);
  });

  it("resumes everything after a rebalance", () => {
    const { calls, aligner, batch } = setup();
    aligner.afterBatch(batch("D_input", BIG), null, { maxC: 50_000, maxD: 20_000, replaying: false });
    aligner.reassigned();
    expect(calls).toEqual(["pause C_output", "resume C_output"]);
    aligner.reassigned();
    expect(calls).toHaveLength(2);
  });
});
