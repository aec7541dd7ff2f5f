import type { ComponentName, DeliveryMode } from "@/lib/contract/api";
import type { Inject, Replay } from "@/lib/contract/experiments";
import { ROUTES } from "@/lib/contract/routes";
import { call } from "@/components/pipeline/api";

/** The experiments' requests; each answers with what the server now knows. */
export const setInstances = (name: ComponentName, count: number) => call(ROUTES.setInstances, { name, body: { count } });
export const killInstance = (name: ComponentName, instance: number) => call(ROUTES.kill, { name, body: { instance } });
export const replay = (name: ComponentName, to: Replay) => call(ROUTES.replay, { name, body: to });
export const fetchGroup = (name: ComponentName) => call(ROUTES.group, { name });
export const inject = (req: Inject) => call(ROUTES.inject, { body: req });
export const setDeliveryMode = (mode: DeliveryMode) => call(ROUTES.delivery, { name: "strategy", body: { mode } });
