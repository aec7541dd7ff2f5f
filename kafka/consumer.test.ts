import { describe, expect, it } from "vitest";
import type { Kafka } from "kafkajs";
import { wrapConsumer } from "./consumer";

/** The options wrapConsumer gives kafkajs, from a stand-in client that only records them. */
function kafkajsOptions(o: Parameters<typeof wrapConsumer>[1]): Record<string, unknown> {
  let seen: Record<string, unknown> = {};
  const kafka = { consumer: (opts: Record<string, unknown>) => ((seen = opts), {}) } as unknown as Kafka;
  wrapConsumer(kafka, o);
  return seen;
}

describe("wrapConsumer", () => {
  it("heartbeats after every batch by default, so a commit's membership check reaches the coordinator", () => {
    expect(kafkajsOptions({ groupId: "g" }).heartbeatInterval).toBe(0);
  });

  it("lets a reader that commits nothing skip the round trip after each batch", () => {
    expect(kafkajsOptions({ groupId: "g", heartbeatEveryBatch: false }).heartbeatInterval).toBe(3000);
  });
});
