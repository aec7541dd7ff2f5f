import type { ComponentName, NodeCount, SettingsPatch } from "@/lib/contract/api";
import { ErrorBody } from "@/lib/contract/api";
import { ROUTES, routePath, type HasId, type HasName, type RequestIn, type ResponseOf, type RouteDef } from "@/lib/contract/routes";

/** What a call to route D needs: the component (or exercise, or run) its path names, and its body, when it has them. */
export type CallInput<D extends RouteDef> = (HasName<D> extends true ? { name: ComponentName } : unknown) &
  (HasId<D> extends true ? { id: string | number } : unknown) &
  (D["request"] extends object ? { body: RequestIn<D> } : unknown);

/**
 * Call one route of the table in lib/contract/routes.ts: its method and path, the body typed by its
 * request schema, the answer checked against its response schema; an error answer throws its message.
 */
export async function call<D extends RouteDef>(d: D, input: CallInput<D>): Promise<ResponseOf<D>> {
  const { name, id, body } = input as { name?: string; id?: string | number; body?: unknown };
  let res: Response;
  try {
    res = await fetch(routePath(d, name ?? id), {
      method: d.method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new Error("the lab server did not answer");
  }
  const answer: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ErrorBody.safeParse(answer);
    throw new Error(err.success ? err.data.error : `HTTP ${res.status}`);
  }
  const parsed = d.response.safeParse(answer);
  if (!parsed.success) throw new Error("unexpected answer from the lab server");
  return parsed.data as ResponseOf<D>;
}

export const startAll = () => call(ROUTES.startAll, {});
export const stopAll = () => call(ROUTES.stopAll, {});
export const startComponent = (name: ComponentName) => call(ROUTES.startComponent, { name });
export const stopComponent = (name: ComponentName) => call(ROUTES.stopComponent, { name });
export const saveSettings = (patch: SettingsPatch) => call(ROUTES.updateSettings, { body: patch });
export const fetchLogs = (name: ComponentName) => call(ROUTES.logs, { name });
export const resetLab = () => call(ROUTES.resetLab, {});
export const setBrokerNodes = (nodes: NodeCount) => call(ROUTES.brokerNodes, { body: { nodes } });
export const brokerAction = (action: "stop" | "start") => call(action === "stop" ? ROUTES.brokerStop : ROUTES.brokerStart, {});
