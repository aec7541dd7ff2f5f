import { describe, expect, it } from "vitest";
import { parseSegments, resetOutcome } from "./storage";

describe("parseSegments", () => {
  it("lists the .log files of a partition directory by base offset, oldest first, and nothing else", () => {
    const files = [
      { name: "00000000000000000120.log", bytes: 4096 },
      { name: "00000000000000000000.log.deleted", bytes: 9 },
      { name: "00000000000000000120.index", bytes: 10 },
      { name: "00000000000000000060.log", bytes: 8000 },
      { name: "00000000000000000200.log.cleaned", bytes: 1 },
      { name: "leader-epoch-checkpoint", bytes: 3 },
    ];
    expect(parseSegments(files)).toEqual([
      { baseOffset: "60", bytes: 8000 },
      { baseOffset: "120", bytes: 4096 },
    ]);
  });
});

describe("resetOutcome", () => {
  const base = { asked: 120n, logStart: 300n, logEnd: 900n, at: 1 };
  it("earliest: a reader behind retention restarts at the log start and loses what lay between", () => {
    expect(resetOutcome({ ...base, policy: "earliest", firstRead: 300n })).toMatchObject({ resetTo: "300", lost: 180 });
  });
  it("latest: it jumps to the end, losing everything it had not read", () => {
    expect(resetOutcome({ ...base, policy: "latest", firstRead: null })).toMatchObject({ resetTo: "900", lost: 780 });
  });
  it("uses the offset it was actually given when the log moved on meanwhile", () => {
    expect(resetOutcome({ ...base, policy: "earliest", firstRead: 320n })).toMatchObject({ resetTo: "320", lost: 200 });
  });
  it("a reader whose offset is still in the log loses nothing, whatever its policy", () => {
    expect(resetOutcome({ ...base, asked: 400n, policy: "latest", firstRead: 400n })).toMatchObject({ resetTo: "400", lost: 0 });
  });
});
