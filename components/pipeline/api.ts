import { z } from "zod";
import { ErrorBody, LogLine, PipelineView, SettingsAnswer, type ComponentName, type SettingsPatch } from "@/lib/contract/api";

export async function call<T>(path: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  } catch {
    throw new Error("the lab server did not answer");
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ErrorBody.safeParse(body);
    throw new Error(err.success ? err.data.error : `HTTP ${res.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error("unexpected answer from the lab server");
  return parsed.data;
}

export const startAll = () => call("/api/pipeline/start", { method: "POST" }, PipelineView);
export const stopAll = () => call("/api/pipeline/stop", { method: "POST" }, PipelineView);
export const startComponent = (name: ComponentName) =>
  call(`/api/components/${name}/start`, { method: "POST" }, PipelineView);
export const stopComponent = (name: ComponentName) =>
  call(`/api/components/${name}/stop`, { method: "POST" }, PipelineView);
export const saveSettings = (patch: SettingsPatch) =>
  call("/api/settings", { method: "PUT", body: JSON.stringify(patch) }, SettingsAnswer);
export const fetchLogs = (name: ComponentName) =>
  call(`/api/components/${name}/logs`, { method: "GET" }, z.object({ lines: z.array(LogLine) }));
