import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { DEFAULT_KAFKA_VERSION, formatStep, recoverOrphan, startEmbeddedBroker, type EmbeddedBroker } from "../../server/broker";
import "./broker";

const REPO = path.resolve(import.meta.dirname, "../..");
const LAB_DIR = path.join(REPO, ".lab");
const DEFAULT_PORT = 19092;
/** TEST_KAFKA_PORT moves the test broker (and its controller, port + 1) off 19092, e.g. for a second concurrent run. */
const PORT = Number(process.env.TEST_KAFKA_PORT?.trim() || DEFAULT_PORT);
const DATA_DIR = path.join(LAB_DIR, PORT === DEFAULT_PORT ? "test-broker" : `test-broker-${PORT}`);

interface SharedBroker {
  users: number;
  broker: Promise<EmbeddedBroker>;
}

// The integration and e2e projects each run this setup in the same process; they share one broker.
const globals = globalThis as typeof globalThis & { __labTestBroker?: SharedBroker };

async function startTestBroker(): Promise<EmbeddedBroker> {
  const previous = await recoverOrphan(DATA_DIR);
  if (previous.kind === "in-use") {
    throw new Error(
      `another test run is using the test broker (pid ${previous.pid}) in ${DATA_DIR}: wait for it to finish, or run with TEST_KAFKA_PORT=${PORT + 100} for a separate broker`,
    );
  }
  await rm(DATA_DIR, { recursive: true, force: true });
  await rm(`${DATA_DIR}.log`, { force: true });
  return startEmbeddedBroker({
    port: PORT,
    controllerPort: PORT + 1,
    // Every test file makes topics of its own (a whole run makes some 2,000 partitions) and they are kept
    // to the end: 256 MB, the lab's default for one namespace, ran out mid-run ("Java heap space").
    heapMb: 1024,
    dataDir: DATA_DIR,
    cacheDir: path.join(LAB_DIR, "kafka"),
    kafkaVersion: process.env.KAFKA_VERSION?.trim() || DEFAULT_KAFKA_VERSION,
    log: (step) => process.stderr.write(`${formatStep(step)}\n`),
  });
}

async function release(shared: SharedBroker): Promise<void> {
  shared.users--;
  if (shared.users > 0) return;
  globals.__labTestBroker = undefined;
  await (await shared.broker).stop();
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.KAFKA_BROKERS?.trim();
  if (external && !globals.__labTestBroker) {
    project.provide("kafkaBrokers", external);
    return;
  }
  const shared = (globals.__labTestBroker ??= { users: 0, broker: startTestBroker() });
  shared.users++;
  const broker = await shared.broker;
  project.provide("kafkaBrokers", broker.bootstrap);
  process.env.KAFKA_BROKERS = broker.bootstrap;
  return () => release(shared);
}
