import type { Server } from "socket.io";
import { DEAD_LETTER_TOPIC, DeadLetterValue, inputTopic, outputTopic, STRATEGIES, type LabRecord, type Strategy } from "@/lib/contract/records";
import type { TopicNames } from "@/lib/contract/topics";
import { rooms } from "@/lib/contract/socket";
import { groupLag } from "@/lib/live/lag";
import { InOutTally } from "@/lib/live/inout-tally";
import { sourceOf } from "@/lib/pipeline/delivery";
import { keepViewConsumer, valueText, type KeptViewConsumer, type ViewConsumerDeps } from "./view-consumer";
import { roomScopedFeed } from "./room-watch";

export interface InOutFeedDeps extends ViewConsumerDeps {
  io: Server;
  names: TopicNames;
  statsMs?: number;
}

/** Far enough back that every view consumer seek lands on the earliest offset. */
const FROM_START = 1e15;

/**
 * While someone watches the "in = out" check: counts every committed record of the X_output
 * topics and the dead letters per source topic from the start, and about once a second sends
 * them with the input end offsets and the strategy group's lag (`inout:stats`).
 */
export class InOutCounter {
  private tally = new InOutTally();
  private consumer: KeptViewConsumer | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private sending = false;

  constructor(private readonly deps: InOutFeedDeps) {}

  open(): void {
    this.timer = setInterval(() => void this.send(), this.deps.statsMs ?? 1_000);
    const n = this.deps.names;
    this.consumer = keepViewConsumer(this.deps, {
      label: "inout",
      topics: [...STRATEGIES.map((s) => n.name(outputTopic(s))), n.name(DEAD_LETTER_TOPIC)],
      rewind: FROM_START,
      onRecord: (r) => this.onRecord(n.base(r.topic), r),
      onError: (error) => this.deps.io.to(rooms.inout).emit("live:error", { event: "inout:subscribe", error }),
    });
  }

  private onRecord(topic: string, r: LabRecord): void {
    const out = STRATEGIES.find((s) => outputTopic(s) === topic);
    const self = { partition: r.partition, offset: Number(r.offset) };
    if (out) return this.tally.output(out, sourceOf(r.headers), self);
    const dead = deadLetterSource(valueText(r.value), this.deps.names);
    if (dead) this.tally.deadLetter(dead.strategy, /^\d+$/.test(dead.offset) ? { partition: dead.partition, offset: Number(dead.offset) } : null, self);
  }

  /** At most one at a time, as the topic stats: requests must not pile up behind a slow broker. */
  private async send(): Promise<void> {
    if (this.sending || !this.consumer?.connected()) return;
    this.sending = true;
    try {
      await this.sendOnce();
    } finally {
      this.sending = false;
    }
  }

  private async sendOnce(): Promise<void> {
    const n = this.deps.names;
    const group = n.group("strategy");
    // Counted before the offsets are fetched: exactly once commits a result with the input offset that
    // caused it, so every result counted here is within the offsets fetched next. (At least once writes
    // results ahead of their commit; the verdict tells those from duplicates by the inputs they name.)
    const counted = new Map(STRATEGIES.map((s) => [s, this.tally.of(s)]));
    try {
      const strategies = await Promise.all(
        STRATEGIES.map(async (s) => {
          const topic = n.name(inputTopic(s));
          const [ends, committed] = await Promise.all([this.deps.admin.topicOffsets(topic), this.deps.admin.groupOffsets(group, [topic])]);
          const input = ends.reduce((sum, p) => sum + Number(p.latest), 0);
          const { total: lag } = groupLag([{ topic, partitions: ends }], committed);
          return { strategy: s, input, lag, ...counted.get(s)! };
        }),
      );
      if (!this.closed) this.deps.io.to(rooms.inout).emit("inout:stats", { at: Date.now(), strategies });
    } catch {
      // The broker is away or a topic is missing; the banner says so.
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.consumer?.stop();
    this.consumer = null;
  }
}

/** The strategy whose input topic a dead letter came from, and its partition and offset there, if it came from one. */
export function deadLetterSource(text: string | null, names: TopicNames): { strategy: Strategy; partition: number; offset: string } | null {
  if (text === null) return null;
  try {
    const v = DeadLetterValue.safeParse(JSON.parse(text));
    if (!v.success) return null;
    const base = names.base(v.data.topic);
    const strategy = STRATEGIES.find((s) => inputTopic(s) === base);
    return strategy ? { strategy, partition: v.data.partition, offset: v.data.offset } : null;
  } catch {
    return null;
  }
}

export function createInOutFeed(deps: InOutFeedDeps) {
  return roomScopedFeed(deps.io, rooms.inout, () => new InOutCounter(deps));
}
