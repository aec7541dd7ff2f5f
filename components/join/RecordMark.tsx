import { memo } from "react";
import type { JoinSideRecord } from "@/lib/contract/socket";
import { recordId } from "@/lib/live/join-explain";
import { formatShortClock } from "@/components/ui/format";

interface Props {
  r: JoinSideRecord;
  cx: number;
  cy: number;
  selected: boolean;
  lateLabel: string;
  onPick: (r: JoinSideRecord) => void;
}

/** One record on the join timeline: its own component, so React can split the hundreds of them across frames. */
export const RecordMark = memo(function RecordMark({ r, cx, cy, selected, lateLabel, onPick }: Props) {
  if (r.late)
    return (
      <g transform={`translate(${cx},${cy})`} onClick={() => onPick(r)} className="cursor-pointer" data-testid="late-record">
        <title>{`${r.side} ${r.key} ${r.val} @ ${formatShortClock(r.ts)} — ${lateLabel}`}</title>
        <path d="M-4 -4 L4 4 M4 -4 L-4 4" stroke="var(--err)" strokeWidth={2} />
      </g>
    );
  return (
    <circle
      cx={cx}
      cy={cy}
      r={selected ? 6 : 4}
      fill={r.side === "C" ? "var(--chart-3)" : "var(--chart-4)"}
      stroke={selected ? "var(--text)" : "var(--surface)"}
      strokeWidth={1.5}
      className="cursor-pointer"
      onClick={() => onPick(r)}
      data-testid={`join-dot-${r.side}`}
      data-record={recordId(r)}
    >
      <title>{`${r.side} ${r.key} ${r.side === "C" ? "c_val" : "d_val"}=${r.val} @ ${formatShortClock(r.ts)}`}</title>
    </circle>
  );
});
