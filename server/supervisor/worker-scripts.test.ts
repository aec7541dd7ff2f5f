import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REGISTRY } from "./registry";
import { buildWorkerScripts } from "./worker-scripts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("buildWorkerScripts", () => {
  it("compiles every registered worker into one plain-JavaScript module Node can load", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "lab-workers-"));
    dirs.push(out);
    const scripts = await buildWorkerScripts(ROOT, out);
    for (const spec of REGISTRY) {
      const file = scripts.scriptOf(spec);
      expect(existsSync(file), spec.name).toBe(true);
      const code = await readFile(file, "utf8");
      expect(code).not.toMatch(/from "@\//);
      execFileSync(process.execPath, ["--check", file]);
    }
    // The exercise worker is built beside them, though the registry does not start it.
    expect(await readFile(scripts.exerciseScript(), "utf8")).not.toMatch(/from "@\//);
    execFileSync(process.execPath, ["--check", scripts.exerciseScript()]);
  }, 30_000);

  it("gives the same file to every producer, one per worker kind", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "lab-workers-"));
    dirs.push(out);
    const scripts = await buildWorkerScripts(ROOT, out);
    const files = new Set(REGISTRY.map((s) => scripts.scriptOf(s)));
    expect([...files].map((f) => path.basename(f)).sort()).toEqual(["aggregate.mjs", "join.mjs", "producer.mjs", "strategy.mjs"]);
  });

  it("builds the kafkajs preload, which puts the one-pass partition grouping and the pooled encoder in place of kafkajs' own", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "lab-workers-"));
    dirs.push(out);
    const scripts = await buildWorkerScripts(ROOT, out);
    const probe = `const k = "kafkajs/src/"; console.log(JSON.stringify([require(k + "producer/groupMessagesPerPartition.js").name, require(k + "protocol/encoder.js").name]))`;
    const run = (args: string[]) => JSON.parse(execFileSync(process.execPath, [...args, "-e", probe], { cwd: ROOT, encoding: "utf8" })) as string[];
    expect(run(["--require", scripts.preload!])).toEqual(["groupMessagesPerPartition", "PooledEncoder"]);
    const [grouping, encoder] = run([]);
    expect(grouping).not.toBe("groupMessagesPerPartition");
    expect(encoder).toBe("Encoder");
  });
});
