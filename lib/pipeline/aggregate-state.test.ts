import { describe, expect, it } from "vitest";
import { AGG_META_MAX_BYTES, decodeAggMeta, encodeAggMeta, pickCheckpoint } from "./aggregate-state";
import { MAX_OPEN_WINDOWS, type WindowTableState } from "./window-agg";

const T = 1_763_800_000_000;
const state = (over: Partial<WindowTableState> = {}): WindowTableState => ({
  batch: 7,
  late: 2,
  watermark: T + 5000,
  parts: [
    [0, "12", T + 10_000],
    [1, null, null],
  ],
  windows: [
    [T, 3, 80],
    [T + 10_000, 1, -30],
  ],
  ...over,
});

describe("aggregation checkpoints", () => {
  it("round-trip a window table through offset metadata", () => {
    const text = encodeAggMeta({ seq: 4, state: state() }, 10_000);
    expect(decodeAggMeta(text, 10_000)).toEqual({ seq: 4, state: state() });
  });
  it("fit Kafka's metadata limit at the largest state the settings allow", () => {
    const windows = Array.from({ length: MAX_OPEN_WINDOWS }, (_, i): [number, number, number] => [T + i * 1000, 99_999, 999_999_999]);
    const parts = Array.from({ length: 64 }, (_, p): [number, string, number] => [p, "123456789012", T + 999_999]);
    expect(Buffer.byteLength(encodeAggMeta({ seq: 1e9, state: state({ windows, parts }) }, 1000))).toBeLessThanOrEqual(AGG_META_MAX_BYTES);
  });
  it("refuse to write a checkpoint the broker would reject", () => {
    const windows = Array.from({ length: 400 }, (_, i): [number, number, number] => [T + i * 1000, 99_999, 999_999_999]);
    expect(() => encodeAggMeta({ seq: 1, state: state({ windows }) }, 1000)).toThrow(/offset metadata/);
  });
  it("ignore metadata that is not a checkpoint", () => {
    expect(decodeAggMeta("", 1000)).toBeNull();
    expect(decodeAggMeta("{not json", 1000)).toBeNull();
    expect(decodeAggMeta(JSON.stringify({ v: 2 }), 1000)).toBeNull();
  });
  it("pick the newest checkpoint among a topic's partitions", () => {
    const older = encodeAggMeta({ seq: 3, state: state({ batch: 3 }) }, 10_000);
    const newer = encodeAggMeta({ seq: 4, state: state() }, 10_000);
    const cp = pickCheckpoint(
      [
        { partition: 0, offset: "12", metadata: newer },
        { partition: 1, offset: null, metadata: older },
      ],
      10_000,
    );
    expect(cp?.seq).toBe(4);
  });
  it("start over when the committed offsets were moved without the checkpoint (a rewind)", () => {
    const meta = encodeAggMeta({ seq: 4, state: state() }, 10_000);
    expect(
      pickCheckpoint(
        [
          { partition: 0, offset: "0", metadata: meta },
          { partition: 1, offset: null, metadata: null },
        ],
        10_000,
      ),
    ).toBeNull();
  });
});
