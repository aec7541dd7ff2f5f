import { randomBytes } from "node:crypto";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Comma-separated bootstrap address of the test run's Kafka cluster. */
    kafkaBrokers: string;
  }
}

/** The test run's Kafka brokers (embedded test broker, or KAFKA_BROKERS when set), for kafkajs' `brokers`. */
export function testBrokers(): string[] {
  const brokers = inject("kafkaBrokers") ?? process.env.KAFKA_BROKERS;
  if (!brokers) {
    throw new Error("no test broker: run this file in the `integration` or `e2e` vitest project, whose globalSetup starts one");
  }
  return brokers
    .split(",")
    .map((b) => b.trim())
    .filter(Boolean);
}

/** A topic name no other test (or earlier run against the same cluster) uses. */
export function uniqueTopic(prefix = "test"): string {
  const safe = prefix.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 180);
  return `${safe}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}
