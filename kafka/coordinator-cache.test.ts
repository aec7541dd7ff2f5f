import { describe, expect, it } from "vitest";
import { createCoordinatorCache } from "./coordinator-cache";

function setup(ttlMs = 1000) {
  let now = 0;
  let lookups = 0;
  let failNext = false;
  const coordinator = (n: number) => ({
    id: n,
    async call(ok: boolean) {
      if (!ok) throw new Error("NOT_COORDINATOR");
      return n;
    },
  });
  const cache = createCoordinatorCache(
    async (_key: { groupId: string }) => {
      lookups++;
      if (failNext) {
        failNext = false;
        throw new Error("COORDINATOR_NOT_AVAILABLE");
      }
      return coordinator(lookups);
    },
    (k) => k.groupId,
    { ttlMs, clock: () => now },
  );
  return {
    cache,
    lookups: () => lookups,
    advance: (ms: number) => void (now += ms),
    failNextLookup: () => void (failNext = true),
  };
}

describe("coordinator cache", () => {
  it("asks once per key while the answer is fresh, and again once it is older than the TTL", async () => {
    const s = setup(1000);
    expect((await s.cache.find({ groupId: "t" })).id).toBe(1);
    s.advance(999);
    expect((await s.cache.find({ groupId: "t" })).id).toBe(1);
    expect((await s.cache.find({ groupId: "other" })).id).toBe(2);
    s.advance(1);
    expect((await s.cache.find({ groupId: "t" })).id).toBe(3);
    expect(s.lookups()).toBe(3);
  });

  it("forgets a coordinator as soon as a call through it fails, so the retry asks again", async () => {
    const s = setup();
    const c = await s.cache.find({ groupId: "t" });
    await expect(c.call(true)).resolves.toBe(1);
    await expect(c.call(false)).rejects.toThrow("NOT_COORDINATOR");
    expect((await s.cache.find({ groupId: "t" })).id).toBe(2);
  });

  it("does not keep a failed lookup", async () => {
    const s = setup();
    s.failNextLookup();
    await expect(s.cache.find({ groupId: "t" })).rejects.toThrow("COORDINATOR_NOT_AVAILABLE");
    expect((await s.cache.find({ groupId: "t" })).id).toBe(2);
  });

  it("clear() forgets every answer", async () => {
    const s = setup();
    await s.cache.find({ groupId: "t" });
    s.cache.clear();
    await s.cache.find({ groupId: "t" });
    expect(s.lookups()).toBe(2);
  });
});
