import { InputAlignment } from "@/lib/pipeline/input-alignment";
import type { JoinSideName } from "@/lib/pipeline/join-state";
import type { Logger } from "@/server/log";
import type { LabBatch, LabConsumer } from "@/server/kafka/types";

export interface InputAlignerDeps {
  consumer: Pick<LabConsumer, "pause" | "resume">;
  topics: Record<JoinSideName, string>;
  maxSkewMs: number;
  log: Pick<Logger, "info">;
}

/** What the join knows after a batch: how far each side has read in event time, and whether it is replaying. */
export interface JoinReadProgress {
  maxC: number | null;
  maxD: number | null;
  replaying: boolean;
}

/** Pauses and resumes the join's inputs as `InputAlignment` decides, from each batch's lag. */
export function createInputAligner(deps: InputAlignerDeps) {
  const alignment = new InputAlignment(deps.maxSkewMs);
  const lag = new Map<string, { side: JoinSideName; records: number }>();
  const sum = (side: JoinSideName) => [...lag.values()].reduce((n, l) => n + (l.side === side ? l.records : 0), 0);
  const apply = (before: JoinSideName | null, after: JoinSideName | null) => {
    if (after === before) return;
    if (before) deps.consumer.resume([deps.topics[before]]);
    if (after) deps.consumer.pause([deps.topics[after]]);
    const detail = { paused: after, resumed: before, lagC: sum("C"), lagD: sum("D") };
    deps.log.info(detail, after ? `reading ${deps.topics[after]} paused: it is ahead of the other input in event time` : `reading ${deps.topics[before!]} again`);
  };
  return {
    afterBatch(batch: LabBatch, resumeAt: string | null, progress: JoinReadProgress): void {
      const side: JoinSideName = batch.topic === deps.topics.C ? "C" : "D";
      lag.set(`${batch.topic}:${batch.partition}`, { side, records: Number(BigInt(batch.highWatermark) - BigInt(resumeAt ?? batch.nextOffset)) });
      const before = alignment.pausedSide;
      // While an input replays after a restart, the other side's new records wait for it: pausing either could stall both.
      if (progress.replaying) alignment.reset();
      const after = progress.replaying ? null : alignment.update({ maxTs: { C: progress.maxC, D: progress.maxD }, lag: { C: sum("C"), D: sum("D") } });
      apply(before, after);
    },
    /** After a rebalance: what was seen no longer describes what we own. */
    reassigned(): void {
      lag.clear();
      const before = alignment.pausedSide;
      alignment.reset();
      apply(before, null);
    },
  };
}
