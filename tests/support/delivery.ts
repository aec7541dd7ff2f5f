import { setTimeout as sleep } from "node:timers/promises";
import type { DeliveryMode } from "@/lib/contract/api";
import type { LabRecord } from "@/lib/contract/records";
import type { TopicNames } from "@/lib/contract/topics";
import type { KafkaAdapter } from "@/kafka/adapter";
import type { Supervisor } from "@/server/supervisor/supervisor";
import { readEverything, status, strategyDrained } from "./chaos";
import { waitFor } from "./kafka";
import { testSupervisor, toRecords } from "./pipeline";

/** What became of each input record of A_input: how many outputs of A_output name it as their source. */
export interface Tally {
  inputs: number;
  outputs: number;
  /** Inputs with no output. */
  missing: number;
  /** Outputs beyond the first for an input. */
  duplicated: number;
  /** Outputs naming no input of A_input (must stay 0). */
  strays: number;
}

/** Count outputs per source input, by the `lab-source` header (`partition:offset`), against every offset A_input holds. */
export function tally(inputEnds: { partition: number; latest: string }[], outputs: LabRecord[]): Tally {
  const counts = new Map<string, number>();
  for (const p of inputEnds) for (let o = 0; o < Number(p.latest); o++) counts.set(`${p.partition}:${o}`, 0);
  let strays = 0;
  for (const r of outputs) {
    const src = r.headers?.["lab-source"];
    const n = src === undefined ? undefined : counts.get(src);
    if (n === undefined) strays++;
    else counts.set(src!, n + 1);
  }
  let missing = 0;
  let duplicated = 0;
  for (const n of counts.values()) {
    if (n === 0) missing++;
    else duplicated += n - 1;
  }
  return { inputs: counts.size, outputs: outputs.length, missing, duplicated, strays };
}

export interface DeliveryRunOptions {
  kafka: KafkaAdapter;
  brokers: string;
  names: TopicNames;
  mode: DeliveryMode;
  /** SIGKILLs per round, each once the new process has consumed something. */
  killsPerRound: number;
  /** Rounds at most: another round (more inputs, more kills) only while `enough` says the effect has not shown. */
  maxRounds: number;
  enough: (t: Tally) => boolean;
  log: (line: string) => void;
}

/** Write A_input steadily (20 records every 100 ms) until `done` resolves. */
async function feed(o: DeliveryRunOptions, done: { stop: boolean }, from: number): Promise<number> {
  const producer = o.kafka.producer();
  await producer.connect();
  let n = from;
  try {
    while (!done.stop) {
      const inputs = Array.from({ length: 20 }, (_, k) => ({
        strategy: "A" as const,
        key: `user-${((n + k) % 5) + 1}`,
        value: (((n + k) * 7) % 100) + 1,
        ts: Date.now(),
      }));
      await producer.send(toRecords(inputs, o.names));
      n += inputs.length;
      await sleep(100); // pacing the feed is the one fixed wait
    }
    return n;
  } finally {
    await producer.disconnect();
  }
}

/** Kill the transform `kills` times, each time once its current process has consumed records. */
async function killer(o: DeliveryRunOptions, sup: Supervisor): Promise<void> {
  for (let k = 0; k < o.killsPerRound; k++) {
    const since = Date.now();
    const busy = () => {
      const c = status(sup, "strategy");
      const m = c.instances[0]?.metrics;
      return c.status === "running" && m !== null && m !== undefined && m.at > since && m.recordsInTotal >= 100;
    };
    await waitFor(busy, "the transform to consume records", 90_000);
    const before = status(sup, "strategy").restarts;
    const pid = sup.pidOf("strategy")!;
    process.kill(pid, "SIGKILL");
    o.log(`${o.mode}: killed pid ${pid}`);
    await waitFor(() => status(sup, "strategy").restarts > before, "the supervisor to restart the transform", 60_000);
  }
}

/**
 * The transform in one delivery mode over a steady feed of A_input, SIGKILLed mid-stream and
 * restarted by the supervisor in the same mode, round after round until `enough` holds or the
 * rounds run out; each round ends once every input is committed, then counts A_output (read committed).
 */
export async function runDelivery(o: DeliveryRunOptions): Promise<{ rounds: number; tally: Tally }> {
  const sup = await testSupervisor({ brokers: o.brokers, prefix: o.names.prefix });
  sup.onLog((_, line) => (line.level === "error" || line.level === "fatal") && o.log(`[strategy] ${line.level}: ${line.msg.slice(0, 300)}`));
  const admin = o.kafka.admin();
  let written = 0;
  try {
    await sup.setDeliveryMode(o.mode);
    await sup.start("strategy");
    let t: Tally | null = null;
    let rounds = 0;
    while (rounds < o.maxRounds && (t === null || !o.enough(t))) {
      rounds++;
      const done = { stop: false };
      const feeding = feed(o, done, written);
      await killer(o, sup).finally(() => (done.stop = true));
      written = await feeding;
      await waitFor(() => status(sup, "strategy").status === "running", "the transform to run again", 90_000);
      await waitFor(() => strategyDrained(o.kafka, o.names), "every input to be committed", 120_000);
      // At-most-once writes what it committed up to 2 s later: quiet for longer than that.
      const outputs = await readEverything(o.kafka, o.names.name("A_output"), false, 5000);
      t = tally(await admin.topicOffsets(o.names.name("A_input")), outputs);
      o.log(`${o.mode} round ${rounds}: ${JSON.stringify(t)}`);
    }
    return { rounds, tally: t! };
  } finally {
    await sup.stopAll();
    await admin.disconnect();
  }
}
