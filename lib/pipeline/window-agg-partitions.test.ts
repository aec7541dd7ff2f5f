import { describe, expect, it } from "vitest";
import { seededRandom } from "./hostile-corpus";
import { MAX_OPEN_WINDOWS, WindowTable, holdBackAt, windowStarts, type AggInput, type AggRow, type WindowAggConfig, type WindowTableState } from "./window-agg";

/** One partition's records in log order: [ts, result]; an empty log is an empty partition. */
type Log = [ts: number, result: number][];
type Row = Omit<AggRow, "batch">;
/** How a consumer reads: which partition next (of those not waiting), and how many records at once. */
type Reader = { choose: (live: number[], pos: number[]) => number; batchSize: (p: number) => number; restart?: () => boolean };

/**
 * Read the logs as the worker does: each partition's batches in order, a batch the table stopped is
 * read again from where it stopped, that partition paused until another one has taken a record.
 * Returns the rows without batch numbers, sorted, the late count and the most windows held at once.
 */
function consume(config: WindowAggConfig, logs: Log[], reader: Reader) {
  const open = (state: WindowTableState | null) => {
    const table = new WindowTable("A", config, state);
    table.setOwnedPartitions(logs.map((_, p) => p));
    table.setLogEnds(logs.map((log, partition) => ({ partition, earliest: "0", latest: String(log.length) })));
    return table;
  };
  let t = open(null);
  const pos = logs.map(() => 0);
  const paused = new Set<number>();
  const rows: Row[] = [];
  let maxOpen = 0;
  for (;;) {
    const left = logs.map((_, p) => p).filter((p) => pos[p]! < logs[p]!.length);
    if (left.length === 0) break;
    const live = left.filter((p) => !paused.has(p));
    if (live.length === 0) throw new Error(`stalled: partitions ${left.join(", ")} all wait`);
    const p = reader.choose(live, pos);
    const end = Math.min(logs[p]!.length, pos[p]! + reader.batchSize(p));
    const inputs = logs[p]!.slice(pos[p], end).map(([ts, result], i): AggInput => ({ offset: String(pos[p]! + i), ts, result }));
    rows.push(...t.processBatch(p, inputs, String(end)).map(({ batch: _, ...r }) => r));
    maxOpen = Math.max(maxOpen, t.openWindows);
    const next = t.stoppedAt === null ? end : Number(t.stoppedAt);
    if (next > pos[p]!) paused.clear();
    if (t.stoppedAt !== null) paused.add(p);
    pos[p] = next;
    if (reader.restart?.()) {
      t = open(JSON.parse(JSON.stringify(t.snapshot()))); // a SIGKILL after the commit: a new process reads on
      paused.clear();
    }
  }
  return { rows: rows.sort((a, b) => a.windowStart - b.windowStart), late: t.lateDropped, watermark: t.watermark, maxOpen };
}

const randomReader = (rnd: () => number, maxBatch = 30): Reader => ({
  choose: (live) => live[Math.floor(rnd() * live.length)]!,
  batchSize: () => 1 + Math.floor(rnd() * maxBatch),
});
/** Every partition read in step: the one read least so far next, ten records at a time. */
const inStep: Reader = { choose: (live, pos) => live.reduce((a, b) => (pos[b]! < pos[a]! ? b : a)), batchSize: () => 10 };
/** A backlog read one partition at a time, in this order, each as far as it may go at once. */
const oneByOne = (order: number[]): Reader => ({ choose: (live) => order.find((p) => live.includes(p))!, batchSize: () => 100_000 });
const whole = (logs: Log[]) => consume(tumbling, logs, inStep);

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
  const watermark = Math.min(...logs.filter((log) => log.length).map((log) => Math.max(...log.map(([ts]) => ts)))) - config.watermarkDelayMs;
  const rows: Row[] = [...acc]
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
  for (const [name, config] of [
    ["tumbling", tumbling],
    ["sliding", sliding],
  ] as const) {
    it(`gives the same final rows and late count whatever the interleaving and restarts, equal to the plain rule (${name})`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const rnd = seededRandom(seed);
        const logs = randomLogs(rnd, 3, 120, 200);
        const want = reference(config, logs);
        expect(want.late).toBeGreaterThan(0); // the input does exercise the drop
        for (let shuffle = 0; shuffle < 6; shuffle++) {
          // Half the runs restart from the checkpoint after about one batch in five.
          const got = consume(config, logs, { ...randomReader(rnd), restart: () => shuffle % 2 === 1 && rnd() < 0.2 });
          expect({ rows: got.rows, late: got.late }).toEqual(want);
        }
      }
    });
  }

  it("counts a record behind every partition's watermark while its window is open", () => {
    // 110 is behind partition 1's watermark (150 − 30), but [100,200) ends after it: counted.
    const got = whole([
      [
        [105, 1],
        [190, 2],
        [260, 9],
      ],
      [
        [150, 3],
        [110, 4],
        [300, 5],
      ],
    ]);
    expect(got.rows).toEqual([{ strategy: "A", windowStart: 100, windowEnd: 200, count: 4, avg: 2.5, mode: "append" }]);
  });

  it("drops a record whose window its partition has already closed, and counts it once however many windows", () => {
    const out = consume(
      sliding,
      [
        [
          [110, 1],
          [260, 2],
          [199, 3],
          [300, 4],
        ],
      ],
      inStep,
    );
    // 199 belongs to [100,200), [125,225), [150,250), [175,275): closed for it are those ending ≤ 230.
    expect(out.late).toBe(1);
    expect(out.rows.filter((r) => r.windowStart === 150)).toMatchObject([{ count: 1, avg: 3 }]);
    expect(out.rows.filter((r) => r.windowStart === 100)).toMatchObject([{ count: 1, avg: 1 }]);
    expect(out.rows.filter((r) => r.windowStart === 125)).toEqual([]);
  });

  it("does not let a partition with no record at all delay closing windows", () => {
    const withEmpty = whole([
      [
        [105, 1],
        [250, 2],
      ],
      [
        [110, 3],
        [260, 4],
      ],
      [],
    ]);
    expect(withEmpty.watermark).toBe(220);
    expect(withEmpty.rows).toMatchObject([{ windowStart: 100, count: 2 }]);
  });

  it("waits for a partition that has records not read yet, and for one it knows nothing about", () => {
    const t = new WindowTable("A", tumbling);
    t.setOwnedPartitions([0, 1, 2, 3]);
    t.setLogEnds([{ partition: 2, earliest: "0", latest: "7" }]); // 3: no end known
    expect(
      t.processBatch(
        0,
        [
          { offset: "0", ts: 105, result: 1 },
          { offset: "1", ts: 250, result: 2 },
        ],
        "2",
      ),
    ).toEqual([]);
    expect(
      t.processBatch(
        1,
        [
          { offset: "0", ts: 110, result: 3 },
          { offset: "1", ts: 260, result: 4 },
        ],
        "2",
      ),
    ).toEqual([]);
    expect(t.watermark).toBeNull();
    expect(t.emptyPartitions()).toEqual([]);
  });

  it("drops a formerly empty partition's records only from windows already emitted without it", () => {
    const t = new WindowTable("A", tumbling);
    t.setOwnedPartitions([0, 1]);
    t.setLogEnds([{ partition: 1, earliest: "0", latest: "0" }]);
    expect(
      t.processBatch(
        0,
        [
          { offset: "0", ts: 105, result: 1 },
          { offset: "1", ts: 250, result: 2 },
        ],
        "2",
      ),
    ).toHaveLength(1);
    expect(t.emptyPartitions()).toEqual([1]);
    const p1 = [
      { offset: "0", ts: 150, result: 3 },
      { offset: "1", ts: 210, result: 4 },
      { offset: "2", ts: 400, result: 5 },
    ];
    expect(t.processBatch(1, p1, "3", "3")).toEqual([]);
    expect(t.lateDropped).toBe(1); // 150: [100,200) was emitted; 210 still counts in [200,300)
    expect(t.processBatch(0, [{ offset: "2", ts: 350, result: 6 }], "3")).toMatchObject([{ windowStart: 200, count: 2, avg: 3 }]);
  });

  for (const [name, config] of [
    ["tumbling", tumbling],
    ["sliding", sliding],
  ] as const) {
    it(`drops nothing from a backlog read one partition at a time that the same records read in step keep, and stays bounded (${name})`, () => {
      const logs = randomLogs(seededRandom(7), 3, 2000, 100); // 200 windows of 100: more than a table may hold
      const a = consume(config, logs, inStep);
      const b = consume(config, logs, oneByOne([1, 2, 0]));
      expect({ rows: b.rows, late: b.late }).toEqual({ rows: a.rows, late: a.late });
      expect(b.late).toBe(reference(config, logs).late);
      expect(b.maxOpen).toBeGreaterThanOrEqual(holdBackAt(config)); // it did fill up
      expect(b.maxOpen).toBeLessThanOrEqual(MAX_OPEN_WINDOWS);
    });
  }

  it("makes a partition far ahead wait for one whose records stop early, losing nothing once that one has more", () => {
    const t = new WindowTable("A", tumbling); // holds back at 96 windows of 100
    t.setOwnedPartitions([0, 1]);
    t.setLogEnds([
      { partition: 0, earliest: "0", latest: "2" },
      { partition: 1, earliest: "0", latest: "200" },
    ]);
    const p0: Log = [
      [1000, 1],
      [30_000, 2],
    ];
    const p1: Log = Array.from({ length: 200 }, (_, i): [number, number] => [1000 + i * 100, 3]);
    const inputs = (log: Log, from: number, to = log.length) =>
      log.slice(from, to).map(([ts, result], i): AggInput => ({ offset: String(from + i), ts, result }));
    const rows = [...t.processBatch(0, inputs(p0, 0, 1), "1"), ...t.processBatch(1, inputs(p1, 0), "200")];
    const stop = Number(t.stoppedAt);
    expect(stop).toBeGreaterThan(90);
    expect(stop).toBeLessThan(200);
    expect(t.processBatch(1, inputs(p1, stop), "200")).toEqual([]); // still waiting: nothing taken
    rows.push(...t.processBatch(0, inputs(p0, 1), "2"), ...t.processBatch(1, inputs(p1, stop), "200"));
    expect(t.stoppedAt).toBeNull();
    const want = reference(tumbling, [p0, p1]);
    expect(rows.map(({ batch: _, ...r }) => r).sort((a, b) => a.windowStart - b.windowStart)).toEqual(want.rows);
    expect(want.rows).toHaveLength(198); // every window of partition 1 ending by the watermark 20,900 − 30
  });
});
