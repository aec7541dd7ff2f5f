import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatasetInfo, MAX_UPLOAD_BYTES, type ReplayStatus } from "@/lib/contract/datasets";
import { DEAD_LETTER_TOPIC, DeadLetterValue } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { generateUserLog, SAMPLE_ROWS, SAMPLE_YEAR } from "@/lib/datasets/sample";
import { createLogger } from "@/lib/log";
import { pollUntil } from "@/lib/retry";
import { createDatasets, type DatasetService } from "@/server/datasets/wiring";
import type { LabRuntime } from "@/server/runtime";
import { setRuntime } from "@/server/runtime-access";
import { POST as upload } from "@/app/api/datasets/upload/route";
import { testBrokers } from "../support/broker";
import { readTopic, testKafka, valueOf } from "../support/kafka";
import { workerScripts } from "../support/pipeline";

const kafka = testKafka(testBrokers().join(","));
const admin = kafka.admin();
const names = topicNames(`ds-${Date.now().toString(36)}.`);
const USER_LOG = { key: "user_id", time: { kind: "monthDay", month: "month", day: "day", year: SAMPLE_YEAR } } as const;
let dataDir: string;
let datasets: DatasetService;

const finished = (s: ReplayStatus) => s.state !== "running";
const untilFinished = async () =>
  (await pollUntil(() => (finished(datasets.status()) ? datasets.status() : undefined), { timeoutMs: 90_000, intervalMs: 100 }))!;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "lab-datasets-"));
  datasets = createDatasets({
    scripts: await workerScripts(),
    brokers: testBrokers().join(","),
    dataDir,
    topicPrefix: names.prefix,
    logLevel: "warn",
    log: createLogger("test", "warn"),
    admin,
    partitions: () => 3,
    ensureLabTopics: async () => void (await admin.ensureTopics(names.all(), 3)),
  });
  setRuntime({ datasets, log: createLogger("test", "warn") } as unknown as LabRuntime);
});
afterAll(async () => {
  await datasets?.stop();
  await admin.disconnect();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("dataset replay on the real broker", () => {
  it("replays the generated sample exactly: every row in, in file order per key, timed by month and day", async () => {
    const start = Date.now();
    await datasets.start({ dataset: "sample-user-log", mapping: USER_LOG, pace: { kind: "speed", factor: 1e7 }, topic: "user_log" });
    const status = await untilFinished();
    expect(status).toMatchObject({ state: "done", sent: SAMPLE_ROWS, deadLettered: 0, line: SAMPLE_ROWS + 1 });
    const rows = generateUserLog().trim().split("\n").slice(1);
    const got = await readTopic(kafka, names.name("user_log"), rows.length, 90_000, 1000);
    const columns = generateUserLog(1).split("\n")[0]!.split(",");
    const expected = rows.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i]!, v])));
    const perKey = (items: { key: string; value: unknown }[]) => {
      const m = new Map<string, unknown[]>();
      for (const r of items) m.set(r.key, [...(m.get(r.key) ?? []), r.value]);
      return m;
    };
    expect(got).toHaveLength(rows.length);
    expect(perKey(got.map((r) => ({ key: r.key!, value: valueOf(r) })))).toEqual(perKey(expected.map((v) => ({ key: v.user_id!, value: v }))));
    const first = got.find((r) => r.key === expected[0]!.user_id)!;
    expect(first.timestamp).toBe(Date.UTC(SAMPLE_YEAR, Number(expected[0]!.month) - 1, Number(expected[0]!.day)));
    console.log(`replayed ${rows.length} rows and read them back in ${Date.now() - start} ms`);
  });

  it("dead-letters an uploaded file's bad rows with their line numbers, and sends the rest", async () => {
    const text = ["id,ts,v", "a,1700000000000,1", "b,oops,2", "c,1700000000001", "", ",1700000000002,3", "d,1700000000003,4"].join("\n");
    const info = await datasets.upload(Buffer.from(text), "text/csv", "../../etc/mine.csv");
    expect(info).toMatchObject({ label: "mine.csv", columns: ["id", "ts", "v"] });
    await datasets.start({
      dataset: info.id,
      mapping: { key: "id", time: { kind: "column", column: "ts", unit: "ms" } },
      pace: { kind: "rate", recordsPerSecond: 1000 },
      topic: "mine",
    });
    const status = await untilFinished();
    expect(status).toMatchObject({ state: "done", sent: 2, deadLettered: 3 });
    expect(status.recentDeadLetters.map((d) => [d.line, d.reason])).toEqual([
      [3, "bad_time"],
      [4, "bad_row"],
      [6, "missing_key"],
    ]);
    // Dead letters have no key, so they spread over the partitions: in line order only once sorted.
    const dead = (await readTopic(kafka, names.name(DEAD_LETTER_TOPIC), 3, 30_000, 500))
      .map((r) => DeadLetterValue.parse(valueOf(r)))
      .sort((a, b) => a.line! - b.line!);
    expect(dead.map((d) => [d.line, d.topic, d.payload])).toEqual([
      [3, "mine", "b,oops,2"],
      [4, "mine", "c,1700000000001"],
      [6, "mine", ",1700000000002,3"],
    ]);
    expect((await readTopic(kafka, names.name("mine"), 2, 30_000, 500)).map((r) => r.key).sort()).toEqual(["a", "d"]);
  });
});

describe("POST /api/datasets/upload", () => {
  const post = (body: BodyInit, type: string, name = "x.csv") =>
    upload(new Request(`http://lab/api/datasets/upload?name=${encodeURIComponent(name)}`, { method: "POST", body, headers: { "content-type": type } }), {});

  it("stores a CSV under a name of its own and answers 201 with its columns", async () => {
    const res = await post("user_id,gender\n1,0\n", "text/csv", "C:\\Users\\me\\log.csv");
    expect(res.status).toBe(201);
    const info = DatasetInfo.parse(await res.json());
    expect(info.id).toMatch(/^upload-[0-9a-f]{12}$/);
    expect(info.label).toBe("log.csv");
  });

  it("refuses a file over the limit with 413, and one that is not CSV or JSON lines with 415 or 400, saying why", async () => {
    const huge = await post(new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61), "text/csv");
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toBe("the file is too large: at most 20 MB");
    const png = await post(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "image/png", "cat.png");
    expect(png.status).toBe(415);
    expect((await png.json()).error).toMatch(/^image\/png is not a dataset: upload a CSV file with a header line, or JSON lines/);
    const broken = await post('{"a":1}\n{nope\n', "application/x-ndjson", "x.jsonl");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatch(/^line 2: not JSON/);
  });
});
