// A worker whose orderly stop never finishes, started with an IPC channel as the supervisor does.
import "@/workers/runtime/parent-watch";

// STUCK_WORKER_MODE=stuck: it has installed its orderly stop (which hangs); blocked: its event loop never
// turns again once it has said it is ready; otherwise it is still starting.
if (process.env.STUCK_WORKER_MODE === "stuck") process.on("SIGTERM", () => undefined);
const blockForever = () => {
  for (;;);
};
process.send!({ type: "ready" });
// Blocked a second later, as a worker stuck in the middle of its life would be; it says so first.
if (process.env.STUCK_WORKER_MODE === "blocked") setTimeout(() => process.send!({ type: "blocking" }, blockForever), 1000);
setInterval(() => undefined, 60_000);
