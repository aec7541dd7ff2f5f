import { describe, expect, it } from "vitest";
import { JoinProgress, decodeJoinMeta, encodeJoinMeta } from "./join-progress";

describe("join commit metadata", () => {
  it("round-trips what the join commits", () => {
    const meta = { next: "120", maxC: 5, maxD: null, dropped: ["100", "101"] };
    expect(decodeJoinMeta(encodeJoinMeta(meta))).toEqual({ v: 1, ...meta });
  });

  it("reads missing, foreign or corrupt metadata as none", () => {
    for (const raw of [null, "", "not json", "{}", '{"v":2,"next":"1","maxC":null,"maxD":null}', '{"v":1,"next":"-1","maxC":null,"maxD":null}']) {
      expect(decodeJoinMeta(raw)).toBeNull();
    }
  });
});

describe("JoinProgress", () => {
  it("treats every record as new on a partition never committed", () => {
    const p = new JoinProgress();
    p.restore("C:0", null, null);
    expect(p.classify("C:0", "0")).toBe("new");
  });

  it("replays what was processed before a restart, then takes new records as new", () => {
    const p = new JoinProgress();
    p.restore("C:0", "10", { v: 1, next: "15", maxC: null, maxD: null, dropped: [] });
    expect(["10", "14", "15", "16"].map((o) => p.classify("C:0", o))).toEqual(["replay", "replay", "new", "new"]);
  });

  it("skips records this process already processed when they are delivered again", () => {
    const p = new JoinProgress();
    p.restore("C:0", "0", null);
    for (const o of ["0", "1", "2"]) p.processed("C:0", o);
    expect(p.classify("C:0", "1")).toBe("skip");
    expect(p.classify("C:0", "3")).toBe("new");
    expect(p.position("C:0")).toBe("3");
  });

  it("keeps the replay frontier apart from the position while the replay is under way", () => {
    const p = new JoinProgress();
    p.restore("D:1", "10", { v: 1, next: "20", maxC: null, maxD: null, dropped: [] });
    p.processed("D:1", "10");
    expect(p.position("D:1")).toBe("11");
    expect(p.frontier("D:1")).toBe("20");
  });

  it("ignores metadata that points behind the committed offset", () => {
    const p = new JoinProgress();
    p.restore("D:1", "10", { v: 1, next: "5", maxC: null, maxD: null, dropped: [] });
    expect(p.classify("D:1", "10")).toBe("new");
  });

  it("skips, on replay, the records that were dropped before the restart", () => {
    const p = new JoinProgress();
    p.restore("C:0", "10", { v: 1, next: "15", maxC: null, maxD: null, dropped: ["12"] });
    expect(["11", "12", "13"].map((o) => p.classify("C:0", o))).toEqual(["replay", "skip", "replay"]);
  });

  it("keeps only the dropped offsets a restart would read again", () => {
    const p = new JoinProgress();
    p.restore("C:0", "0", null);
    for (const o of ["3", "7", "9"]) p.droppedRecord("C:0", o);
    expect(p.droppedFrom("C:0", "5")).toEqual(["7", "9"]);
    expect(p.droppedFrom("C:0", "0")).toEqual(["7", "9"]);
  });

  it("carries at most a bounded number of dropped offsets in the metadata", () => {
    const many = Array.from({ length: 500 }, (_, i) => String(i));
    const decoded = decodeJoinMeta(encodeJoinMeta({ next: "600", maxC: null, maxD: null, dropped: many }));
    expect(decoded?.dropped.length).toBeLessThanOrEqual(100);
  });

  it("forgets a dropped partition", () => {
    const p = new JoinProgress();
    p.restore("C:0", "0", null);
    p.drop("C:0");
    expect(p.isRestored("C:0")).toBe(false);
  });
});
