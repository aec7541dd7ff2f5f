import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { BenchDeps } from "../lib/deps";
import { waitFor } from "../lib/kafka";

export interface BenchApp {
  url: string;
  pid: number;
  api(method: string, route: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

export interface BenchAppOptions {
  /** On top of the bench's own (e.g. a blank KAFKA_BROKERS to run the app's embedded cluster). */
  env?: Record<string, string>;
  dataDir?: string;
  /** How long the app may take to answer (an embedded cluster's JVMs start first). */
  readyMs?: number;
}

/** The real server (production build) against the bench broker, on fresh prefixed topics. */
export async function startBenchApp(deps: BenchDeps, o: BenchAppOptions = {}): Promise<BenchApp> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(deps.root, "server", "main.ts")], {
    cwd: deps.root,
    env: {
      ...deps.config.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      KAFKA_BROKERS: deps.brokers,
      LAB_DATA_DIR: o.dataDir ?? path.join(deps.root, ".lab", "bench-app"),
      LAB_TOPIC_PREFIX: deps.freshPrefix("app"),
      LOG_LEVEL: "warn",
      ...o.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  let exit: number | string | null = null;
  child.once("exit", (code, signal) => (exit = code ?? signal));
  await waitFor(
    () => {
      // An app that exited (its broker could not start, say) will not answer: stop waiting, say how it ended.
      if (exit !== null) throw new Error(`the app exited (${exit}) before answering; its error is above`);
      return fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    "the app to answer",
    o.readyMs ?? 120_000,
    250,
  );
  const api = async (method: string, route: string, body?: unknown) => {
    const r = await fetch(`${url}${route}`, { method, headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
    if (!r.ok) throw new Error(`${method} ${route}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  return {
    url,
    pid: child.pid!,
    api,
    async stop() {
      await api("POST", "/api/pipeline/stop").catch(() => undefined);
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
