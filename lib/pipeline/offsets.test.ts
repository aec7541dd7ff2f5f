import { describe, expect, it } from "vitest";
import { PartitionOffsets, compareOffsets, recordsBehind } from "./offsets";

describe("compareOffsets", () => {
  it("orders decimal offsets numerically", () => {
    expect(compareOffsets("9", "10")).toBeLessThan(0);
    expect(compareOffsets("10", "9")).toBeGreaterThan(0);
    expect(compareOffsets("42", "42")).toBe(0);
    expect(compareOffsets("9223372036854775806", "9223372036854775807")).toBeLessThan(0);
  });
});

describe("recordsBehind", () => {
  it("counts the offsets from the next one to read up to the high watermark, never below zero", () => {
    expect(recordsBehind("120", "100")).toBe(20);
    expect(recordsBehind("100", "100")).toBe(0);
    expect(recordsBehind("99", "100")).toBe(0);
    expect(recordsBehind("18446744073709551615", "18446744073709551515")).toBe(100);
  });
});

describe("PartitionOffsets", () => {
  const item = (offset: string) => ({ offset, live: true });

  it("reports the lowest live offset as items are removed in any order", () => {
    const p = new PartitionOffsets<{ offset: string; live: boolean }>();
    const items = ["8", "9", "10", "11"].map(item);
    for (const i of items) p.add(i);
    expect(p.lowest()).toBe("8");
    items[1]!.live = false;
    p.removed();
    expect(p.lowest()).toBe("8");
    items[0]!.live = false;
    p.removed();
    expect(p.lowest()).toBe("10");
    expect(p.size).toBe(2);
    for (const i of items.slice(2)) {
      i.live = false;
      p.removed();
    }
    expect(p.lowest()).toBeNull();
    expect(p.size).toBe(0);
  });

  it("stays correct when offsets rewind (a re-read after a seek)", () => {
    const p = new PartitionOffsets<{ offset: string; live: boolean }>();
    p.add(item("20"));
    p.add(item("5"));
    expect(p.lowest()).toBe("5");
  });

  it("stays correct across compaction of a long queue", () => {
    const p = new PartitionOffsets<{ offset: string; live: boolean }>();
    const items = Array.from({ length: 5000 }, (_, i) => item(String(i)));
    for (const i of items) p.add(i);
    for (let k = 0; k < 4000; k++) {
      items[k]!.live = false;
      p.removed();
    }
    expect(p.lowest()).toBe("4000");
    p.add(item("5000"));
    expect(p.size).toBe(1001);
  });
});
