import { describe, expect, it } from "vitest";
import { decodeDescribeLogDirsV2, encodeDescribeLogDirsV2 } from "./log-dirs";
import { decodeDescribeQuorumV0, encodeDescribeQuorumV0 } from "./quorum";
import { WireReader, WireWriter } from "./wire";

type Replica = { p: number; size: bigint; lag: bigint; future: boolean };

/** A DescribeLogDirs v2 response as a broker writes it (after the correlation id). */
function logDirs(dirs: { err: number; dir: string; topics: { name: string; parts: Replica[] }[] }[]): Buffer {
  return new WireWriter()
    .noTags()
    .int32(0)
    .compactArray(dirs, (w, d) => {
      w.int16(d.err)
        .compactString(d.dir)
        .compactArray(d.topics, (w2, t) => {
          w2.compactString(t.name)
            .compactArray(t.parts, (w3, x) => w3.int32(x.p).int64(x.size).int64(x.lag).bool(x.future).noTags())
            .noTags();
        })
        .noTags();
    })
    .noTags()
    .buffer();
}

describe("DescribeLogDirs v2", () => {
  it("asks for every partition: the header's empty tags, a null topic list, no tags", () => {
    expect([...encodeDescribeLogDirsV2()]).toEqual([0, 0, 0]);
  });

  it("reads each replica of each log dir with its size, lag and future flag", () => {
    const answer = decodeDescribeLogDirsV2(
      logDirs([
        {
          err: 0,
          dir: "/data/n1",
          topics: [
            { name: "A_input", parts: [{ p: 0, size: 4096n, lag: 0n, future: false }] },
            { name: "B_input", parts: [{ p: 2, size: 12n, lag: 7n, future: true }] },
          ],
        },
      ]),
    );
    expect(answer.dirs).toEqual([
      {
        errorCode: 0,
        logDir: "/data/n1",
        replicas: [
          { topic: "A_input", partition: 0, sizeBytes: 4096, offsetLag: 0, isFuture: false },
          { topic: "B_input", partition: 2, sizeBytes: 12, offsetLag: 7, isFuture: true },
        ],
      },
    ]);
  });
});

function quorum(err: number, leader: number, voters: [number, bigint][]): Buffer {
  const replicas = (w: WireWriter, list: [number, bigint][]) => w.compactArray(list, (w2, [id, leo]) => w2.int32(id).int64(leo).noTags());
  return new WireWriter()
    .noTags()
    .int16(err)
    .compactArray(["__cluster_metadata"], (w, name) => {
      w.compactString(name).compactArray([0], (w2, p) => {
        w2.int32(p).int16(0).int32(leader).int32(4).int64(100n);
        replicas(w2, voters);
        replicas(w2, []);
        w2.noTags();
      });
      w.noTags();
    })
    .noTags()
    .buffer();
}

describe("DescribeQuorum v0", () => {
  it("asks for partition 0 of __cluster_metadata", () => {
    const r = new WireReader(encodeDescribeQuorumV0());
    r.skipTags();
    const topics = r.compactArray((t) => ({ name: t.compactString(), parts: t.compactArray((p) => [p.int32(), p.skipTags()][0]), tags: t.skipTags() }));
    expect(topics.map((t) => [t.name, t.parts])).toEqual([["__cluster_metadata", [0]]]);
  });

  it("reads the quorum leader (the active controller) and the voters", () => {
    expect(
      decodeDescribeQuorumV0(
        quorum(0, 2, [
          [1, 90n],
          [2, 100n],
        ]),
      ),
    ).toEqual({
      errorCode: 0,
      leaderId: 2,
      leaderEpoch: 4,
      voters: [
        { replicaId: 1, logEndOffset: "90" },
        { replicaId: 2, logEndOffset: "100" },
      ],
    });
  });

  it("has no leader when the request failed as a whole", () => {
    expect(decodeDescribeQuorumV0(quorum(41, 2, [])).leaderId).toBe(-1);
  });
});
