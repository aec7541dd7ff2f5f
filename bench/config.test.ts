import { describe, expect, it } from "vitest";
import { DEFAULT_KAFKA_VERSION } from "@/server/broker";
import { loadBenchConfig, loadLoadGenConfig } from "./config";

describe("the bench's environment", () => {
  it("falls back to its own broker and defaults when nothing (or blank) is set", () => {
    const c = loadBenchConfig({ BENCH_KAFKA_BROKERS: "  ", PATH: "/bin" });
    expect(c).toMatchObject({
      externalBrokers: null,
      kafkaPort: 19892,
      kafkaHeapMb: 256,
      kafkaNice: 10,
      workerNice: 10,
      kafkaVersion: DEFAULT_KAFKA_VERSION,
      logLevel: "error",
      chromiumPath: "/usr/bin/chromium",
    });
    expect(c.env.PATH).toBe("/bin");
  });

  it("reads what is set, trimmed", () => {
    const c = loadBenchConfig({ BENCH_KAFKA_BROKERS: " h:9092 ", BENCH_KAFKA_PORT: "20000", BENCH_WORKER_NICE: "0", BENCH_LOG_LEVEL: "warn" });
    expect(c).toMatchObject({ externalBrokers: "h:9092", kafkaPort: 20000, workerNice: 0, logLevel: "warn" });
  });

  it("refuses a bad value, naming the variable", () => {
    expect(() => loadBenchConfig({ BENCH_KAFKA_PORT: "lots" })).toThrow(/BENCH_KAFKA_PORT/);
    expect(() => loadBenchConfig({ BENCH_KAFKA_NICE: "20" })).toThrow(/BENCH_KAFKA_NICE/);
  });
});

describe("the load generator's environment", () => {
  it("reads its brokers, topics, rate and keys", () => {
    expect(loadLoadGenConfig({ BROKERS: "a:1,b:2", C_TOPIC: "c", D_TOPIC: "d", RATE_PER_SIDE: "12.5", KEYS: "100" })).toEqual({
      BROKERS: ["a:1", "b:2"],
      C_TOPIC: "c",
      D_TOPIC: "d",
      RATE_PER_SIDE: 12.5,
      KEYS: 100,
    });
  });

  it("names what its parent did not set", () => {
    expect(() => loadLoadGenConfig({ BROKERS: "a:1" })).toThrow(/C_TOPIC/);
  });
});
