import type { LabRuntime } from "./runtime";

declare global {
  // The custom server creates these once; Next.js may load route modules twice, so they live on globalThis.
  var __kafkaLab: LabRuntime | undefined;
}

export function setRuntime(rt: LabRuntime): void {
  globalThis.__kafkaLab = rt;
}

/** The long-lived objects the custom server made: what every route handler reaches through. */
export function getRuntime(): LabRuntime | null {
  return globalThis.__kafkaLab ?? null;
}
