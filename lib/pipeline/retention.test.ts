import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { rereadHorizonMs, topicRetentionConfig } from "./retention";

const MIB = 1024 * 1024;
const policy = { retentionMs: 3600_000, totalBytes: 2048 * MIB };

describe("topicRetentionConfig", () => {
  it("splits the total size evenly over every partition of every topic", () => {
    const c = topicRetentionConfig(policy, 11, 3, DEFAULT_SETTINGS);
    expect(Number(c["retention.bytes"])).toBe(Math.floor((2048 * MIB) / 33));
    expect(Number(c["retention.bytes"]) * 33).toBeLessThanOrEqual(2048 * MIB);
  });

  it("gives each partition less when the topics have more partitions", () => {
    const three = Number(topicRetentionConfig(policy, 11, 3, DEFAULT_SETTINGS)["retention.bytes"]);
    const six = Number(topicRetentionConfig(policy, 11, 6, DEFAULT_SETTINGS)["retention.bytes"]);
    expect(six).toBeLessThan(three);
  });

  it("keeps segments a quarter of the partition's share so retention deletes old segments, within Kafka's 1 MiB minimum", () => {
    expect(Number(topicRetentionConfig(policy, 11, 3, DEFAULT_SETTINGS)["segment.bytes"])).toBe(Math.floor(Math.floor((2048 * MIB) / 33) / 4));
    const tiny = topicRetentionConfig({ ...policy, totalBytes: 10 * MIB }, 11, 64, DEFAULT_SETTINGS);
    expect(tiny["segment.bytes"]).toBe(String(MIB));
    expect(tiny["retention.bytes"]).toBe(String(MIB));
  });

  it("rolls segments by time too, so a slow topic's old records expire", () => {
    expect(topicRetentionConfig(policy, 11, 3, DEFAULT_SETTINGS)["segment.ms"]).toBe(String(15 * 60_000));
  });

  it("keeps the configured time when it covers what the join may re-read after a restart", () => {
    expect(topicRetentionConfig(policy, 11, 3, DEFAULT_SETTINGS)["retention.ms"]).toBe("3600000");
  });

  it("keeps records longer than configured when the join's window and watermark delay reach further back", () => {
    const wide = { ...DEFAULT_SETTINGS, joinWindowMs: 3600_000, watermarkDelayMs: 3600_000 };
    expect(Number(topicRetentionConfig(policy, 11, 3, wide)["retention.ms"])).toBe(rereadHorizonMs(wide));
    expect(rereadHorizonMs(wide)).toBeGreaterThan(2 * 3600_000);
  });
});
