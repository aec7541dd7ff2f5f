import type { ComponentMetrics, Settings } from "@/lib/contract/api";
import { LatencyRecorder, RateMeter } from "@/lib/pipeline/metrics";
import { recordsBehind } from "@/lib/pipeline/offsets";
import type { TopicPartition } from "@/kafka/types";

export type JoinMetrics = NonNullable<ComponentMetrics["join"]>;

/** Counters one worker keeps about itself; `snapshot()` is what the dashboard sees. */
export class WorkerMetrics {
  private readonly inRate: RateMeter;
  private readonly outRate: RateMeter;
  private readonly latency = new LatencyRecorder();
  private inTotal = 0;
  private outTotal = 0;
  private dead = 0;
  private readonly lag = new Map<string, { topic: string; partition: number; lag: number }>();
  private assigned: TopicPartition[] = [];
  private generation: number | null = null;
  private newestEventTime: number | null = null;
  private runningSettings: Settings | undefined;
  private membershipListener: (() => void) | null = null;
  private sendError: ComponentMetrics["sendError"] = null;

  constructor(
    private readonly clock: () => number,
    private readonly joinStats: (() => JoinMetrics) | null = null,
    settings?: Settings,
  ) {
    this.runningSettings = settings;
    this.inRate = new RateMeter(clock);
    this.outRate = new RateMeter(clock);
  }

  /** Records a batch delivered to the step (those it processed, when it asked for the rest again). */
  read(records: readonly { timestamp: number }[]): void {
    this.consumed(records.length);
    for (const r of records) this.readEventTime(r.timestamp);
  }

  /** What the step's results wrote, once written: outputs, dead letters, and each completed input's latency. */
  wrote(results: readonly { outputs: readonly unknown[]; deadLetters: number; completedEventTimes: readonly number[] }[], now: number): void {
    for (const r of results) {
      this.produced(r.outputs.length - r.deadLetters);
      this.deadLettered(r.deadLetters);
      for (const ts of r.completedEventTimes) this.latencyMs(now - ts);
    }
  }

  consumed(n: number): void {
    this.inTotal += n;
    this.inRate.mark(n);
  }

  produced(n: number): void {
    this.outTotal += n;
    this.outRate.mark(n);
  }

  /** A send is being retried for this reason (kept from the first such report until a send succeeds). */
  sendFailing(e: { type: string | null; message: string }): void {
    this.sendError = { ...e, since: this.sendError?.since ?? this.clock() };
  }

  /** A send succeeded: whatever held the sends back is over. */
  sendSucceeded(): void {
    this.sendError = null;
  }

  /** The settings the process now runs with (a producer applies new ones live). */
  runsWith(settings: Settings): void {
    this.runningSettings = settings;
  }

  /** Records with these event times were read: the newest tells how far in event time the worker got. */
  readEventTimes(times: readonly number[]): void {
    for (const t of times) this.readEventTime(t);
  }

  private readEventTime(t: number): void {
    if (Number.isFinite(t) && (this.newestEventTime === null || t > this.newestEventTime)) this.newestEventTime = t;
  }

  deadLettered(n: number): void {
    this.dead += n;
  }

  latencyMs(ms: number): void {
    this.latency.record(Math.max(0, ms));
  }

  partitionLag(topic: string, partition: number, highWatermark: string, nextOffset: string): void {
    this.lag.set(`${topic}:${partition}`, { topic, partition, lag: recordsBehind(highWatermark, nextOffset) });
  }

  setAssignment(assigned: TopicPartition[]): void {
    this.assigned = assigned;
    const keep = new Set(assigned.map((a) => `${a.topic}:${a.partition}`));
    for (const k of [...this.lag.keys()]) if (!keep.has(k)) this.lag.delete(k);
  }

  /** The group generation the assignment belongs to, null while (re)joining: the dashboard tells one generation's assignment from the next. */
  setGeneration(generation: number | null): void {
    const changed = generation !== this.generation;
    this.generation = generation;
    if (changed) this.membershipListener?.();
  }

  /**
   * Called when the generation changes, for a report at once: the periodic one can come a whole
   * interval after a restarted member's first commit, which the server's lag feed already shows.
   */
  onMembershipChange(listener: () => void): void {
    this.membershipListener = listener;
  }

  /** Latency percentiles cover the records since the previous snapshot, so the dashboard sees now, not the lifetime. */
  snapshot(): ComponentMetrics {
    const latencyMs = this.latency.summary();
    this.latency.reset();
    return {
      at: this.clock(),
      recordsInPerSec: this.inRate.perSecond(),
      recordsOutPerSec: this.outRate.perSecond(),
      recordsInTotal: this.inTotal,
      recordsOutTotal: this.outTotal,
      deadLettered: this.dead,
      latencyMs,
      lag: [...this.lag.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
      assigned: this.assigned,
      generation: this.generation,
      settings: this.runningSettings,
      eventTime: this.newestEventTime,
      join: this.joinStats ? this.joinStats() : null,
      sendError: this.sendError,
    };
  }
}
