import { describe, expect, it } from "vitest";
import { sendErrorOf } from "./send-errors";

const known = [{ type: "NOT_ENOUGH_REPLICAS", message: "Messages are rejected since there are fewer in-sync replicas than required" }];

describe("a producer's send error from kafkajs' log", () => {
  it("names Kafka's error from the retried send's log line", () => {
    expect(sendErrorOf("Producer", "ERROR", `Failed to send messages: ${known[0]!.message}`, known)).toEqual({
      type: "NOT_ENOUGH_REPLICAS",
      message: known[0]!.message,
    });
  });

  it("keeps a message it does not know, and ignores other namespaces and levels", () => {
    expect(sendErrorOf("Producer", "ERROR", "Connection timeout", known)).toEqual({ type: null, message: "Connection timeout" });
    expect(sendErrorOf("Consumer", "ERROR", "Failed to send messages: x", known)).toBeNull();
    expect(sendErrorOf("Producer", "WARN", "Failed to send messages: x", known)).toBeNull();
  });
});
