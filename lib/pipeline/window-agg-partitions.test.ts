import { describe, expect, it } from "vitest";
import { seededRandom } from "./hostile-corpus";
import { WindowTable, windowStarts, type AggInput, type AggRow, type WindowAggConfig } from "./window-agg";

/** One partition's records in log order: [ts, result]. */
type Log = [ts: number, result: number][];
type Step = { partition: number; inputs: AggInput[]; upTo: string };

/** Cut each partition's log into batches (at `cuts`), offsets counting from 0 per partition. */
function batches(logs: Log[], cutEvery: (p: number) => number[]): Step[][] {
  return logs.map((log, partition) => {
    const inputs = log.map(([ts, result], i): AggInput => ({ offset: String(i), ts, result }));
    const cuts = [...new Set([0, ...cutEvery(partition).filter((c) => c > 0 && c < inputs.length), inputs.length])].sort((a, b) => a - b);
    return cuts.slice(1).map((end, i) => ({ partition, inputs: inputs.slice(cuts[i], end), upTo: String(end) }));
  });
}

/** A random merge of the per-partition batch sequences, each partition's batches staying in order. */
function interleave(perPartition: Step[][], rnd: () => number): Step[] {
  const queues = perPartition.map((q) => [...q]);
  const out: Step[] = [];
  for (let left = queues.filter((q) => q.length).length; left > 0; left = queues.filter((q) => q.length).length) {
    const live = queues.filter((q) => q.length);
    out.push(live[Math.floor(rnd() * live.length)]!.shift()!);
  }
  return out;
}

/** Final (append-mode) rows without batch numbers, sorted, and the late count. */
function play(config: WindowAggConfig, partitions: number, steps: Step[], empty: number[] = []) {
  const t = new WindowTable("A", config);
  t.setOwnedPartitions(Array.from({ length: partitions + empty.length }, (_, p) => p));
  t.setLogEnds(empty.map((partition) => ({ partition, earliest: "0", latest: "0" })));
  const rows = steps.flatMap((s) => t.processBatch(s.partition, s.inputs, s.upTo)).map(({ batch: _, ...r }) => r);
  return { rows: rows.sort((a, b) => a.windowStart - b.windowStart), late: t.lateDropped, watermark: t.watermark };
}

/**
 * The rule written out plainly: per record, per window it belongs to, counted iff the window's end is
 * after its partition's watermark (largest earlier ts in the partition − delay); a window is final
 * once every partition's largest ts − delay has reached its end.
 */
function reference(config: WindowAggConfig, logs: Log[]) {
  const acc = new Map<number, { count: number; sum: number }>();
  let late = 0;
  for (const log of logs) {
    let maxTs = -Infinity;
    for (const [ts, result] of log) {
      let dropped = false;
      for (const start of windowStarts(ts, config.sizeMs, config.slideMs)) {
        if (start + config.sizeMs <= maxTs - config.watermarkDelayMs) dropped = true;
        else acc.set(start, { count: (acc.get(start)?.count ?? 0) + 1, sum: (acc.get(start)?.sum ?? 0) + result });
      }
      if (dropped) late++;
      maxTs = Math.max(maxTs, ts);
    }
  }
  const watermark = Math.min(...logs.map((log) => Math.max(...log.map(([ts]) => ts)))) - config.watermarkDelayMs;
  const rows: Omit<AggRow, "batch">[] = [...acc]
    .filter(([start]) => start + config.sizeMs <= watermark)
    .sort(([a], [b]) => a - b)
    .map(([start, a]) => ({ strategy: "A", windowStart: start, windowEnd: start + config.sizeMs, count: a.count, avg: a.sum / a.count, mode: config.mode }));
  return { rows, late };
}

/** Partition logs with time moving forward and records up to `jitter` out of order. */
function randomLogs(rnd: () => number, partitions: number, perPartition: number, jitter: number): Log[] {
  return Array.from({ length: partitions }, () =>
    Array.from({ length: perPartition }, (_, i): [number, number] => [i * 10 + Math.floor(rnd() * jitter) - jitter / 2 + 1000, Math.floor(rnd() * 100)]),
  );
}

const tumbling: WindowAggConfig = { sizeMs: 100, slideMs: 100, watermarkDelayMs: 30, mode: "append" };
const sliding: WindowAggConfig = { sizeMs: 100, slideMs: 25, watermarkDelayMs: 30, mode: "append" };

describe("the late rule across partitions", () => {
  for (const [name, config] of [["tumbling", tumbling], ["sliding", sliding]] as const) {
    it(`gives the same final rows and late count whatever the interleaving, equal to the plain rule (${name})`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const rnd = seededRandom(seed);
        const logs = randomLogs(rnd, 3, 120, 200);
        const want = reference(config, logs);
        expect(want.late).toBeGreaterThan(0); // the input does exercise the drop
        for (let shuffle = 0; shuffle < 6; shuffle++) {
          const cuts = (p: number) => Array.from({ length: 1 + Math.floor(rnd() * 20) }, () => Math.floor(rnd() * logs[p]!.length));
          const got = play(config, 3, interleave(batches(logs, cuts), rnd));
          expect({ rows: got.rows, late: got.late }).toEqual(want);
        }
      }
    });
  }

  it("counts a record behind every partition's watermark while its window is open", () => {
    const steps = interleave(batches([[[105, 1], [190, 2], [260, 9]], [[150, 3], [110, 4], [300, 5]]], () => []), seededRandom(1));
    // 110 is behind partition 1's watermark (150 − 30), but [100,200) ends after it: counted.
    expect(play(tumbling, 2, steps).rows).toEqual([{ strategy: "A", windowStart: 100, windowEnd: 200, count: 4, avg: 2.5, mode: "append" }]);
  });

  it("drops a record whose window its partition has already closed, and counts it once however many windows", () => {
    const out = play(sliding, 1, batches([[[110, 1], [260, 2], [199, 3], [300, 4]]], () => [])[0]!);
    // 199 belongs to [100,200), [125,225), [150,250), [175,275): closed for it are those ending ≤ 230.
    expect(out.late).toBe(1);
    expect(out.rows.filter((r) => r.windowStart === 150)).toMatchObject([{ count: 1, avg: 3 }]);
    expect(out.rows.filter((r) => r.windowStart === 100)).toMatchObject([{ count: 1, avg: 1 }]);
    expect(out.rows.filter((r) => r.windowStart === 125)).toEqual([]);
  });

  it("does not let a partition with no record at all delay closing windows", () => {
    const steps = batches([[[105, 1], [250, 2]], [[110, 3], [260, 4]]], () => []).flat();
    const withEmpty = play(tumbling, 2, steps, [2]);
    expect(withEmpty.watermark).toBe(220);
    expect(withEmpty.rows).toMatchObject([{ windowStart: 100, count: 2 }]);
  });

  it("waits for a partition that has records not read yet, and for one it knows nothing about", () => {
    const steps = batches([[[105, 1], [250, 2]], [[110, 3], [260, 4]]], () => []).flat();
    const t = new WindowTable("A", tumbling);
    t.setOwnedPartitions([0, 1, 2, 3]);
    t.setLogEnds([{ partition: 2, earliest: "0", latest: "7" }]); // 3: no end known
    for (const s of steps) expect(t.processBatch(s.partition, s.inputs, s.upTo)).toEqual([]);
    expect(t.watermark).toBeNull();
    expect(t.emptyPartitions()).toEqual([]);
  });

  it("drops a formerly empty partition's records only from windows already emitted without it", () => {
    const t = new WindowTable("A", tumbling);
    t.setOwnedPartitions([0, 1]);
    t.setLogEnds([{ partition: 1, earliest: "0", latest: "0" }]);
    expect(t.processBatch(0, [{ offset: "0", ts: 105, result: 1 }, { offset: "1", ts: 250, result: 2 }], "2")).toHaveLength(1);
    expect(t.emptyPartitions()).toEqual([1]);
    const p1 = [{ offset: "0", ts: 150, result: 3 }, { offset: "1", ts: 210, result: 4 }, { offset: "2", ts: 400, result: 5 }];
    expect(t.processBatch(1, p1, "3", "3")).toEqual([]);
    expect(t.lateDropped).toBe(1); // 150: [100,200) was emitted; 210 still counts in [200,300)
    expect(t.processBatch(0, [{ offset: "2", ts: 350, result: 6 }], "3")).toMatchObject([{ windowStart: 200, count: 2, avg: 3 }]);
  });

  it("drops nothing from a backlog of one partition read late that the same records read in step keep", () => {
    const rnd = seededRandom(7);
    const logs = randomLogs(rnd, 3, 200, 100);
    const perPartition = batches(logs, (p) => Array.from({ length: 19 }, (_, i) => (i + 1) * 10 + p));
    const inStep = perPartition[0]!.flatMap((_, i) => perPartition.map((q) => q[i]).filter((s): s is Step => s !== undefined));
    // A restart after downtime: partitions 1 and 2 read to the end in big batches before partition 0's first.
    const backlog = [...batches(logs, () => [100])[1]!, ...batches(logs, () => [])[2]!, ...perPartition[0]!];
    const a = play(tumbling, 3, inStep);
    const b = play(tumbling, 3, backlog);
    expect(b).toEqual(a);
    expect(b.late).toBe(reference(tumbling, logs).late);
  });
});
