import { z } from "zod";
import { BrokerState, Health, LogLine, MAX_INSTANCES, PipelineView, ResetAnswer, Settings, SettingsAnswer, SettingsPatch, TopicsView } from "./api";
import { GroupView, Inject, InjectAnswer, Replay, ReplayAnswer, SetDeliveryMode } from "./experiments";
import { ExerciseDetail, ExerciseList, MAX_SUBMISSION_BODY_BYTES, Solution, Submission, Verdict } from "./exercises";

/** PUT /api/components/{name}/instances: scale a worker to this many consumer-group members. */
export const SetInstances = z.object({ count: z.number().int().min(1).max(MAX_INSTANCES) }).strict();
export type SetInstances = z.infer<typeof SetInstances>;

/** POST /api/components/{name}/kill: which instance to SIGKILL (the first when the body is left out). */
export const KillInstance = z
  .object({
    instance: z
      .number()
      .int()
      .min(0)
      .max(MAX_INSTANCES - 1)
      .default(0),
  })
  .strict();
export type KillInstance = z.input<typeof KillInstance>;

/** GET /api/components/{name}/logs: the component's recent log lines, oldest first. */
export const LogsAnswer = z.object({ lines: z.array(LogLine) });
export type LogsAnswer = z.infer<typeof LogsAnswer>;

export type HttpMethod = "GET" | "POST" | "PUT";

export interface RouteDef {
  method: HttpMethod;
  /** `{name}` stands for a component name (404 for an unknown one), `{id}` for an exercise's or a run's id. */
  path: string;
  /** The JSON body, checked by the server (400 naming the bad field); none when absent. */
  request?: z.ZodType;
  /** Whether the body may be left out entirely: it is then read as `{}`. */
  bodyOptional?: boolean;
  response: z.ZodType;
  /** The largest body read (413 past it); by default MAX_BODY_BYTES (server/http/body.ts). */
  maxBodyBytes?: number;
  /** The status of a successful answer. */
  status: 200 | 201 | 202;
}

const def = <const D extends RouteDef>(d: D) => d;

/**
 * Every API route: the route handlers in app/api answer them and the client helpers call them
 * from this one table, so a path, a body or an answer is defined once (see api.md).
 */
export const ROUTES = {
  health: def({ method: "GET", path: "/api/health", response: Health, status: 200 }),
  pipeline: def({ method: "GET", path: "/api/pipeline", response: PipelineView, status: 200 }),
  startAll: def({ method: "POST", path: "/api/pipeline/start", response: PipelineView, status: 202 }),
  stopAll: def({ method: "POST", path: "/api/pipeline/stop", response: PipelineView, status: 202 }),
  startComponent: def({ method: "POST", path: "/api/components/{name}/start", response: PipelineView, status: 202 }),
  stopComponent: def({ method: "POST", path: "/api/components/{name}/stop", response: PipelineView, status: 202 }),
  setInstances: def({ method: "PUT", path: "/api/components/{name}/instances", request: SetInstances, response: PipelineView, status: 202 }),
  kill: def({ method: "POST", path: "/api/components/{name}/kill", request: KillInstance, bodyOptional: true, response: PipelineView, status: 202 }),
  logs: def({ method: "GET", path: "/api/components/{name}/logs", response: LogsAnswer, status: 200 }),
  group: def({ method: "GET", path: "/api/components/{name}/group", response: GroupView, status: 200 }),
  replay: def({ method: "POST", path: "/api/components/{name}/replay", request: Replay, response: ReplayAnswer, status: 202 }),
  delivery: def({ method: "POST", path: "/api/components/{name}/delivery", request: SetDeliveryMode, response: PipelineView, status: 202 }),
  settings: def({ method: "GET", path: "/api/settings", response: Settings, status: 200 }),
  updateSettings: def({ method: "PUT", path: "/api/settings", request: SettingsPatch, response: SettingsAnswer, status: 200 }),
  topics: def({ method: "GET", path: "/api/topics", response: TopicsView, status: 200 }),
  inject: def({ method: "POST", path: "/api/inject", request: Inject, response: InjectAnswer, status: 201 }),
  resetLab: def({ method: "POST", path: "/api/lab/reset", response: ResetAnswer, status: 200 }),
  brokerStart: def({ method: "POST", path: "/api/broker/start", response: BrokerState, status: 202 }),
  brokerStop: def({ method: "POST", path: "/api/broker/stop", response: BrokerState, status: 202 }),
  exercises: def({ method: "GET", path: "/api/exercises", response: ExerciseList, status: 200 }),
  exercise: def({ method: "GET", path: "/api/exercises/{id}", response: ExerciseDetail, status: 200 }),
  submitRun: def({
    method: "POST",
    path: "/api/exercises/{id}/runs",
    request: Submission,
    maxBodyBytes: MAX_SUBMISSION_BODY_BYTES,
    response: Verdict,
    status: 202,
  }),
  solution: def({ method: "GET", path: "/api/exercises/{id}/solution", response: Solution, status: 200 }),
  run: def({ method: "GET", path: "/api/runs/{id}", response: Verdict, status: 200 }),
} as const;

/** True when the route's path names a component. */
export type HasName<D extends RouteDef> = D["path"] extends `${string}{name}${string}` ? true : false;

/** The body a client sends (defaults may be left out) and the one a handler gets (defaults filled in). */
export type RequestIn<D extends RouteDef> = D["request"] extends z.ZodType ? z.input<D["request"]> : never;
export type RequestOut<D extends RouteDef> = D["request"] extends z.ZodType ? z.output<D["request"]> : never;
export type ResponseOf<D extends RouteDef> = z.infer<D["response"]>;

/** True when the route's path names an exercise or a run. */
export type HasId<D extends RouteDef> = D["path"] extends `${string}{id}${string}` ? true : false;

/** The path with its `{name}` (or `{id}`) filled in. */
export const routePath = (d: RouteDef, name?: string): string =>
  name === undefined ? d.path : d.path.replace("{name}", encodeURIComponent(name)).replace("{id}", encodeURIComponent(name));

const matches = (template: string, pathname: string): boolean => {
  const want = template.split("/");
  const got = pathname.replace(/\/+$/, "").split("/");
  return want.length === got.length && want.every((part, i) => part === "{name}" || part === "{id}" || part === got[i]);
};

const routesOn = (pathname: string) => Object.values(ROUTES as Record<string, RouteDef>).filter((d) => matches(d.path, pathname));

/** The largest body a request to this path and method may have, or `fallback` when its route sets none. */
export function bodyLimitFor(method: string, pathname: string, fallback: number): number {
  return routesOn(pathname).find((d) => d.method === method)?.maxBodyBytes ?? fallback;
}

/** The methods the route table answers on this path; empty when no route has it (Next.js then answers 404). */
export function methodsFor(pathname: string): HttpMethod[] {
  return [...new Set(routesOn(pathname).map((d) => d.method))];
}
