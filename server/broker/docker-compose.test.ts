import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_KAFKA_VERSION } from "./provision";

/** docker-compose.yaml at the repository root, parsed. */
interface Compose {
  services: Record<string, { image?: string; environment?: Record<string, unknown>; volumes?: string[] }>;
}
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const compose = parse(readFileSync(path.join(ROOT, "docker-compose.yaml"), "utf8")) as Compose;
const kafka = compose.services.kafka!;

describe("docker-compose.yaml", () => {
  it("runs the same Kafka version as the embedded broker", () => {
    const [repo, tag] = (kafka.image ?? "").split(":");
    expect(repo).toBe("apache/kafka");
    expect(tag).toBe(DEFAULT_KAFKA_VERSION);
  });

  it("writes the broker's log dir into the mounted volume, so a recreated container keeps its topics", () => {
    const logDirs = String(kafka.environment?.KAFKA_LOG_DIRS ?? "");
    const mounts = (kafka.volumes ?? []).map((v) => v.split(":")[1]);
    expect(logDirs).not.toBe("");
    for (const dir of logDirs.split(",")) expect(mounts, dir).toContain(dir);
  });

  it("gives the lab an external broker and a volume for its data directory", () => {
    const lab = compose.services.lab!;
    expect(lab.environment?.KAFKA_BROKERS).toBe("kafka:9092");
    expect((lab.volumes ?? []).map((v) => v.split(":")[1])).toContain("/app/.lab");
  });
});
