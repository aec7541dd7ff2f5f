import { memo } from "react";
import type { JoinSideRecord } from "@/lib/contract/socket";
import { linkMatches, recordId } from "@/lib/live/join-explain";
import { formatShortClock } from "@/components/ui/format";
import { RecordMark } from "./RecordMark";
import { WindowBands } from "./WindowBands";
import type { JoinFeed } from "@/components/live/useJoinFeed";
import { useI18n } from "@/components/i18n/provider";
import { timeTicks } from "@/lib/live/time-ticks";
import { laneKeys, visibleSpan } from "./scale";
import { useWidth } from "./useWidth";

const LANE = 56;
const LEFT = 76;
const TOP = 22;
const MAX_LANES = 8;
/** Half a "09:21:49" label at 10 px. */
const TICK_HALF = 26;

/** A record the learner injected, to ring on the timeline (or point to, when it is off the left edge). */
export interface Highlight {
  side: "C" | "D";
  key: string;
  ts: number;
}

interface Props {
  feed: JoinFeed;
  highlight?: Highlight[];
  selected: { c: JoinSideRecord | null; d: JoinSideRecord | null };
  onPick: (r: JoinSideRecord) => void;
}

/** C and D records per key on an event-time axis, C's ±window bands, emitted pairs, the watermark. */
export const JoinTimeline = memo(function JoinTimeline({ feed, selected, onPick, highlight = [] }: Props) {
  const { t } = useI18n();
  const { ref, width } = useWidth<HTMLDivElement>();
  const keys = withHighlighted(laneKeys(feed.records, MAX_LANES), highlight);
  const maxTs = [...feed.records, ...highlight].reduce((m, r) => Math.max(m, r.ts), 0);
  const minTs = feed.records.reduce((m, r) => Math.min(m, r.ts), maxTs);
  // Never wider than a few windows, but no wider than the data either, so dots do not bunch up.
  const span = Math.max(5_000, Math.min(visibleSpan(feed.windowMs), (maxTs - minTs) * 1.1));
  const x0 = maxTs - span;
  const plotW = width - LEFT - 12;
  const x = (ts: number) => LEFT + ((ts - x0) / (span * 1.04)) * plotW;
  const height = TOP + keys.length * LANE + 24;
  const lanes = new Map(keys.map((k, i) => [k, i]));
  const lane = (r: JoinSideRecord) => lanes.get(r.key ?? "∅") ?? -1;
  const visible = feed.records.filter((r) => r.ts >= x0 && lane(r) >= 0);
  const y = (r: JoinSideRecord) => TOP + lane(r) * LANE + LANE / 2 + (r.side === "C" ? -11 : 11);
  const links = linkMatches(visible, feed.matches);
  const wm = feed.watermark;
  // Round times, fewer on a narrow screen; a label that would be cut at the right edge is left out.
  const ticks = timeTicks(x0, span, plotW / 1.04).filter((tick) => x(tick) + TICK_HALF <= width);
  const picked = new Set([selected.c, selected.d].flatMap((r) => (r ? [recordId(r)] : [])));
  const lateLabel = t("join.late");
  const band = (c: JoinSideRecord) => {
    const from = Math.max(LEFT, x(c.ts - feed.windowMs));
    return { x: from, width: Math.max(1, Math.min(LEFT + plotW, x(c.ts + feed.windowMs)) - from), y: TOP + lane(c) * LANE + 6, height: LANE - 12 };
  };

  return (
    <div ref={ref} className="w-full" data-testid="join-timeline" data-records={visible.length} data-links={links.length}>
      {keys.length === 0 ? (
        <p className="py-10 text-center text-sm text-muted" data-testid="join-waiting">
          {t("join.waiting")}
        </p>
      ) : (
        <svg width={width} height={height} role="img" aria-label={t("join.title")} className="select-none">
          {keys.map((k, i) => (
            <g key={k}>
              <rect x={LEFT} y={TOP + i * LANE + 3} width={plotW} height={LANE - 6} rx={6} fill="var(--surface-2)" />
              <line x1={LEFT} x2={LEFT + plotW} y1={TOP + i * LANE + LANE / 2} y2={TOP + i * LANE + LANE / 2} stroke="var(--border)" />
              <text
                x={LEFT - 8}
                y={TOP + i * LANE + LANE / 2 + 4}
                textAnchor="end"
                fontSize={11}
                fill={highlight.some((h) => h.key === k) ? "var(--warn)" : "var(--muted)"}
                fontWeight={highlight.some((h) => h.key === k) ? 700 : 400}
                className="font-mono"
              >
                {k}
              </text>
            </g>
          ))}
          <WindowBands records={visible} selected={selected.c} band={band} />
          {links.map((l) => (
            <line
              key={`link-${recordId(l.c)}-${recordId(l.d)}`}
              x1={x(l.c.ts)}
              y1={y(l.c)}
              x2={x(l.d.ts)}
              y2={y(l.d)}
              stroke="var(--accent)"
              strokeWidth={1.5}
              opacity={0.7}
              data-testid="join-link"
              data-c={recordId(l.c)}
              data-d={recordId(l.d)}
            />
          ))}
          {visible.map((r) => (
            <RecordMark key={recordId(r)} r={r} cx={x(r.ts)} cy={y(r)} selected={picked.has(recordId(r))} lateLabel={lateLabel} onPick={onPick} />
          ))}
          {highlight
            .filter((h) => keys.includes(h.key))
            .map((h) => {
              const yy = TOP + keys.indexOf(h.key) * LANE + LANE / 2 + (h.side === "C" ? -11 : 11);
              return h.ts >= x0 ? (
                <circle
                  key={`hl-${h.side}-${h.ts}`}
                  cx={x(h.ts)}
                  cy={yy}
                  r={9}
                  fill="none"
                  stroke="var(--warn)"
                  strokeWidth={2}
                  data-testid="injected-marker"
                  data-offscreen="false"
                />
              ) : (
                <text key={`hl-${h.side}-${h.ts}`} x={LEFT + 4} y={yy + 4} fontSize={11} fill="var(--warn)" data-testid="injected-marker" data-offscreen="true">
                  ◀ {h.side} {formatShortClock(h.ts)}
                </text>
              );
            })}
          {wm !== null && wm >= x0 && (
            <g data-testid="watermark-line">
              <line x1={x(wm)} x2={x(wm)} y1={TOP - 6} y2={height - 20} stroke="var(--err)" strokeWidth={1.5} strokeDasharray="4 3" />
              <text x={x(wm) + 4} y={TOP - 8} fontSize={11} fill="var(--err)">
                {t("join.watermark")}
              </text>
            </g>
          )}
          {wm !== null && wm < x0 && (
            <text x={LEFT} y={TOP - 8} fontSize={11} fill="var(--err)" data-testid="watermark-offscreen">
              ← {t("join.watermark")} {formatShortClock(wm)}
            </text>
          )}
          {ticks.map((tick) => (
            <text key={tick} x={x(tick)} y={height - 6} fontSize={10} fill="var(--muted)" textAnchor="middle">
              {formatShortClock(tick)}
            </text>
          ))}
        </svg>
      )}
    </div>
  );
}, sameTimeline);

/** Only what the timeline draws: the feed's history changing alone must not redraw hundreds of dots. */
function sameTimeline(a: Props, b: Props): boolean {
  const f = a.feed,
    g = b.feed;
  return (
    f.records === g.records &&
    f.matches === g.matches &&
    f.watermark === g.watermark &&
    f.windowMs === g.windowMs &&
    a.selected === b.selected &&
    a.onPick === b.onPick &&
    a.highlight === b.highlight
  );
}

/** Keeps the injected records' keys among the lanes, replacing the last ones if needed. */
function withHighlighted(keys: string[], highlight: Highlight[]): string[] {
  const wanted = [...new Set(highlight.map((h) => h.key))].filter((k) => !keys.includes(k));
  if (wanted.length === 0) return keys;
  const kept = keys.slice(0, Math.max(0, MAX_LANES - wanted.length));
  return [...kept, ...wanted].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}
