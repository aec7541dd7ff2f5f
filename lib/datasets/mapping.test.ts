import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../contract/datasets";
import { rowDeadLetter } from "./dead-letter";
import { eventTimeOf, mapRow } from "./mapping";

const userLog: ColumnMapping = { key: "user_id", time: { kind: "monthDay", month: "month", day: "day", year: 2015 } };

describe("mapRow", () => {
  it("keys a user_log row by user_id, its event time midnight UTC of its month and day, its value the whole row", () => {
    const fields = { user_id: "328862", month: "08", day: "29", gender: "1" };
    expect(mapRow(2, fields, userLog)).toEqual({ ok: true, key: "328862", ts: Date.UTC(2015, 7, 29), value: JSON.stringify(fields) });
  });

  it("dead-letters a row without a key, with an impossible day, or with a time that is not a number", () => {
    expect(mapRow(3, { user_id: " ", month: "08", day: "29" }, userLog)).toEqual({
      ok: false,
      problem: { line: 3, reason: "missing_key", error: "no value in the key column user_id" },
    });
    expect(mapRow(4, { user_id: "1", month: "02", day: "30" }, userLog)).toMatchObject({
      ok: false,
      problem: { line: 4, reason: "bad_time", error: "no day 30 in month 2" },
    });
    expect(mapRow(5, { user_id: "1", month: "x", day: "1" }, userLog)).toMatchObject({ ok: false, problem: { line: 5, reason: "bad_time" } });
    expect(mapRow(6, { user_id: "1", month: "13", day: "1" }, userLog)).toMatchObject({ ok: false, problem: { reason: "bad_time" } });
  });
});

describe("eventTimeOf", () => {
  const at = Date.UTC(2024, 0, 2, 3, 4, 5);
  it("reads epoch ms, epoch s and ISO date-times, from text or numbers", () => {
    expect(eventTimeOf({ t: at }, { kind: "column", column: "t", unit: "ms" })).toEqual({ ts: at });
    expect(eventTimeOf({ t: String(at / 1000) }, { kind: "column", column: "t", unit: "s" })).toEqual({ ts: at });
    expect(eventTimeOf({ t: "2024-01-02T03:04:05Z" }, { kind: "column", column: "t", unit: "iso" })).toEqual({ ts: at });
    expect(eventTimeOf({}, { kind: "none" })).toEqual({ ts: null });
  });

  it("refuses a time in the wrong unit (seconds read as ms land in 1970), a missing one, or a non-date", () => {
    expect(eventTimeOf({ t: at / 1000 }, { kind: "column", column: "t", unit: "ms" })).toEqual({ error: expect.stringMatching(/outside 2000–2100/) });
    expect(eventTimeOf({}, { kind: "column", column: "t", unit: "ms" })).toEqual({ error: 't is not a number: ""' });
    expect(eventTimeOf({ t: "yesterday" }, { kind: "column", column: "t", unit: "iso" })).toEqual({ error: 't is not an ISO date-time: "yesterday"' });
  });
});

describe("rowDeadLetter", () => {
  it("carries the line number, the reason and the line itself, at partition and offset −1", () => {
    const rec = rowDeadLetter({ line: 7, reason: "bad_row", error: "1 values for 2 columns" }, "oops", "user_log", "p_dead_letters", "dataset-replay", 1000);
    expect(rec).toMatchObject({ topic: "p_dead_letters", key: null, timestamp: 1000 });
    expect(JSON.parse(rec.value as string)).toMatchObject({
      topic: "user_log",
      partition: -1,
      offset: "-1",
      line: 7,
      reason: "bad_row",
      payload: "oops",
      payloadBytes: 4,
    });
  });
});
