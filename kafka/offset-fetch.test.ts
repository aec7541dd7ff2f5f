import { describe, expect, it } from "vitest";
import { decodeOffsetFetchV7, encodeOffsetFetchV7, ERR, fetchStableOffsets, type OffsetFetchAnswer } from "./offset-fetch";
import { WireReader, WireWriter } from "./wire";

/** An OffsetFetch v7 response as a broker writes it (after the correlation id). */
function response(topics: { name: string; parts: { p: number; offset: bigint; meta: string | null; err: number }[] }[], err = 0): Buffer {
  return new WireWriter()
    .noTags()
    .int32(0)
    .compactArray(topics, (w, t) => {
      w.compactString(t.name)
        .compactArray(t.parts, (w2, x) => w2.int32(x.p).int64(x.offset).int32(-1).compactString(x.meta).int16(x.err).noTags())
        .noTags();
    })
    .int16(err)
    .noTags()
    .buffer();
}

describe("OffsetFetch v7 (require_stable)", () => {
  it("encodes the header's empty tags, the group, each topic once with its partitions, and require_stable = true", () => {
    const r = new WireReader(
      encodeOffsetFetchV7("g", [
        { topic: "a", partition: 0 },
        { topic: "b", partition: 2 },
        { topic: "a", partition: 1 },
      ]),
    );
    r.skipTags();
    expect(r.compactString()).toBe("g");
    const topics = r.compactArray((t) => {
      const name = t.compactString();
      const parts = t.compactArray((p) => p.int32());
      t.skipTags();
      return { name, parts };
    });
    expect(topics).toEqual([
      { name: "a", parts: [0, 1] },
      { name: "b", parts: [2] },
    ]);
    expect(r.uvarint()).toBe(1); // require_stable
    expect(r.uvarint()).toBe(0); // no tagged fields
  });

  it("decodes each partition's offset, metadata and error, and the group's error", () => {
    const a = decodeOffsetFetchV7(
      response(
        [
          {
            name: "t",
            parts: [
              { p: 0, offset: 600n, meta: "m", err: 0 },
              { p: 1, offset: -1n, meta: null, err: ERR.UNSTABLE_OFFSET_COMMIT },
            ],
          },
        ],
        0,
      ),
    );
    expect(a).toEqual({
      errorCode: 0,
      partitions: [
        { topic: "t", partition: 0, offset: "600", metadata: "m", errorCode: 0 },
        { topic: "t", partition: 1, offset: "-1", metadata: null, errorCode: ERR.UNSTABLE_OFFSET_COMMIT },
      ],
    });
  });

  it("writes and reads unsigned varints across byte boundaries", () => {
    for (const n of [0, 1, 127, 128, 300, 16_384, 2 ** 31]) expect(new WireReader(new WireWriter().uvarint(n).buffer()).uvarint()).toBe(n);
  });
});

describe("fetching stable offsets", () => {
  const answer = (errorCode: number, offset = "600"): OffsetFetchAnswer => ({
    errorCode: 0,
    partitions: [{ topic: "t", partition: 0, offset, metadata: null, errorCode }],
  });
  const noSleep = async () => undefined;

  it("asks again while a transaction's offsets are unstable, and answers the offset once they are", async () => {
    const answers = [answer(ERR.UNSTABLE_OFFSET_COMMIT, "-1"), answer(ERR.UNSTABLE_OFFSET_COMMIT, "-1"), answer(0)];
    const asked: boolean[] = [];
    const got = await fetchStableOffsets(async (fresh) => (asked.push(fresh), answers.shift()!), { deadlineMs: 1000, sleep: noSleep });
    expect(got.map((p) => p.offset)).toEqual(["600"]);
    expect(asked).toEqual([false, false, false]);
  });

  it("looks the coordinator up again after NOT_COORDINATOR", async () => {
    const answers: OffsetFetchAnswer[] = [{ errorCode: ERR.NOT_COORDINATOR, partitions: [] }, answer(0)];
    const asked: boolean[] = [];
    await fetchStableOffsets(async (fresh) => (asked.push(fresh), answers.shift()!), { deadlineMs: 1000, sleep: noSleep });
    expect(asked).toEqual([false, true]);
  });

  it("gives up after the deadline, and at once on an error that waiting cannot cure", async () => {
    let now = 0;
    const ask = async () => ((now += 400), answer(ERR.UNSTABLE_OFFSET_COMMIT, "-1"));
    await expect(fetchStableOffsets(ask, { deadlineMs: 1000, clock: () => now, sleep: noSleep })).rejects.toThrow(/did not become stable/);
    await expect(fetchStableOffsets(async () => answer(30), { deadlineMs: 1000, sleep: noSleep })).rejects.toThrow(/error code 30/);
  });
});
