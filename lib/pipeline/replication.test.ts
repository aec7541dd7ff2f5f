import { describe, expect, it } from "vitest";
import { replicationBrokerConfig, replicationFor, replicationTopicConfig } from "./replication";

describe("replication", () => {
  it("keeps one copy on one node, and on three a copy per node with two needed for acks=all", () => {
    expect(replicationFor(1)).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(replicationFor(3)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(replicationTopicConfig(replicationFor(3))).toEqual({ "min.insync.replicas": "2" });
  });

  it("gives Kafka's internal topics the same factor and minimum, and never elects an unclean leader", () => {
    const config = Object.fromEntries(replicationBrokerConfig(replicationFor(3)));
    expect(config).toMatchObject({
      "default.replication.factor": 3,
      "min.insync.replicas": 2,
      "offsets.topic.replication.factor": 3,
      "transaction.state.log.replication.factor": 3,
      "transaction.state.log.min.isr": 2,
      "unclean.leader.election.enable": false,
    });
  });
});
