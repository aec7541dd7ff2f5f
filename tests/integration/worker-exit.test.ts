import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { waitFor } from "../support/kafka";
import { ROOT } from "../support/pipeline";
import { alive, sessionOf } from "../support/proc";

const STUCK_WORKER = path.join(ROOT, "tests", "support", "stuck-worker.ts");

/** The stand-in worker, forked with an IPC channel like a real one; resolves once it has loaded parent-watch. */
async function startStuckWorker(mode: "starting" | "stuck") {
  const child = spawn(process.execPath, ["--import", "tsx", STUCK_WORKER], {
    cwd: ROOT,
    env: { ...process.env, STUCK_WORKER_MODE: mode },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await once(child, "message");
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exited };
}

describe("a worker and SIGTERM", () => {
  it("exits at once on SIGTERM before it has installed its orderly stop", async () => {
    const { child, exited } = await startStuckWorker("starting");
    const sent = Date.now();
    child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(143);
    expect(Date.now() - sent).toBeLessThan(3000);
  });

  it("exits after SIGTERM even when its orderly stop hangs, within the hard deadline of 12 s", async () => {
    const { child, exited } = await startStuckWorker("stuck");
    const sent = Date.now();
    child.kill("SIGTERM");
    const [code] = await exited;
    const tookMs = Date.now() - sent;
    expect(code).toBe(143);
    expect(tookMs).toBeGreaterThanOrEqual(11_500);
    expect(tookMs).toBeLessThan(20_000);
  }, 30_000);
});

/**
 * A stand-in server that starts the worker in a session of its own (as WORKER_NICE > 0 does); resolves its pid
 * once the worker is ready (mode "starting") or has blocked its event loop (mode "blocked").
 */
async function startOrphanable(mode: "starting" | "blocked") {
  const host = spawn(
    process.execPath,
    [
      "-e",
      `const c = require("node:child_process").spawn(process.execPath, ["--import", "tsx", ${JSON.stringify(STUCK_WORKER)}], { cwd: ${JSON.stringify(ROOT)}, detached: true, stdio: ["ignore", "inherit", "inherit", "ipc"] });
       c.on("message", (m) => m.type === ${JSON.stringify(mode === "blocked" ? "blocking" : "ready")} && console.log(c.pid)); setInterval(() => {}, 60000);`,
    ],
    { cwd: ROOT, env: { ...process.env, STUCK_WORKER_MODE: mode }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const [line] = (await once(createInterface({ input: host.stdout! }), "line")) as [string];
  return { host, pid: Number(line) };
}

describe("a worker whose parent dies", () => {
  it("exits within 2 s even before it has connected to Kafka, though it leads its own session", async () => {
    const { host, pid } = await startOrphanable("starting");
    try {
      expect(sessionOf(pid)).toBe(pid);
      host.kill("SIGKILL");
      await waitFor(() => !alive(pid), "the orphaned worker to exit", 2000);
    } finally {
      host.kill("SIGKILL");
    }
  });

  it("is killed within 2 s even while its event loop is blocked", async () => {
    const { host, pid } = await startOrphanable("blocked");
    try {
      host.kill("SIGKILL");
      await waitFor(() => !alive(pid), "the orphaned, blocked worker to be killed", 2000);
    } finally {
      host.kill("SIGKILL");
      if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  });
});
