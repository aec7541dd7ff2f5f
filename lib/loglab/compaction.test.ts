import { describe, expect, it } from "vitest";
import { keyCounts, PROFILE_KEYS, profileUpdate, tallyWritten, type WrittenTally } from "./compaction";

describe("profileUpdate", () => {
  it("visits every key in turn, each visit a new version", () => {
    const first = Array.from({ length: PROFILE_KEYS * 2 }, (_, n) => profileUpdate(n));
    expect(first.slice(0, PROFILE_KEYS).map((u) => u.key)).toEqual(Array.from({ length: PROFILE_KEYS }, (_, i) => `user-${i + 1}`));
    expect(JSON.parse(first[PROFILE_KEYS]!.value)).toMatchObject({ version: 2 });
  });
});

describe("keyCounts", () => {
  const written = new Map<string, WrittenTally>();
  tallyWritten(written, [
    { key: "user-10", value: "a" },
    { key: "user-2", value: "a" },
    { key: "user-2", value: "b" },
    { key: "user-2", value: "c" },
    { key: "user-3", value: "a" },
    { key: "user-3", value: null },
  ]);

  it("before the first read of the log: what was written, nothing known of the log", () => {
    expect(keyCounts(written, null).map((k) => [k.key, k.produced, k.tombstonesProduced, k.inLog])).toEqual([
      ["user-2", 3, 0, null],
      ["user-3", 2, 1, null],
      ["user-10", 1, 0, null],
    ]);
  });

  it("after compaction: one record per key with its last value, a tombstone while kept, a deleted key at 0", () => {
    const log = [
      { key: "user-2", value: "c" },
      { key: "user-3", value: null },
    ];
    const counts = keyCounts(written, log);
    expect(counts.find((k) => k.key === "user-2")).toMatchObject({ produced: 3, inLog: 1, latest: "c" });
    expect(counts.find((k) => k.key === "user-3")).toMatchObject({ inLog: 1, tombstonesInLog: 1, latest: null });
    expect(counts.find((k) => k.key === "user-10")).toMatchObject({ inLog: 0, latest: null });
  });
});
