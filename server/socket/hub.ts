import type http from "node:http";
import { Server, type Socket } from "socket.io";
import type { ComponentName, LogLine } from "@/lib/contract/api";
import { appendCollapsed } from "@/lib/logs/collapse";
import { ClientEvents, rooms, type ClientEventName, type ClientEventPayload, type ClientToServer, type ServerToClient } from "@/lib/contract/socket";
import { guard, type GuardPolicy } from "../http/guard";
import type { Logger } from "@/lib/log";
import type { LabRuntime } from "../runtime";

export type LabIo = Server<ClientToServer, ServerToClient>;
export type LabSocket = Socket<ClientToServer, ServerToClient>;

const PIPELINE_EMIT_MS = 250;
/** Log lines sent per component per emit at most: the drawer shows the newest. */
const LOG_BATCH_MAX = 200;

/** Register a client event handler that only ever sees payloads its schema accepts. */
export function onValidated<E extends ClientEventName>(socket: LabSocket, event: E, handler: (payload: ClientEventPayload<E>) => void): void {
  const untyped = socket as unknown as { on(e: string, fn: (raw: unknown) => void): void };
  untyped.on(event, (raw) => {
    const parsed = ClientEvents[event].safeParse(raw);
    if (parsed.success) handler(parsed.data as ClientEventPayload<E>);
    else socket.emit("live:error", { event, error: `invalid ${event} payload: ${parsed.error.issues[0]?.message ?? "bad shape"}` });
  });
}

/** The one socket.io server: broker and pipeline state to everyone, logs to who asked. */
export function createSocketHub(server: http.Server, rt: LabRuntime, policy: GuardPolicy): LabIo {
  const io: LabIo = new Server(server, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // A socket can start nothing, but it can read the lab's logs and data: our names and same origin only, token if set.
    allowRequest: (req, callback) => callback(...admitSocket(req, policy, rt.log)),
  });
  const pipelineEmitter = throttled(() => io.emit("pipeline:state", rt.pipeline.view()), PIPELINE_EMIT_MS);
  rt.supervisor.onChange(pipelineEmitter);
  rt.brokerListeners.add((s) => io.emit("broker:state", s));

  const pendingLogs = new Map<ComponentName, LogLine[]>();
  const flushLogs = throttled(() => {
    for (const [name, lines] of pendingLogs) io.to(rooms.logs(name)).emit("component:log", { name, lines });
    pendingLogs.clear();
  }, PIPELINE_EMIT_MS);
  rt.supervisor.onLog((name, line) => {
    // A flood of one message is sent as its latest collapsed line, not once per repeat.
    pendingLogs.set(name, appendCollapsed(pendingLogs.get(name) ?? [], line, { capacity: LOG_BATCH_MAX }));
    flushLogs();
  });

  io.on("connection", (socket) => {
    socket.emit("broker:state", rt.monitor.state());
    socket.emit("pipeline:state", rt.pipeline.view());
    onValidated(socket, "logs:subscribe", ({ name }) => {
      void socket.join(rooms.logs(name));
      socket.emit("component:log", { name, lines: rt.supervisor.logs(name) });
    });
    onValidated(socket, "logs:unsubscribe", ({ name }) => void socket.leave(rooms.logs(name)));
  });
  return io;
}

/** The guard's verdict on a socket.io handshake, as allowRequest's callback wants it; never throws. */
function admitSocket(req: http.IncomingMessage, policy: GuardPolicy, log: Logger): [string | null | undefined, boolean] {
  try {
    const verdict = guard({ method: "POST", url: req.url ?? "/", headers: req.headers }, policy);
    return verdict.kind === "allow" ? [null, true] : [verdict.kind === "deny" ? verdict.error : "present the token in a header or the cookie", false];
  } catch (err) {
    log.warn({ err, url: req.url }, "could not read a socket handshake");
    return ["malformed request", false];
  }
}

function throttled(fn: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
}
