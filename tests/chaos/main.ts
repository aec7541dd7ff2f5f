import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { topicNames } from "@/lib/contract/topics";
import { DEFAULT_KAFKA_VERSION, formatStep, startEmbeddedBroker } from "@/server/broker";
import { runChaos } from "../support/chaos";
import { testKafka } from "../support/kafka";
import { ROOT } from "../support/pipeline";

/** `npm run chaos`: a longer kill-and-restart run than the integration test, on a broker of its own. */
const USAGE = `usage: npm run chaos -- [--records N] [--kills K] [--duration SECONDS] [--window MS] [--seed S] [--port P]
  --records   records per input topic (default 10000)
  --kills     SIGKILLs of strategy or join (default 20)
  --duration  seconds over which inputs are written and kills spread (default 240)
  --window    join window in ms (default 100)
  --seed      randomness seed (default: from the clock; printed)
  --port      broker port, controller on port + 1 (default 19992; data in .lab/chaos-broker)`;

function options() {
  const { values } = parseArgs({
    options: {
      records: { type: "string", default: "10000" },
      kills: { type: "string", default: "20" },
      duration: { type: "string", default: "240" },
      window: { type: "string", default: "100" },
      seed: { type: "string", default: String(Date.now() % 1_000_000) },
      port: { type: "string", default: "19992" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const num = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) {
      process.stderr.write(`--${name} must be a whole number of at least ${min}\n${USAGE}\n`);
      process.exit(2);
    }
    return n;
  };
  return {
    records: num("records", 10),
    kills: num("kills", 0),
    duration: num("duration", 5),
    window: num("window", 1),
    seed: num("seed", 0),
    port: num("port", 1024),
  };
}

async function main(): Promise<number> {
  const o = options();
  const dataDir = path.join(ROOT, ".lab", "chaos-broker");
  await rm(dataDir, { recursive: true, force: true });
  const broker = await startEmbeddedBroker({
    port: o.port,
    dataDir,
    cacheDir: path.join(ROOT, ".lab", "kafka"),
    kafkaVersion: process.env.KAFKA_VERSION?.trim() || DEFAULT_KAFKA_VERSION,
    log: (step) => process.stdout.write(`${formatStep(step)}\n`),
  });
  const stop = () => void broker.stop().then(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const kafka = testKafka(broker.bootstrap);
  const admin = kafka.admin();
  try {
    const names = topicNames(`chaos-${Date.now().toString(36)}.`);
    await admin.ensureTopics(names.all(), 3);
    const perKill = (o.duration * 1000) / Math.max(1, o.kills);
    const report = await runChaos({
      kafka,
      brokers: broker.bootstrap,
      names,
      recordsPerInput: o.records,
      kills: o.kills,
      seed: o.seed,
      windowMs: o.window,
      feedMs: o.duration * 1000,
      gapMs: [Math.round(perKill * 0.3), Math.round(perKill * 1.7)],
      log: (line) => process.stdout.write(`[chaos] ${line}\n`),
    });
    const checked = report.checks.reduce((n, c) => n + c.got, 0);
    const bad = report.checks.filter((c) => c.missing || c.extra);
    process.stdout.write(
      `\n[chaos] seed ${report.seed}: ${report.kills.length} kills (${report.kills.filter((k) => k.component === "strategy").length} strategy, ` +
        `${report.kills.filter((k) => k.component === "join").length} join), restarts ${JSON.stringify(report.restarts)}, ` +
        `${checked} output records checked, ${report.abortedRecords} aborted by kills, ${(report.durationMs / 1000).toFixed(0)} s\n`,
    );
    for (const c of bad) process.stdout.write(`[chaos] ✗ ${c.topic}: ${c.missing} missing, ${c.extra} extra (duplicates or wrong values)\n`);
    process.stdout.write(
      bad.length ? `[chaos] ✗ FAILED (rerun with --seed ${report.seed})\n` : "[chaos] ✓ every output topic is exactly what an uninterrupted run writes\n",
    );
    return bad.length ? 1 : 0;
  } finally {
    await admin.disconnect();
    await broker.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[chaos] ✗ ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
