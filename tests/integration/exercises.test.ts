import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Verdict } from "@/lib/contract/exercises";
import { topicNames } from "@/lib/contract/topics";
import { EXERCISES } from "@/lib/exercises/book";
import { createLogger } from "@/lib/log";
import { createExerciseService } from "@/server/exercises/exercise-service";
import type { ExerciseService } from "@/server/exercises/service";
import type { Supervisor } from "@/server/supervisor/supervisor";
import type { LabAdmin } from "@/kafka/adapter";
import { testBrokers } from "../support/broker";
import { testKafka, waitFor } from "../support/kafka";
import { testSupervisor, workerScripts } from "../support/pipeline";

/**
 * Exercise runs on the real broker, with real worker processes: every reference passes under chaos
 * (its worker SIGKILLed mid-run, holding an uncommitted batch), and hostile code that needs a process
 * to show it (memory, an endless loop, process.exit, require) gives a clear error while the pipeline's
 * transform, started beside them, keeps running in the same process, and later runs still work.
 */
const prefix = `ex-${Date.now().toString(36)}.`;
const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
let admin: LabAdmin;
let service: ExerciseService;
let supervisor: Supervisor;
let workDir: string;

beforeAll(async () => {
  admin = kafka.admin();
  const scripts = await workerScripts();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-exercises-"));
  service = createExerciseService({
    kafka,
    admin,
    script: () => scripts.exerciseScript(),
    brokers,
    prefix,
    workDir,
    logLevel: "warn",
    log: createLogger("exercises", "warn"),
  });
  supervisor = await testSupervisor({ brokers, prefix });
  await admin.ensureTopics(topicNames(prefix).all(), 3);
  await supervisor.start("strategy");
  await waitFor(() => supervisor.view().find((c) => c.name === "strategy")?.status === "running", "the transform to run");
});

afterAll(async () => {
  await service?.shutdown();
  await supervisor?.stopAll();
  await admin?.disconnect();
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function run(id: string, code: string, chaos = false): Promise<Verdict> {
  const started = await service.submit(id, { code, chaos });
  let v = started;
  await waitFor(() => (v = service.verdict(started.runId)).status !== "running", `the verdict of ${id}`, 100_000);
  return v;
}

/** Two runs at a time: the service's limit, and what two cores shared with the broker bear. */
async function inPairs<T, R>(items: T[], f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(f))));
  return out;
}

describe("exercise runs on the broker", () => {
  it("passes every reference under grade-under-chaos: killed once mid-run, same verdict", async () => {
    const verdicts = await inPairs([...EXERCISES], (e) => run(e.id, e.reference, true));
    for (const [i, v] of verdicts.entries()) {
      expect({ id: EXERCISES[i]!.id, status: v.status, error: v.error }).toEqual({ id: EXERCISES[i]!.id, status: "pass", error: undefined });
      expect(v.kills).toBe(1);
      expect(v.counts.matched).toBe(v.counts.expected);
      expect(v.counts.expected).toBeGreaterThan(3);
    }
  }, 400_000);

  it("answers a compile error at once, at its line", async () => {
    const v = await service.submit("filter-map", { code: "export function process(r, ctx) {\n  let = ;\n}", chaos: false });
    expect(v).toMatchObject({ status: "error", error: { line: 2 } });
  });

  it("stops hostile code with a clear error, and the broker and the transform keep running", async () => {
    const transformPid = supervisor.pidOf("strategy");
    const hostile = {
      "a 1 GB allocation, 8 MB a record": [
        `const keep: number[][] = [];\nexport function process(r, ctx) {\n  keep.push(new Array(1e6).fill(r.offset));\n}`,
        /out of memory/,
      ],
      "an endless loop": [`export function process(r, ctx) {\n  for (;;) {}\n}`, /longer than 1000 ms/],
      "process.exit": [`export function process(r, ctx) {\n  (globalThis as any).process.exit(1);\n}`, /TypeError/],
      'require("fs")': [`export function process(r, ctx) {\n  require("fs").writeFileSync("/tmp/x", "y");\n}`, /require\("fs"\) is not available/],
    } as const;
    const verdicts = await inPairs(Object.values(hostile), ([code]) => run("filter-map", code));
    for (const [i, [, message]] of Object.values(hostile).entries()) {
      expect(verdicts[i]!.status, Object.keys(hostile)[i]).toBe("error");
      expect(verdicts[i]!.error!.message).toMatch(message);
    }
    expect(supervisor.pidOf("strategy")).toBe(transformPid);
    expect(supervisor.view().find((c) => c.name === "strategy")?.status).toBe("running");
    expect((await admin.describeCluster()).brokers.length).toBe(1);
  }, 300_000);

  // After the hostile code: runs still work.
  it("fails a wrong solution with the first differences", async () => {
    const v = await run("filter-map", EXERCISES[0]!.reference.replace("view.ms < 1000", "view.ms <= 1000"));
    expect(v.status).toBe("fail");
    expect(v.differences![0]).toMatchObject({ kind: "missing", expected: { value: { seconds: 1 } } });
  });
});
