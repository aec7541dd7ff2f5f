import { describe, expect, it } from "vitest";
import { WorkerMetrics } from "./metrics";

describe("WorkerMetrics membership", () => {
  it("tells its listener at once when the group generation changes, and not when the same generation is heard again", () => {
    const m = new WorkerMetrics(() => 0);
    const seen: (number | null | undefined)[] = [];
    m.onMembershipChange(() => seen.push(m.snapshot().generation));
    m.setGeneration(3);
    m.setGeneration(3);
    m.setGeneration(null);
    m.setGeneration(4);
    expect(seen).toEqual([3, null, 4]);
  });
});
