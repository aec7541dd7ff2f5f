import { describe, expect, it } from "vitest";
import { Inject } from "../contract/experiments";
import type { LabRecord } from "../contract/records";
import { injectedRecord } from "./inject";
import { validateInputRecord } from "./validate";

const NOW = 1_800_000_000_000;
const asRead = (o: ReturnType<typeof injectedRecord>): LabRecord => ({
  topic: o.topic,
  partition: 0,
  offset: "0",
  key: o.key,
  value: Buffer.from(o.value),
  timestamp: o.timestamp,
});

describe("injectedRecord", () => {
  it("makes a valid record with the event time shifted by the chosen offset", () => {
    const rec = injectedRecord(Inject.parse({ kind: "record", strategy: "D", key: "user-2", value: 7, eventTimeOffsetMs: -180_000 }), NOW);
    expect(rec.topic).toBe("D_input");
    expect(rec.timestamp).toBe(NOW - 180_000);
    expect(validateInputRecord(asRead(rec), "D", NOW)).toMatchObject({ ok: true, value: { value: 7, ts: NOW - 180_000 } });
  });

  it("makes each bad preset a record the workers dead-letter with the matching reason", () => {
    const expected = {
      "not-json": "not_json",
      "not-utf8": "not_utf8",
      "not-an-object": "not_object",
      "wrong-strategy": "wrong_strategy",
      "out-of-range": "out_of_range",
      "missing-ts": "invalid_field",
    } as const;
    for (const [preset, reason] of Object.entries(expected)) {
      const rec = injectedRecord(Inject.parse({ kind: "bad", strategy: "C", preset }), NOW);
      expect(validateInputRecord(asRead(rec), "C", NOW), preset).toMatchObject({ ok: false, reason });
    }
  });

  it("refuses requests outside the allowed shapes", () => {
    expect(Inject.safeParse({ kind: "record", strategy: "C", key: "x y", value: 1, eventTimeOffsetMs: 0 }).success).toBe(false);
    expect(Inject.safeParse({ kind: "record", strategy: "C", key: "k", value: 1, eventTimeOffsetMs: 2 * 3_600_000 }).success).toBe(false);
    expect(Inject.safeParse({ kind: "bad", strategy: "C", preset: "rm -rf" }).success).toBe(false);
  });
});
