import { describe, expect, it } from "vitest";
import type { BrokerNode } from "@/lib/contract/api";
import { aggregateProcess } from "./cluster-state";

const node = (id: number, patch: Partial<BrokerNode> = {}): BrokerNode => ({
  id,
  port: 9090 + 2 * id,
  controllerPort: 9091 + 2 * id,
  status: "running",
  pid: 100 * id,
  reason: null,
  crashes: 0,
  restartAt: null,
  ...patch,
});

describe("the broker side as one process", () => {
  it("is the node itself when there is one", () => {
    expect(aggregateProcess([node(1, { status: "crashed", pid: null, reason: "JVM exited", crashes: 2, restartAt: 5 })])).toEqual({
      status: "crashed",
      pid: null,
      reason: "JVM exited",
      crashes: 2,
      restartAt: 5,
    });
  });

  it("runs while any node of three runs, naming why the others do not", () => {
    const p = aggregateProcess([node(1), node(2, { status: "stopped", pid: null, reason: "JVM pid 200 killed by SIGKILL" }), node(3)]);
    expect(p).toMatchObject({ status: "running", pid: 100, reason: "node 2: JVM pid 200 killed by SIGKILL", crashes: 0 });
  });

  it("speaks of a crash first, adds crashes up and shows the soonest restart", () => {
    const p = aggregateProcess([
      node(1, { status: "starting" }),
      node(2, { status: "crashed", crashes: 1, restartAt: 900 }),
      node(3, { crashes: 2, restartAt: 700 }),
    ]);
    expect(p).toMatchObject({ status: "crashed", crashes: 3, restartAt: 700 });
  });

  it("is stopped when every node is", () => {
    expect(aggregateProcess([node(1, { status: "stopped", pid: null }), node(2, { status: "stopped", pid: null })]).status).toBe("stopped");
  });
});
