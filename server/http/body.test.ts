import { describe, expect, it } from "vitest";
import { declaresTooLarge, readLimited } from "./body";

/** A stream of `count` chunks of `size` bytes, one per `everyMs`, that records how many were pulled and whether it was cancelled. */
function source(count: number, size: number, everyMs = 0) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (everyMs) await new Promise((r) => setTimeout(r, everyMs));
        if (seen.cancelled) return;
        if (seen.pulled === count) return controller.close();
        seen.pulled++;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

describe("readLimited", () => {
  it("reads a body within the limit as text, the limit itself included", async () => {
    expect(await readLimited(source(4, 4).stream, 16)).toBe("a".repeat(16));
    expect(await readLimited(new Response('{"ü":1}').body, 16)).toBe('{"ü":1}');
    expect(await readLimited(null, 16)).toBe("");
  });

  it("answers null at the first chunk over the limit, before the rest of the body arrives", async () => {
    let more: (() => void) | null = null;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.enqueue(new Uint8Array(10));
        more = () => controller.close();
      },
    });
    expect(await readLimited(stream, 16, { ms: 50, bytes: 1024 })).toBeNull();
    more!();
  });

  it("drops the rest of a body that ends within the linger bytes, without cancelling it", async () => {
    const { stream, seen } = source(100, 1024);
    expect(await readLimited(stream, 16 * 1024, { ms: 1000, bytes: 100 * 1024 })).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.pulled).toBe(100);
    expect(seen.cancelled).toBe(false);
  });

  it("reads no more than the linger bytes of an endless body, then cancels it after the linger time", async () => {
    const { stream, seen } = source(Number.MAX_SAFE_INTEGER, 1024);
    expect(await readLimited(stream, 16 * 1024, { ms: 200, bytes: 64 * 1024 })).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.pulled).toBeLessThanOrEqual(17 + 65 + 1);
    expect(seen.cancelled).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.cancelled).toBe(true);
  });

  it("cancels a slow body that goes on past the linger time, instead of reading forever", async () => {
    const { stream, seen } = source(Number.MAX_SAFE_INTEGER, 1024, 1);
    expect(await readLimited(stream, 16 * 1024, { ms: 100, bytes: 1024 * 1024 })).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.cancelled).toBe(true);
    const pulled = seen.pulled;
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.pulled).toBe(pulled);
  });
});

describe("declaresTooLarge", () => {
  it("is true only for a numeric Content-Length over the limit", () => {
    expect(declaresTooLarge("16385", 16384)).toBe(true);
    expect(declaresTooLarge("16384", 16384)).toBe(false);
    expect(declaresTooLarge(undefined, 16384)).toBe(false);
    expect(declaresTooLarge("abc", 16384)).toBe(false);
  });
});
