import { describe, expect, it } from "vitest";
import type { DatasetInfo } from "../contract/datasets";
import { formFor, startOf } from "./replay-form";
import { USER_LOG_COLUMNS } from "./sample";

const info = (columns: string[], preview: Record<string, string>[] = []): DatasetInfo => ({
  id: "upload-0123456789ab",
  label: "x",
  format: "csv",
  bytes: 1,
  columns,
  preview,
  sample: false,
  uploadedAt: 1,
});

describe("formFor and startOf", () => {
  it("maps user_log by user_id and month + day of 2015, replayed a day a second", () => {
    const form = formFor(info([...USER_LOG_COLUMNS]));
    expect(startOf("sample-user-log", form)).toEqual({
      ok: true,
      start: {
        dataset: "sample-user-log",
        mapping: { key: "user_id", time: { kind: "monthDay", month: "month", day: "day", year: 2015 } },
        pace: { kind: "speed", factor: 86400 },
        topic: "user_log",
      },
    });
  });

  it("finds a time column and guesses its unit from the first row", () => {
    expect(formFor(info(["id", "ts"], [{ id: "a", ts: "1700000000" }]))).toMatchObject({ key: "id", timeKind: "column", timeColumn: "ts", unit: "s" });
    expect(formFor(info(["id", "created_at"], [{ id: "a", created_at: "2024-01-01T00:00:00Z" }]))).toMatchObject({ timeColumn: "created_at", unit: "iso" });
    expect(formFor(info(["id", "v"]))).toMatchObject({ timeKind: "none", paceKind: "rate" });
  });

  it("names the field a typed value breaks", () => {
    const form = formFor(info(["id", "v"]));
    expect(startOf("upload-0123456789ab", { ...form, rate: "0" })).toMatchObject({ ok: false, field: "pace.recordsPerSecond" });
    expect(startOf("upload-0123456789ab", { ...form, topic: "A_input" })).toMatchObject({ ok: false, field: "topic" });
    expect(startOf("upload-0123456789ab", { ...form, paceKind: "speed" })).toMatchObject({
      ok: false,
      field: "pace",
      error: "replaying at event-time speed needs an event-time column",
    });
  });
});
