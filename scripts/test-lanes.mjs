// `npm test` without arguments: the suites in two lanes at once, each with its own test broker and ports.
// The browser suite mostly waits (for the app, Chromium, Kafka); the integration suite mostly computes;
// side by side they take about as long as the longer of the two instead of their sum.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, say } from "./lib.mjs";

/**
 * Each lane's vitest arguments and the ports its brokers take: the test broker on TEST_KAFKA_PORT and +1
 * (tests/support/broker-setup.ts) and test files' own brokers up to +111 above it; three-node clusters from
 * TEST_CLUSTER_PORT (tests/support/cluster.ts), up to +15 above it. The first lane keeps the ports set
 * in the environment (or the defaults); the second takes ranges of its own.
 */
export function lanes(env) {
  const kafkaPort = Number(env.TEST_KAFKA_PORT?.trim() || 19092);
  const clusterPort = Number(env.TEST_CLUSTER_PORT?.trim() || 19110);
  return [
    {
      name: "unit+integration",
      args: ["--project", "unit", "--project", "integration"],
      env: { TEST_KAFKA_PORT: `${kafkaPort}`, TEST_CLUSTER_PORT: `${clusterPort}` },
    },
    { name: "e2e", args: ["--project", "e2e"], env: { TEST_KAFKA_PORT: `${kafkaPort + 200}`, TEST_CLUSTER_PORT: `${clusterPort + 300}` } },
  ];
}

const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

/** Every line of a stream, prefixed with its lane, so the two outputs can be told apart when interleaved. */
function prefixLines(stream, prefix, out) {
  let rest = "";
  stream.on("data", (chunk) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) out.write(`${prefix} ${line}\n`);
  });
  stream.on("end", () => rest && out.write(`${prefix} ${rest}\n`));
}

function runLane(lane, env) {
  const started = Date.now();
  const vitest = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");
  const child = spawn(process.execPath, [vitest, "run", ...lane.args], { cwd: ROOT, env: { ...env, ...lane.env }, stdio: ["ignore", "pipe", "pipe"] });
  prefixLines(child.stdout, `[${lane.name}]`, process.stdout);
  prefixLines(child.stderr, `[${lane.name}]`, process.stderr);
  return new Promise((resolve) => {
    child.on("error", (err) => resolve({ lane, ok: false, why: err.message, took: seconds(started) }));
    child.on("close", (code, signal) => resolve({ lane, ok: code === 0, why: signal ? `stopped by ${signal}` : `exit code ${code}`, took: seconds(started) }));
  });
}

/** Runs every lane at once; resolves with the lanes that failed (none: all passed). */
export async function runLanes(env) {
  const all = lanes(env);
  say(`[test] running ${all.map((l) => l.name).join(" and ")} side by side (each line is prefixed with its lane)`);
  const results = await Promise.all(all.map((lane) => runLane(lane, env)));
  for (const r of results) say(`[test] ${r.ok ? "✓" : "✗"} ${r.lane.name} ${r.ok ? "passed" : `failed (${r.why})`} in ${r.took}`);
  return results.filter((r) => !r.ok).map((r) => r.lane.name);
}
