import { describe, expect, it } from "vitest";
import type { LogView } from "@/lib/contract/log";
import { logEffects } from "./effects";

const reader = (isolation: "read_committed" | "read_uncommitted", demoRecords = 0) => ({ isolation, records: demoRecords, demoRecords, lastOffset: null });
const part = (logStart: string, highWatermark = "100", lastStable = highWatermark) => ({ partition: 0, logStart, highWatermark, lastStable });

function logView(
  over: { logStart?: string; compaction?: Partial<LogView["compaction"]>; txn?: Partial<LogView["txn"]>; lastReset?: LogView["storage"]["lastReset"] } = {},
): LogView {
  return {
    storage: {
      topic: "lab_storage",
      running: true,
      produced: 100,
      partition: part(over.logStart ?? "0"),
      segments: [],
      slowReaderAt: "10",
      lastReset: over.lastReset ?? null,
      config: {},
    },
    compaction: { topic: "lab_profiles", running: true, keys: [], scannedAt: null, partition: null, segments: [], config: {}, ...over.compaction },
    txn: {
      topic: "A_output",
      held: null,
      lastEnded: null,
      readers: { committed: reader("read_committed"), uncommitted: reader("read_uncommitted") },
      partitions: [part("0")],
      ...over.txn,
    },
  };
}

describe("logEffects", () => {
  it("the log start moving forward, and a reset that lost records, once each", () => {
    const reset = { policy: "earliest" as const, asked: "10", logStart: "40", logEnd: "90", resetTo: "40", lost: 30, at: 5 };
    expect(logEffects(null, logView({ logStart: "40" }))).toEqual([]);
    expect(logEffects(logView({ logStart: "20" }), logView({ logStart: "40", lastReset: reset }))).toEqual(["log-start-advanced", "reset-lost"]);
    expect(logEffects(logView({ logStart: "40", lastReset: reset }), logView({ logStart: "40", lastReset: reset }))).toEqual([]);
  });

  it("compaction and a tombstoned key gone, judged on a new read of the table only", () => {
    const key = (k: string, produced: number, inLog: number, tombstones = 0) => ({
      key: k,
      produced,
      tombstonesProduced: tombstones,
      inLog,
      tombstonesInLog: 0,
      latest: null,
    });
    const keys = [key("user-1", 5, 2), key("user-2", 2, 0, 1), key("user-3", 2, 2)];
    const now = logView({ compaction: { keys, scannedAt: 2 } });
    expect(logEffects(logView({ compaction: { scannedAt: 1 } }), now)).toEqual(["compacted", "tombstone-gone:user-2"]);
    expect(logEffects(now, now)).toEqual([]);
    expect(logEffects(null, logView({ compaction: { keys: [key("user-1", 4, 2)], scannedAt: 3 } }))).toEqual([]);
  });

  it("a held transaction holds the LSO back while only read_uncommitted reads it; once aborted, read_committed skipped it", () => {
    const held = { since: 1, records: 6, timeoutMs: 60_000 };
    const open = logView({
      txn: { held, partitions: [part("0", "20", "14")], readers: { committed: reader("read_committed"), uncommitted: reader("read_uncommitted", 6) } },
    });
    expect(logEffects(null, open)).toEqual(["lso-stuck"]);
    const aborted = logView({
      txn: {
        lastEnded: { how: "aborted", records: 6, at: 2 },
        partitions: [part("0", "21", "21")],
        readers: { committed: reader("read_committed"), uncommitted: reader("read_uncommitted", 6) },
      },
    });
    expect(logEffects(open, aborted)).toEqual(["aborted-skipped"]);
    expect(logEffects(open, logView({ txn: { lastEnded: { how: "timedOut", records: 6, at: 2 } } }))).toEqual([]);
  });
});
