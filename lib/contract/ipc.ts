import { z } from "zod";
import { ComponentMetrics, Settings } from "./api";

/** Worker process → supervisor, over the Node IPC channel. */
export const WorkerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("metrics"), metrics: ComponentMetrics }),
  z.object({ type: z.literal("fatal"), error: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;

/** Supervisor → worker process. */
export const SupervisorMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("settings"), settings: Settings }),
  z.object({ type: z.literal("stop") }),
]);
export type SupervisorMessage = z.infer<typeof SupervisorMessage>;
