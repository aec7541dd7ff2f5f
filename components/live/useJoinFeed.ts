import { DEFAULT_SETTINGS, type PipelineView } from "@/lib/contract/api";
import type { JoinBatch, JoinMatch, JoinSideRecord } from "@/lib/contract/socket";
import { appendBounded } from "@/lib/live/ring";
import { usePipelineActions } from "./PipelineProvider";
import { useFeed, type FeedReducers } from "./useFeed";

const RECORDS = 400;
const MATCHES = 300;
const POINTS = 120;
/** Batches and pipeline states each come ~4/s: render both at most twice a second. */
const RENDER_MS = 500;

export interface JoinStatePoint {
  t: number;
  stateC: number;
  stateD: number;
  matchesPerSec: number;
}

export interface JoinFeed {
  records: JoinSideRecord[];
  matches: JoinMatch[];
  watermark: number | null;
  windowMs: number;
  delayMs: number;
  sampled: boolean;
  lateTotal: number;
  history: JoinStatePoint[];
}

const withBatch = (f: JoinFeed, b: JoinBatch): JoinFeed => ({
  ...f,
  records: b.records.length ? appendBounded(f.records, b.records, RECORDS) : f.records,
  matches: b.matches.length ? appendBounded(f.matches, b.matches, MATCHES) : f.matches,
  watermark: b.watermark,
  windowMs: b.windowMs,
  delayMs: b.delayMs,
  sampled: b.sampled,
  lateTotal: f.lateTotal + b.totals.late,
});

/** Adds the join worker's state size and match rate when it reported anew. */
function withPipeline(f: JoinFeed, p: PipelineView | null): JoinFeed {
  const m = p?.components.find((c) => c.name === "join")?.metrics;
  const h = f.history;
  if (!m?.join || (h.length && h[h.length - 1]!.t === m.at)) return f;
  const point = { t: m.at, stateC: m.join.stateC, stateD: m.join.stateD, matchesPerSec: m.join.matchesPerSec };
  return { ...f, history: appendBounded(h, [point], POINTS) };
}

const REDUCERS: FeedReducers<JoinFeed> = { "join:batch": withBatch, "pipeline:state": withPipeline };

/** The join view's live data, in bounded buffers, while mounted. One object, new only when it changed. */
export function useJoinFeed(): JoinFeed {
  const { pipelineNow } = usePipelineActions();
  const { value } = useFeed<JoinFeed>(
    { join: "join:subscribe", payload: {}, leave: "join:unsubscribe" },
    REDUCERS,
    () => {
      const p = pipelineNow();
      const first: JoinFeed = {
        records: [],
        matches: [],
        watermark: null,
        windowMs: p?.settings.joinWindowMs ?? DEFAULT_SETTINGS.joinWindowMs,
        delayMs: p?.settings.watermarkDelayMs ?? DEFAULT_SETTINGS.watermarkDelayMs,
        sampled: false,
        lateTotal: 0,
        history: [],
      };
      return withPipeline(first, p);
    },
    RENDER_MS,
  );
  return value;
}
