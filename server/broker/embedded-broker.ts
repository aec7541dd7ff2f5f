import { findJava } from "./java";
import { describeRuntime, ensureFormatted, launch, recover, resolveOptions, timed, writeConfig } from "./node";
import { assertPortsFree } from "./ports";
import { provisionKafka } from "./provision";
import type { EmbeddedBroker, EmbeddedBrokerOptions } from "./types";

/** One KRaft node, broker and its own controller quorum, on 127.0.0.1: the lab's default broker, and the tests'. */
export async function startEmbeddedBroker(opts: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const o = resolveOptions(opts);
  const java = await timed(
    o,
    "java",
    () => findJava(o.env),
    (j) => `Java ${j.version.raw} (${j.path})`,
  );
  await recover(o);
  await assertPortsFree(o);
  const runtime = await timed(o, "resolve", () => provisionKafka({ ...o, progress: (m) => o.log({ step: "resolve", message: m }) }), describeRuntime(o));
  const files = await writeConfig(o);
  const clusterId = await ensureFormatted(o, java.path, runtime, files);
  return launch(o, java, runtime, files, clusterId);
}
