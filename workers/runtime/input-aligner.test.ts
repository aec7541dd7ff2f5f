import { describe, expect, it } from "vitest";
import { WAITING_MIN_RECORDS } from "@/lib/pipeline/input-alignment";
import type { LabBatch, TopicPartition } from "@/kafka/types";
import { createInputAligner } from "./input-aligner";

const BIG = WAITING_MIN_RECORDS * 10;
const names = (tps: readonly TopicPartition[]) => tps.map((t) => `${t.topic}:${t.partition}`).join();

function setup() {
  const calls: string[] = [];
  const aligner = createInputAligner({
    consumer: { pause: (t) => void calls.push(`pause ${names(t)}`), resume: (t) => void calls.push(`resume ${names(t)}`) },
    maxSkewMs: 10_000,
    log: { debug: () => undefined },
  });
  /** A batch of records at `times` (offsets 100…) that leaves `lag` records unread behind it. */
  const batch = (topic: string, partition: number, times: number[], lag: number): LabBatch => {
    const next = 100 + times.length;
    return {
      topic,
      partition,
      records: times.map((ts, i) => ({ topic, partition, offset: String(100 + i), key: "k", value: Buffer.from("{}"), timestamp: ts })),
      highWatermark: String(next + lag),
      nextOffset: String(next),
    };
  };
  return { calls, aligner, batch };
}

describe("createInputAligner", () => {
  it("pauses a partition ahead of the slowest waiting one and resumes it once that one catches up", () => {
    const { calls, aligner, batch } = setup();
    aligner.afterBatch(batch("D_input", 0, [20_000], BIG), null, false);
    aligner.afterBatch(batch("C_output", 0, [40_000, 50_000], BIG), null, false);
    expect(calls).toEqual(["pause C_output:0"]);
    aligner.afterBatch(batch("D_input", 0, [40_000], BIG), null, false);
    expect(calls).toEqual(["pause C_output:0"]);
    aligner.afterBatch(batch("D_input", 0, [45_000], BIG), null, false);
    expect(calls).toEqual(["pause C_output:0", "resume C_output:0"]);
  });

  it("takes only the records before where a step stopped, and counts the rest as unread", () => {
    const { calls, aligner, batch } = setup();
    // Alone, the lag behind this batch would not count as waiting; with the record it stopped before, it does.
    aligner.afterBatch(batch("D_input", 0, [21_000, 90_000], WAITING_MIN_RECORDS), "101", false);
    aligner.afterBatch(batch("C_output", 0, [50_000], BIG), null, false);
    expect(calls).toEqual(["pause C_output:0"]);
  });

  it("does not pause while an input replays after a restart, and resumes what was paused", () => {
    const { calls, aligner, batch } = setup();
    aligner.afterBatch(batch("C_output", 0, [20_000], BIG), null, false);
    aligner.afterBatch(batch("D_input", 1, [50_000], BIG), null, false);
    expect(calls).toEqual(["pause D_input:1"]);
    aligner.afterBatch(batch("C_output", 0, [21_000], BIG), null, true);
    expect(calls).toEqual(["pause D_input:1", "resume D_input:1"]);
  });

  it("resumes everything after a rebalance", () => {
    const { calls, aligner, batch } = setup();
    aligner.afterBatch(batch("D_input", 0, [20_000], BIG), null, false);
    aligner.afterBatch(batch("C_output", 0, [50_000], BIG), null, false);
    aligner.reassigned();
    expect(calls).toEqual(["pause C_output:0", "resume C_output:0"]);
    aligner.reassigned();
    expect(calls).toHaveLength(2);
  });
});
