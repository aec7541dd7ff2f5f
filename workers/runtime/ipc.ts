import { SupervisorMessage, type WorkerMessage } from "@/lib/contract/ipc";
import type { Logger } from "@/lib/log";

/** The worker's side of the IPC channel to the supervisor; inert when run by hand. */
export function createParentChannel(log: Logger) {
  return {
    send(msg: WorkerMessage): void {
      if (process.send && process.connected) process.send(msg);
    },
    onMessage(handler: (msg: SupervisorMessage) => void): void {
      process.on("message", (raw) => {
        const parsed = SupervisorMessage.safeParse(raw);
        if (parsed.success) handler(parsed.data);
        else log.warn({ issues: parsed.error.issues }, "ignored an invalid message from the supervisor");
      });
    },
  };
}
export type ParentChannel = ReturnType<typeof createParentChannel>;
