import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRunStateStore } from "./run-state-store";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "run-state-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const A = [{ name: "producer-A" as const, instances: 1 }];

describe("the run-state store", () => {
  it("lets the next start see what ran when the run was never ended (a SIGKILL)", () => {
    const dir = tempDir();
    createRunStateStore(dir, () => 5).record(A);
    expect(createRunStateStore(dir).previous()).toEqual({ running: A, cleanStop: false, at: 5 });
  });

  it("keeps what ran, not the shutdown's stops, after an unclean end", () => {
    const dir = tempDir();
    const store = createRunStateStore(dir);
    store.record(A);
    store.end(false);
    store.record([]);
    expect(createRunStateStore(dir).previous()).toMatchObject({ running: A, cleanStop: false });
  });

  it("marks a clean stop", () => {
    const dir = tempDir();
    const store = createRunStateStore(dir);
    store.record(A);
    store.end(true);
    expect(createRunStateStore(dir).previous()).toMatchObject({ cleanStop: true });
  });

  it("treats a damaged file as no previous run", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "run-state.json"), "{ half");
    expect(createRunStateStore(dir).previous()).toBeNull();
  });
});
