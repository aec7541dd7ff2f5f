import { z } from "zod";
import { ComponentName, DEFAULT_SETTINGS, DeliveryMode, Settings } from "@/lib/contract/api";
import { LOG_LEVELS } from "@/lib/log";

const brokerList = z
  .string()
  .min(1)
  .transform((s) =>
    s
      .split(",")
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[\w.-]+:\d{1,5}$/, "expected host:port")).min(1));

const settingsJson = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "is not JSON" });
      return z.NEVER;
    }
  })
  .pipe(Settings);

const WorkerEnv = z.object({
  KAFKA_BROKERS: brokerList,
  LAB_COMPONENT: ComponentName,
  LAB_INSTANCE: z.coerce.number().int().min(0).max(63).default(0),
  LAB_SETTINGS: settingsJson,
  LAB_TOPIC_PREFIX: z
    .string()
    .regex(/^[\w.-]*$/)
    .default(""),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  LAB_METRICS_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** The transform's delivery mode (the delivery experiment); the other workers ignore it. */
  LAB_DELIVERY_MODE: DeliveryMode.default("exactly-once"),
});
export type WorkerConfig = z.infer<typeof WorkerEnv>;

/** Read and validate a worker's environment once, at start; exit with a fix-it message if wrong. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = WorkerEnv.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(
    `worker environment is invalid:\n${lines.join("\n")}\nWorkers are started by the dashboard's supervisor, which sets these; ` +
      `to run one by hand set KAFKA_BROKERS=127.0.0.1:9092 LAB_COMPONENT=strategy LAB_SETTINGS='${JSON.stringify(DEFAULT_SETTINGS)}'`,
  );
}
