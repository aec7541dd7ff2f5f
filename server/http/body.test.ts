import { describe, expect, it } from "vitest";
import { declaresTooLarge, readLimited } from "./body";

/** A stream of `count` chunks of `size` bytes that records how many were pulled and whether it was cancelled. */
function source(count: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === count) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, seen };
}

describe("readLimited", () => {
  it("reads a body within the limit as text, the limit itself included", async () => {
    expect(await readLimited(source(4, 4).stream, 16)).toBe("a".repeat(16));
    expect(await readLimited(new Response("{\"ü\":1}").body, 16)).toBe("{\"ü\":1}");
    expect(await readLimited(null, 16)).toBe("");
  });

  it("stops at the first byte over the limit and cancels the stream, reading no further", async () => {
    const { stream, seen } = source(1_000_000, 1024);
    expect(await readLimited(stream, 16 * 1024)).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.pulled).toBe(17);
    expect(seen.cancelled).toBe(true);
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
