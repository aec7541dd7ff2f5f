import { z } from "zod";
import type { WindowTableState } from "./window-agg";

/**
 * The aggregation's checkpoint: one strategy's whole window table, committed as the offset metadata
 * of the partition whose batch produced it, in the same transaction as that batch's outputs. `seq`
 * grows with every batch of the strategy, so after a restart the newest checkpoint among the topic's
 * partitions is the state exactly as of the last committed transaction.
 *
 * Window starts are written as multiples of the slide after the first (`w0`), and partition maxima
 * relative to it, to stay inside Kafka's default 4096-byte limit on offset metadata
 * (`offset.metadata.max.bytes`); a state that still does not fit stops the worker with a clear error.
 */
export const AGG_META_MAX_BYTES = 4000;

const Meta = z.object({
  v: z.literal(1),
  seq: z.number().int().min(0),
  b: z.number().int().min(0),
  l: z.number().int().min(0),
  wm: z.number().nullable(),
  p: z.array(z.tuple([z.number().int().min(0), z.string().regex(/^\d+$/).nullable(), z.number().nullable()])),
  w0: z.number().int(),
  w: z.array(z.tuple([z.number().int().min(0), z.number().int().min(1), z.number()])),
});

export interface AggCheckpoint {
  seq: number;
  state: WindowTableState;
}

export function encodeAggMeta({ seq, state }: AggCheckpoint, slideMs: number): string {
  const w0 = state.windows[0]?.[0] ?? 0;
  const meta: z.infer<typeof Meta> = {
    v: 1,
    seq,
    b: state.batch,
    l: state.late,
    wm: state.watermark,
    p: state.parts.map(([p, next, maxTs]) => [p, next, maxTs === null ? null : maxTs - w0]),
    w0,
    w: state.windows.map(([start, count, sum]) => [(start - w0) / slideMs, count, sum]),
  };
  const text = JSON.stringify(meta);
  if (Buffer.byteLength(text) > AGG_META_MAX_BYTES) {
    throw new Error(
      `aggregation state (${state.windows.length} windows, ${state.parts.length} partitions) does not fit Kafka's offset metadata (${Buffer.byteLength(text)} > ${AGG_META_MAX_BYTES} bytes): use a larger slide or fewer partitions`,
    );
  }
  return text;
}

export function decodeAggMeta(raw: string | null | undefined, slideMs: number): AggCheckpoint | null {
  if (!raw) return null;
  try {
    const parsed = Meta.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    const m = parsed.data;
    return {
      seq: m.seq,
      state: {
        batch: m.b,
        late: m.l,
        watermark: m.wm,
        parts: m.p.map(([p, next, maxTs]) => [p, next, maxTs === null ? null : m.w0 + maxTs]),
        windows: m.w.map(([i, count, sum]) => [m.w0 + i * slideMs, count, sum]),
      },
    };
  } catch {
    return null;
  }
}

export interface CommittedPartition {
  partition: number;
  /** Committed offset, or null when the group never committed this partition. */
  offset: string | null;
  metadata: string | null;
}

/**
 * The newest checkpoint among a topic's partitions, if it agrees with every committed offset.
 * It does not when the group's offsets were moved without it (a rewind, a reset): then the state is
 * rebuilt from wherever the offsets now point, which is what a rewind asks for.
 */
export function pickCheckpoint(committed: CommittedPartition[], slideMs: number): AggCheckpoint | null {
  let best: AggCheckpoint | null = null;
  for (const c of committed) {
    const cp = decodeAggMeta(c.metadata, slideMs);
    if (cp && (!best || cp.seq > best.seq)) best = cp;
  }
  if (!best) return null;
  const nextOf = new Map(best.state.parts.map(([p, next]) => [p, next]));
  const agrees = committed.every((c) => (nextOf.get(c.partition) ?? null) === c.offset);
  return agrees ? best : null;
}
