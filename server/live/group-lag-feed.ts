import type { Server } from "socket.io";
import { LAG_WORKERS, rooms, type GroupLag } from "@/lib/contract/socket";
import type { TopicNames } from "@/lib/contract/topics";
import { groupLag } from "@/lib/live/lag";
import { WORKER_INPUTS } from "@/lib/live/topology";
import type { LabAdmin } from "@/kafka/adapter";
import { watchRooms } from "./room-watch";

export interface GroupLagFeedDeps {
  io: Server;
  admin: Pick<LabAdmin, "topicOffsets" | "groupOffsets">;
  names: TopicNames;
  statsMs?: number;
}

type Worker = (typeof LAG_WORKERS)[number];

/** One worker's group lag, measured about once a second while its room has members (`lag:stats`). */
export class GroupLagPoller {
  private timer: NodeJS.Timeout | null = null;
  private sending = false;
  private closed = false;

  constructor(
    private readonly deps: GroupLagFeedDeps,
    private readonly worker: Worker,
  ) {}

  open(): void {
    this.timer = setInterval(() => void this.send(), this.deps.statsMs ?? 1_000);
    void this.send();
  }

  /** Measures once: the end offsets of the worker's input topics and the offsets its group committed. */
  async measure(): Promise<GroupLag> {
    const n = this.deps.names;
    const topics = (WORKER_INPUTS[this.worker] ?? []).map((t) => n.name(t));
    const [ends, committed] = await Promise.all([
      Promise.all(topics.map(async (topic) => ({ topic: n.base(topic), partitions: await this.deps.admin.topicOffsets(topic) }))),
      this.deps.admin.groupOffsets(n.group(this.worker), topics),
    ]);
    const lag = groupLag(
      ends,
      committed.map((c) => ({ ...c, topic: n.base(c.topic) })),
    );
    return { worker: this.worker, at: Date.now(), ...lag };
  }

  /** At most one measurement at a time: requests must not pile up behind a slow broker. */
  private async send(): Promise<void> {
    if (this.sending || this.closed) return;
    this.sending = true;
    try {
      const stats = await this.measure();
      if (!this.closed) this.deps.io.to(rooms.lag(this.worker)).emit("lag:stats", stats);
    } catch {
      // The broker is away or a topic does not exist yet; the banner says so.
    } finally {
      this.sending = false;
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
  }
}

/** A poller per worker whose lag room has members: made on the first join, closed on the last leave. */
export function createGroupLagFeed(deps: GroupLagFeedDeps) {
  const pollers = new Map<Worker, GroupLagPoller>();
  const isWorker = (w: string): w is Worker => (LAG_WORKERS as readonly string[]).includes(w);
  const unwatch = watchRooms(
    deps.io,
    rooms.lag(""),
    (w) => {
      if (!isWorker(w) || pollers.has(w)) return;
      const p = new GroupLagPoller(deps, w);
      pollers.set(w, p);
      p.open();
    },
    (w) => {
      if (!isWorker(w)) return;
      pollers.get(w)?.close();
      pollers.delete(w);
    },
  );
  return {
    close() {
      unwatch();
      for (const p of pollers.values()) p.close();
      pollers.clear();
    },
  };
}
