import { describe, expect, it } from "vitest";
import { partitionLag, readValue, toTailRecord, VALUE_TEXT_LIMIT } from "./tail";

describe("readValue", () => {
  it("reads an input, an output and a join record", () => {
    expect(readValue('{"strategy":"A","value":42,"ts":1000}')).toEqual({ num: 42, eventTs: 1000 });
    expect(readValue('{"result":73,"ts":2000}')).toEqual({ num: 73, eventTs: 2000 });
    expect(readValue('{"c_val":58,"d_val":12,"c_ts":1,"d_ts":2,"ts":2}')).toEqual({ num: 58, eventTs: 2 });
  });
  it("copes with anything else", () => {
    for (const t of [null, "", "not json", "[1,2]", "42", '{"value":"x"}']) expect(readValue(t)).toEqual({ num: null, eventTs: null });
  });
});

describe("toTailRecord", () => {
  it("truncates long values", () => {
    const r = toTailRecord({ partition: 1, offset: "7", key: "user-1", value: "x".repeat(1000), timestamp: 5 });
    expect(r.value!.length).toBe(VALUE_TEXT_LIMIT + 1);
    expect(r).toMatchObject({ partition: 1, offset: "7", key: "user-1", num: null, eventTs: null, timestamp: 5 });
  });
});

describe("partitionLag", () => {
  it("is latest minus committed, never negative, unknown without a commit", () => {
    expect(partitionLag("100", "90")).toBe(10);
    expect(partitionLag("100", "120")).toBe(0);
    expect(partitionLag("100", null)).toBeNull();
    expect(partitionLag("100", "-1")).toBeNull();
    expect(partitionLag("9007199254740993", "9007199254740990")).toBe(3);
  });
});
