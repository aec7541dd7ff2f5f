import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../support/app";
import { testBrokers } from "../support/broker";
import { waitFor } from "../support/kafka";
import { ROOT } from "../support/pipeline";

/** What `npm start` printed, from its first line until it stopped after a SIGTERM. */
interface StartRun {
  lines: string[];
  port: number;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const isJsonObject = (line: string) => {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
};

/** Run `node scripts/start.mjs` (against the test broker) until its ready line, then stop it as Ctrl-C would. */
async function runStart(name: string, env: Record<string, string>, isReady: (line: string) => boolean): Promise<StartRun> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-start-"));
  dirs.push(dataDir);
  const { LOG_LEVEL: _level, LOG_FORMAT: _format, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.mjs")], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: "127.0.0.1",
      KAFKA_BROKERS: testBrokers().join(","),
      LAB_DATA_DIR: dataDir,
      LAB_TOPIC_PREFIX: `start-${Date.now().toString(36)}.`,
      LAB_RESUME: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const lines = () => out.split("\n").filter((l) => l.trim());
  try {
    // Generous: a stale build makes the start run `next build` first.
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`npm start exited before it was ready:\n${out}`);
        return lines().some(isReady);
      },
      "the ready line",
      400_000,
    );
  } finally {
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  }
  // Kept for a person to read what a learner's terminal showed.
  fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "test-results", `start-output-${name}.txt`), out);
  return { lines: lines(), port };
}

describe("npm start's terminal output", () => {
  it("is readable lines, none a JSON object, ending in a ready line with the whole start's time and the next step", async () => {
    const run = await runStart("pretty", {}, (l) => l.includes("Ready in"));
    expect(run.lines.filter(isJsonObject)).toEqual([]);
    expect(run.lines.some((l) => l.startsWith("[setup] ✓ dashboard"))).toBe(true);
    const ready = run.lines.find((l) => l.includes("Ready in"));
    expect(ready).toMatch(new RegExp(`Ready in \\d+(\\.\\d)? s — open http://127\\.0\\.0\\.1:${run.port}, press Start, or go to /learn for the lessons`));
  }, 600_000);

  it("is JSON records, one a line, with LOG_FORMAT=json", async () => {
    const readyRecord = (l: string) => isJsonObject(l) && String((JSON.parse(l) as { msg?: unknown }).msg).includes("Ready in");
    const run = await runStart("json", { LOG_FORMAT: "json" }, readyRecord);
    expect(run.lines.filter((l) => !isJsonObject(l))).toEqual([]);
    const records = run.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.every((r) => typeof r.level === "number" && typeof r.time === "number" && typeof r.msg === "string")).toBe(true);
    expect(records.find((r) => String(r.msg).includes("Ready in"))?.msg).toContain(`http://127.0.0.1:${run.port}`);
  }, 600_000);
});
