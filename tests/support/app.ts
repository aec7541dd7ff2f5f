import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { testBrokers } from "./broker";
import { waitFor } from "./kafka";
import { ROOT } from "./pipeline";

export interface RunningApp {
  url: string;
  /** The server's pid (with `detached`, also its process group): to read its memory in /proc, or check it is alive. */
  pid: number;
  dataDir: string;
  /** The topic prefix this app's pipeline uses (each app gets its own topics and groups). */
  topicPrefix: string;
  output: () => string;
  /** Resolves when the server process has exited. */
  exited: Promise<void>;
  /** SIGKILL the server, and with `detached` its whole process group, as a crash or `kill -9 -<pgid>` would. */
  killHard(): Promise<void>;
  /** SIGTERM (a clean stop), SIGKILL after 20 s; removes the data dir unless it was given. */
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Lead a process group of its own, as `npm start` in a terminal does. */
  detached?: boolean;
  /** Reuse this data dir (kept after stop); default a fresh temporary one, removed after stop. */
  dataDir?: string;
  topicPrefix?: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** The real server (`server/main.ts`, production build) against the test broker, on a free port. */
export async function startApp(env: Record<string, string> = {}, opts: AppOptions = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("no production build: run `npm test` (which builds first) or `npx next build`");
  }
  const port = await freePort();
  const topicPrefix = opts.topicPrefix ?? `app-${Date.now().toString(36)}.`;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "lab-app-"));
  const ownBroker = env.KAFKA_BROKERS === "";
  // An app with its own broker reuses the test broker's cached jars instead of downloading them again.
  const jars = path.join(ROOT, ".lab", "kafka");
  if (ownBroker && fs.existsSync(jars) && !fs.existsSync(path.join(dataDir, "kafka"))) fs.cpSync(jars, path.join(dataDir, "kafka"), { recursive: true });
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server", "main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      KAFKA_BROKERS: testBrokers().join(","),
      LAB_DATA_DIR: dataDir,
      LAB_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: opts.detached ?? false,
  });
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const killHard = async () => {
    if (!gone) process.kill(opts.detached ? -child.pid! : child.pid!, "SIGKILL");
    await exited;
  };
  // With its own broker, the JVM must be ready before the app answers: on a loaded 2-core machine that alone can take a minute or more.
  try {
    await waitFor(
      async () => {
        if (gone) throw new Error(`the app exited while starting:\n${out}`);
        return fetch(`${url}/api/health`).then(
          (r) => r.ok || r.status === 401,
          () => false,
        );
      },
      "the app to answer /api/health",
      ownBroker ? 240_000 : 90_000,
    );
  } catch (err) {
    if (!gone) (err as Error).message += `; its output so far:\n${out}`;
    // An app that never answered must not outlive the test (with its broker, when it runs one).
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
    if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    pid: child.pid!,
    dataDir,
    topicPrefix,
    output: () => out,
    exited,
    killHard,
    async stop() {
      if (!gone) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        await exited;
        clearTimeout(timer);
      }
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
