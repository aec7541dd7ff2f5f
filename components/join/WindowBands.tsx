"use client";

import type { JoinSideRecord } from "@/lib/contract/socket";
import { recordId } from "@/lib/live/join-explain";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * C's ±window around every C record on the timeline. The bands share one group opacity, so where
 * they overlap the tint stays the same (it marks where a D would match) instead of adding up to a
 * solid block; the picked C's band is stronger and edged. Tint and strength per theme: globals.css.
 */
export function WindowBands({ records, selected, band }: { records: JoinSideRecord[]; selected: JoinSideRecord | null; band: (c: JoinSideRecord) => Box }) {
  const cs = records.filter((r) => r.side === "C" && !r.late);
  const picked = selected && !selected.late ? cs.find((c) => recordId(c) === recordId(selected)) : undefined;
  return (
    <>
      <g className="chart-bands" data-testid="window-bands">
        {cs.map((c) => (
          <rect key={`band-${recordId(c)}`} {...band(c)} />
        ))}
      </g>
      {picked && <rect {...band(picked)} className="chart-band-selected" data-testid="selected-band" />}
    </>
  );
}
