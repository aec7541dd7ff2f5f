import type { Server } from "socket.io";
import type { PipelineView } from "@/lib/contract/api";
import { JoinedValue, type LabRecord } from "@/lib/contract/records";
import type { TopicNames } from "@/lib/contract/topics";
import { rooms, VIEW_RECORDS_PER_SEC, type JoinMatch, type JoinSideRecord } from "@/lib/contract/socket";
import { ViewBatcher } from "@/lib/live/batcher";
import { readValue } from "@/lib/live/tail";
import { runningSettings } from "@/lib/live/running-settings";
import { JOIN_INPUTS } from "@/lib/live/topology";
import { Watermark } from "@/lib/live/watermark";
import type { InjectedRecords } from "@/lib/live/injected";
import { JOIN_OUTPUT_TOPIC } from "@/lib/contract/records";
import { keepViewConsumer, valueText, type KeptViewConsumer, type ViewConsumerDeps } from "./view-consumer";
import { roomScopedFeed } from "./room-watch";

export interface JoinFeedDeps extends ViewConsumerDeps {
  io: Server;
  names: TopicNames;
  getPipeline: () => PipelineView;
  /** Records a learner injected: they and their pairs always reach the view, however busy the join. */
  injected?: InjectedRecords;
  flushMs?: number;
}

const REWIND = 20;

/**
 * While someone has the join view open: reads C_output, D_input and D_input_ready and sends
 * bounded `join:batch` events: the C and D records (marked late against the watermark), the
 * pairs the join emitted, and the join's settings.
 */
export class JoinTimelineFeed {
  private records: ViewBatcher<JoinSideRecord>;
  private matches: ViewBatcher<JoinMatch>;
  private counts = { c: 0, d: 0, late: 0 };
  private lastEmit = 0;
  private watermark: Watermark;
  private consumer: KeptViewConsumer | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: JoinFeedDeps) {
    const now = Date.now();
    this.records = new ViewBatcher(VIEW_RECORDS_PER_SEC, now);
    this.matches = new ViewBatcher(VIEW_RECORDS_PER_SEC, now);
    this.watermark = new Watermark(deps.getPipeline().settings.watermarkDelayMs);
  }

  open(): void {
    this.timer = setInterval(() => this.flush(), this.deps.flushMs ?? 250);
    const n = this.deps.names;
    this.consumer = keepViewConsumer(this.deps, {
      label: "join",
      topics: [n.name(JOIN_INPUTS.C), n.name(JOIN_INPUTS.D), n.name(JOIN_OUTPUT_TOPIC)],
      rewind: REWIND,
      onRecord: (r) => this.onRecord(n.base(r.topic), r),
      onError: (error) => this.deps.io.to(rooms.join).emit("live:error", { event: "join:subscribe", error }),
    });
  }

  private onRecord(topic: string, r: LabRecord): void {
    const text = valueText(r.value);
    if (topic === JOIN_OUTPUT_TOPIC) {
      const parsed = parseJson(text);
      const m = JoinedValue.safeParse(parsed);
      if (!m.success) return;
      const { c_val, d_val, c_ts, d_ts } = m.data;
      const injected = this.injected("C", r.key, c_ts) || this.injected("D", r.key, d_ts);
      this.matches.add({ key: r.key, c_val, d_val, c_ts, d_ts }, null, injected);
      return;
    }
    const side = topic === JOIN_INPUTS.C ? "C" : "D";
    const { num, eventTs } = readValue(text);
    if (num === null || eventTs === null) return;
    this.watermark.setDelay(this.joinSettings().watermarkDelayMs);
    const late = this.watermark.observe(side, eventTs);
    this.counts[side === "C" ? "c" : "d"]++;
    if (late) this.counts.late++;
    this.records.add({ side, key: r.key, val: num, ts: eventTs, partition: r.partition, offset: r.offset, late }, null, this.injected(side, r.key, eventTs));
  }

  private injected(side: "C" | "D", key: string | null, ts: number): boolean {
    return this.deps.injected?.has(side, key, ts) ?? false;
  }

  private flush(): void {
    const now = Date.now();
    const idle = this.records.pending === 0 && this.matches.pending === 0;
    if (idle && now - this.lastEmit < 1_000) return;
    this.lastEmit = now;
    const rec = this.records.flush(now);
    const mat = this.matches.flush(now);
    const settings = this.joinSettings();
    const join = this.deps.getPipeline().components.find((c) => c.name === "join")?.metrics?.join;
    this.deps.io.to(rooms.join).emit("join:batch", {
      at: now,
      intervalMs: rec.intervalMs,
      records: rec.items,
      matches: mat.items,
      totals: { ...this.counts, matches: mat.total },
      sampled: rec.sampled || mat.sampled,
      watermark: join?.watermark ?? this.watermark.value,
      windowMs: settings.joinWindowMs,
      delayMs: settings.watermarkDelayMs,
    });
    this.counts = { c: 0, d: 0, late: 0 };
  }

  /** The window and delay the running join uses (the saved ones until it reports, or when stopped). */
  private joinSettings() {
    const p = this.deps.getPipeline();
    return runningSettings(
      "join",
      p.settings,
      p.components.find((c) => c.name === "join"),
    ).values;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.consumer?.stop();
    this.consumer = null;
  }
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createJoinFeed(deps: JoinFeedDeps) {
  return roomScopedFeed(deps.io, rooms.join, () => new JoinTimelineFeed(deps));
}
