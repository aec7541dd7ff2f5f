// A worker whose orderly stop never finishes, started with an IPC channel as the supervisor does.
import "@/workers/runtime/parent-watch";

// STUCK_WORKER_MODE=stuck: it has installed its orderly stop (which hangs); otherwise it is still starting.
if (process.env.STUCK_WORKER_MODE === "stuck") process.on("SIGTERM", () => undefined);
process.send!({ type: "ready" });
setInterval(() => undefined, 60_000);
