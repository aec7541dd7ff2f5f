import { describe, expect, it } from "vitest";
import type { LabRecord } from "../contract/records";
import { topicNames } from "../contract/topics";
import { JoinProcessor } from "./join-processor";

const names = topicNames("");
const NOW = 1_800_000_000_000;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Two co-partitioned logs (C_output and D_input, partition 0) of keyed records. */
function logs(seed: number, n: number) {
  const rnd = lcg(seed);
  const make = (topic: string, body: (v: number, ts: number) => object) =>
    Array.from({ length: n }, (_, i): LabRecord => {
      const ts = NOW - 100_000 + i * 50 + Math.floor(rnd() * 200);
      return {
        topic,
        partition: 0,
        offset: String(i),
        key: `user-${1 + Math.floor(rnd() * 4)}`,
        value: Buffer.from(JSON.stringify(body(1 + Math.floor(rnd() * 100), ts))),
        timestamp: ts,
      };
    });
  return {
    C_output: make("C_output", (v, ts) => ({ result: v, ts })),
    D_input: make("D_input", (v, ts) => ({ strategy: "D", value: v, ts })),
  };
}

type Committed = Map<string, { offset: string; metadata: string }>;
const fromCommit = (c: Committed, topic: string) => ({ offset: c.get(topic)?.offset ?? null, metadata: c.get(topic)?.metadata ?? null });
const fresh = { C: { offset: null, metadata: null }, D: { offset: null, metadata: null } };

/**
 * Run the join over both logs in batches of random size, alternating sides at random. After each
 * batch its outputs and commit are kept together (a Kafka transaction); `crashAt` drops the
 * processor (and the batch in hand) at those batch numbers and starts a new one from the commits.
 */
function run(seed: number, input: ReturnType<typeof logs>, crashAt: Set<number>, maxOutputs?: number) {
  const config = { windowMs: 300, watermarkDelayMs: 1_000 };
  const rnd = lcg(seed);
  const committed: Committed = new Map();
  const out: string[] = [];
  const make = () => new JoinProcessor(config, names, "join", maxOutputs);
  let proc = make();
  const pos: Record<string, number> = { C_output: 0, D_input: 0 };
  for (let batchNo = 0; pos.C_output! < input.C_output.length || pos.D_input! < input.D_input.length; batchNo++) {
    const topic = (rnd() < 0.5 && pos.C_output! < input.C_output.length) || pos.D_input! >= input.D_input.length ? "C_output" : "D_input";
    const log = input[topic];
    const size = 1 + Math.floor(rnd() * 12);
    const records = log.slice(pos[topic], pos[topic]! + size);
    if (proc.needsRestore(0)) proc.restore(0, { C: fromCommit(committed, "C_output"), D: fromCommit(committed, "D_input") });
    const res = proc.processBatch({ topic, partition: 0, records, nextOffset: String(pos[topic]! + records.length) }, NOW);
    if (crashAt.has(batchNo)) {
      proc = make();
      for (const t of ["C_output", "D_input"] as const) pos[t] = Number(committed.get(t)?.offset ?? 0);
      continue;
    }
    out.push(...res.outputs.map((o) => `${o.topic}|${o.key}|${String(o.value)}`));
    committed.set(topic, { offset: res.commitOffset, metadata: res.commitMetadata });
    pos[topic] = res.resumeAt === null ? pos[topic]! + records.length : Number(res.resumeAt);
  }
  return out.sort();
}

describe("JoinProcessor: restarts neither lose nor repeat a pair", () => {
  it("emits the same pairs as an uninterrupted run when crashed at random batches", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = logs(seed, 300);
      const clean = run(seed, input, new Set());
      const rnd = lcg(seed * 7);
      const crashes = new Set(Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * 60)));
      expect(run(seed, input, crashes), `seed ${seed}, crashes at ${[...crashes]}`).toEqual(clean);
      expect(clean.length).toBeGreaterThan(0);
    }
  });

  it("survives a crash on every single batch once", () => {
    const input = logs(99, 120);
    const clean = run(99, input, new Set());
    for (let at = 0; at < 30; at++) expect(run(99, input, new Set([at])), `crash at ${at}`).toEqual(clean);
  });

  it("emits the same pairs when each batch may write only a few, with and without crashes", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const input = logs(seed, 200);
      const clean = run(seed, input, new Set());
      expect(run(seed, input, new Set(), 1), `seed ${seed}, at most 1 per batch`).toEqual(clean);
      expect(run(seed, input, new Set([3, 17, 40]), 3), `seed ${seed}, at most 3 per batch, crashes`).toEqual(clean);
    }
  });

  it("stops a batch once it has written the most pairs a batch may, and says where to read on", () => {
    const p = new JoinProcessor({ windowMs: 1_000, watermarkDelayMs: 60_000 }, names, "join", 4);
    p.restore(0, fresh);
    const rec = (topic: string, offset: number, body: object): LabRecord => ({
      topic,
      partition: 0,
      offset: String(offset),
      key: "k",
      value: Buffer.from(JSON.stringify(body)),
      timestamp: NOW,
    });
    const cs = Array.from({ length: 3 }, (_, i) => rec("C_output", i, { result: i, ts: NOW }));
    p.processBatch({ topic: "C_output", partition: 0, records: cs, nextOffset: "3" }, NOW);
    const ds = Array.from({ length: 4 }, (_, i) => rec("D_input", i, { strategy: "D", value: i, ts: NOW }));
    const first = p.processBatch({ topic: "D_input", partition: 0, records: ds, nextOffset: "4" }, NOW);
    expect(first.matches).toBe(6);
    expect(first.resumeAt).toBe("2");
    const rest = p.processBatch({ topic: "D_input", partition: 0, records: ds.slice(2), nextOffset: "4" }, NOW);
    expect(rest.matches).toBe(6);
    expect(rest.resumeAt).toBeNull();
  });

  it("skips records delivered again to the same process after a rebalance kept the partition", () => {
    const p = new JoinProcessor({ windowMs: 1_000, watermarkDelayMs: 60_000 }, names);
    const rec = (topic: string, offset: string, body: object): LabRecord => ({
      topic,
      partition: 0,
      offset,
      key: "user-1",
      value: Buffer.from(JSON.stringify(body)),
      timestamp: NOW,
    });
    p.restore(0, fresh);
    p.processBatch({ topic: "C_output", partition: 0, records: [rec("C_output", "0", { result: 5, ts: NOW })], nextOffset: "1" }, NOW);
    const first = p.processBatch(
      { topic: "D_input", partition: 0, records: [rec("D_input", "0", { strategy: "D", value: 3, ts: NOW })], nextOffset: "1" },
      NOW,
    );
    const again = p.processBatch(
      { topic: "D_input", partition: 0, records: [rec("D_input", "0", { strategy: "D", value: 3, ts: NOW })], nextOffset: "1" },
      NOW,
    );
    expect(first.matches).toBe(1);
    expect(again.matches).toBe(0);
  });

  it("dead-letters a bad record once, not again when it is replayed", () => {
    const p = new JoinProcessor({ windowMs: 1_000, watermarkDelayMs: 60_000 }, names);
    const bad: LabRecord = { topic: "D_input", partition: 0, offset: "0", key: "user-1", value: Buffer.from("nope"), timestamp: NOW };
    p.restore(0, fresh);
    expect(p.processBatch({ topic: "D_input", partition: 0, records: [bad], nextOffset: "1" }, NOW).deadLetters).toBe(1);
    const q = new JoinProcessor({ windowMs: 1_000, watermarkDelayMs: 60_000 }, names);
    q.restore(0, { C: { offset: null, metadata: null }, D: { offset: "0", metadata: JSON.stringify({ v: 1, next: "1", maxC: null, maxD: null }) } });
    expect(q.processBatch({ topic: "D_input", partition: 0, records: [bad], nextOffset: "1" }, NOW).deadLetters).toBe(0);
  });

  it("holds a new record back until the other input has re-read what it had before the restart", () => {
    const p = new JoinProcessor({ windowMs: 1_000, watermarkDelayMs: 60_000 }, names);
    const meta = JSON.stringify({ v: 1, next: "1", maxC: NOW, maxD: NOW });
    p.restore(0, { C: { offset: "0", metadata: meta }, D: { offset: "0", metadata: meta } });
    const d = (offset: string): LabRecord => ({
      topic: "D_input",
      partition: 0,
      offset,
      key: "k",
      value: Buffer.from(JSON.stringify({ strategy: "D", value: 1, ts: NOW })),
      timestamp: NOW,
    });
    expect(p.replaying()).toBe(true);
    const held = p.processBatch({ topic: "D_input", partition: 0, records: [d("0"), d("1")], nextOffset: "2" }, NOW);
    expect(held.resumeAt).toBe("1");
    const c: LabRecord = { topic: "C_output", partition: 0, offset: "0", key: "k", value: Buffer.from(JSON.stringify({ result: 2, ts: NOW })), timestamp: NOW };
    expect(p.processBatch({ topic: "C_output", partition: 0, records: [c], nextOffset: "1" }, NOW).matches).toBe(0);
    expect(p.replaying()).toBe(false);
    const resumed = p.processBatch({ topic: "D_input", partition: 0, records: [d("1")], nextOffset: "2" }, NOW);
    expect(resumed.resumeAt).toBeNull();
    expect(resumed.matches).toBe(1);
  });

  it("does not let a record that was late before a restart join after it", () => {
    const W = 1_000;
    const DELAY = 10_000;
    const rec = (topic: string, offset: string, ts: number): LabRecord => ({
      topic,
      partition: 0,
      offset,
      key: "k",
      timestamp: ts,
      value: Buffer.from(JSON.stringify(topic === "C_output" ? { result: 1, ts } : { strategy: "D", value: 1, ts })),
    });
    const late = rec("D_input", "1", NOW - DELAY - 500);
    const p = new JoinProcessor({ windowMs: W, watermarkDelayMs: DELAY }, names);
    p.restore(0, fresh);
    const c = p.processBatch({ topic: "C_output", partition: 0, records: [rec("C_output", "0", NOW)], nextOffset: "1" }, NOW);
    const d = p.processBatch({ topic: "D_input", partition: 0, records: [rec("D_input", "0", NOW), late], nextOffset: "2" }, NOW);
    expect(p.state.lateDropped()).toBe(1);
    const newC = rec("C_output", "1", NOW - DELAY);
    const uninterrupted = p.processBatch({ topic: "C_output", partition: 0, records: [newC], nextOffset: "2" }, NOW);

    const q = new JoinProcessor({ windowMs: W, watermarkDelayMs: DELAY }, names);
    q.restore(0, { C: { offset: c.commitOffset, metadata: c.commitMetadata }, D: { offset: d.commitOffset, metadata: d.commitMetadata } });
    q.processBatch({ topic: "D_input", partition: 0, records: [rec("D_input", "0", NOW), late], nextOffset: "2" }, NOW);
    q.processBatch({ topic: "C_output", partition: 0, records: [rec("C_output", "0", NOW)], nextOffset: "1" }, NOW);
    const afterRestart = q.processBatch({ topic: "C_output", partition: 0, records: [newC], nextOffset: "2" }, NOW);
    expect(afterRestart.matches).toBe(uninterrupted.matches);
  });

  it("forgets partitions it no longer owns", () => {
    const p = new JoinProcessor({ windowMs: 1_000, watermarkDelayMs: 60_000 }, names);
    p.restore(0, fresh);
    p.processBatch(
      {
        topic: "C_output",
        partition: 0,
        records: [{ topic: "C_output", partition: 0, offset: "0", key: "k", value: Buffer.from(JSON.stringify({ result: 1, ts: NOW })), timestamp: NOW }],
        nextOffset: "1",
      },
      NOW,
    );
    p.keepOnly([]);
    expect(p.state.size().c).toBe(0);
    expect(p.needsRestore(0)).toBe(true);
  });
});
