import { describe, expect, it } from "vitest";
import { flowing, nodeState } from "./node-state";

describe("a node while the broker is down", () => {
  it("waits for the broker instead of showing running", () => {
    expect(nodeState("running", { connected: false })).toBe("waitingBroker");
    expect(nodeState("starting", { connected: false })).toBe("waitingBroker");
    expect(flowing("running", { connected: false })).toBe(false);
  });
  it("shows its own status when the broker is up, unknown, or it is not running", () => {
    expect(nodeState("running", { connected: true })).toBe("running");
    expect(nodeState("running", null)).toBe("running");
    expect(nodeState("stopped", { connected: false })).toBe("stopped");
    expect(nodeState("crashed", { connected: false })).toBe("crashed");
    expect(flowing("running", { connected: true })).toBe(true);
    expect(flowing("stopped", { connected: true })).toBe(false);
  });
});
