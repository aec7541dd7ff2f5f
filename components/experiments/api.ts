import { PipelineView, type ComponentName, type DeliveryMode } from "@/lib/contract/api";
import { GroupView, InjectAnswer, ReplayAnswer, type Inject, type Replay } from "@/lib/contract/experiments";
import { call } from "@/components/pipeline/api";

/** The experiments' requests; each answers with what the server now knows. */
export const setInstances = (name: ComponentName, count: number) =>
  call(`/api/components/${name}/instances`, { method: "PUT", body: JSON.stringify({ count }) }, PipelineView);
export const killInstance = (name: ComponentName, instance: number) =>
  call(`/api/components/${name}/kill`, { method: "POST", body: JSON.stringify({ instance }) }, PipelineView);
export const replay = (name: ComponentName, to: Replay) =>
  call(`/api/components/${name}/replay`, { method: "POST", body: JSON.stringify(to) }, ReplayAnswer);
export const fetchGroup = (name: ComponentName) => call(`/api/components/${name}/group`, { method: "GET" }, GroupView);
export const inject = (req: Inject) => call("/api/inject", { method: "POST", body: JSON.stringify(req) }, InjectAnswer);
export const setDeliveryMode = (mode: DeliveryMode) =>
  call("/api/components/strategy/delivery", { method: "POST", body: JSON.stringify({ mode }) }, PipelineView);
