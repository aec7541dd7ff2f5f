import type { Server } from "socket.io";
import type { TopicNames } from "@/lib/contract/topics";
import { rooms, VIEW_RECORDS_PER_SEC, type TailRecord, type ServerToClient } from "@/lib/contract/socket";
import { ViewBatcher } from "@/lib/live/batcher";
import { toTailRecord } from "@/lib/live/tail";
import { consumersOf } from "@/lib/live/topology";
import { partitionLag } from "@/lib/live/tail";
import { keepViewConsumer, valueText, type KeptViewConsumer, type ViewConsumerDeps } from "./view-consumer";
import { watchRooms } from "./room-watch";

export interface TopicTailDeps extends ViewConsumerDeps {
  io: Server;
  names: TopicNames;
  flushMs?: number;
  statsMs?: number;
  /** Whether a topic exists now (a cached listing): stats are only asked for topics that do. */
  exists: (fullName: string) => Promise<boolean>;
}

const REWIND = 5;

/**
 * While a room `topic:<name>` has members: tails that topic into bounded `topic:batch`
 * events and sends `topic:stats` (end offsets, group offsets and lag) about once a second.
 */
export class TopicTail {
  private batcher: ViewBatcher<TailRecord>;
  private consumer: KeptViewConsumer | null = null;
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  private statsInFlight = false;

  constructor(
    private readonly deps: TopicTailDeps,
    readonly topic: string,
  ) {
    this.batcher = new ViewBatcher(VIEW_RECORDS_PER_SEC, Date.now());
  }

  private get room() {
    return rooms.topic(this.topic);
  }

  private emit<E extends keyof ServerToClient>(event: E, payload: Parameters<ServerToClient[E]>[0]) {
    this.deps.io.to(this.room).emit(event, payload as never);
  }

  open(): void {
    this.timers.push(setInterval(() => this.flush(), this.deps.flushMs ?? 250));
    this.timers.push(setInterval(() => void this.sendStats(), this.deps.statsMs ?? 1_000));
    this.consumer = keepViewConsumer(this.deps, {
      label: this.topic,
      topics: [this.deps.names.name(this.topic)],
      rewind: REWIND,
      onRecord: (r) => {
        const rec = toTailRecord({ ...r, value: valueText(r.value) });
        this.batcher.add(rec, rec.num);
      },
      onError: (error) => this.emit("live:error", { event: "topic:subscribe", error }),
    });
    void this.sendStats();
  }

  private flush(): void {
    if (this.batcher.pending === 0) return;
    const f = this.batcher.flush(Date.now());
    this.emit("topic:batch", {
      topic: this.topic,
      at: Date.now(),
      intervalMs: f.intervalMs,
      total: f.total,
      sampled: f.sampled,
      records: f.items,
      summary: f.summary,
    });
  }

  /** At most one at a time: a slow broker must not pile up requests behind each other. */
  private async sendStats(): Promise<void> {
    if (this.statsInFlight || this.closed) return;
    this.statsInFlight = true;
    try {
      await this.fetchStats();
    } finally {
      this.statsInFlight = false;
    }
  }

  private async fetchStats(): Promise<void> {
    const full = this.deps.names.name(this.topic);
    if (!(await this.deps.exists(full))) return;
    try {
      const partitions = await this.deps.admin.topicOffsets(full);
      const latest = new Map(partitions.map((p) => [p.partition, p.latest]));
      const groups = await Promise.all(
        consumersOf(this.topic).map(async (component) => {
          const groupId = this.deps.names.group(component);
          const offsets = await this.deps.admin.groupOffsets(groupId, [full]);
          return {
            groupId,
            partitions: offsets.map((o) => {
              const committed = o.offset.startsWith("-") ? null : o.offset;
              return { partition: o.partition, committed, lag: partitionLag(latest.get(o.partition) ?? "0", committed) };
            }),
          };
        }),
      );
      if (!this.closed) this.emit("topic:stats", { topic: this.topic, at: Date.now(), partitions, groups });
    } catch {
      // The broker is away or the topic is not there yet; the broker banner already says so.
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.forEach(clearInterval);
    await this.consumer?.stop();
    this.consumer = null;
  }
}

/** Starts and stops one `TopicTail` per watched topic, at most `maxTopics` at once. */
export function createTopicTailFeed(deps: TopicTailDeps, maxTopics = 16) {
  const tails = new Map<string, TopicTail>();
  const unwatch = watchRooms(
    deps.io,
    "topic:",
    (topic) => {
      if (tails.has(topic) || tails.size >= maxTopics) return;
      const tail = new TopicTail(deps, topic);
      tails.set(topic, tail);
      tail.open();
    },
    (topic) => {
      const tail = tails.get(topic);
      tails.delete(topic);
      void tail?.close();
    },
  );
  return {
    get watched() {
      return [...tails.keys()];
    },
    get capacityLeft() {
      return maxTopics - tails.size;
    },
    async close() {
      unwatch();
      await Promise.all([...tails.values()].map((t) => t.close()));
      tails.clear();
    },
  };
}
