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
  it("bases a commit's membership check on a heartbeat answer at most 500 ms old, far inside the session timeout", () => {
    const o = kafkajsOptions({ groupId: "g" });
    expect(o.heartbeatInterval).toBe(500);
    expect(o.sessionTimeout).toBeGreaterThanOrEqual(20 * (o.heartbeatInterval as number));
  });

  it("lets a reader that commits nothing keep kafkajs' 3 s heartbeat", () => {
    expect(kafkajsOptions({ groupId: "g", heartbeatEveryBatch: false }).heartbeatInterval).toBe(3000);
  });
});
