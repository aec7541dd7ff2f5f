import { useCallback, useEffect, useState } from "react";
import { AGGREGATES_TOPIC } from "@/lib/contract/records";
import { addRows, modesSeen, parseAggRow, type AggRow, type Emission } from "@/lib/live/aggregates";
import { useRecord } from "@/components/live/LessonProvider";
import { useSocket } from "@/components/live/SocketProvider";

export interface AggregatesFeed {
  /** Newest first, bounded. */
  emissions: Emission[];
  sampled: boolean;
  clear: () => void;
}

/** The `aggregates` topic, live, as emissions (rows grouped by strategy + batch), while mounted. */
export function useAggregates(): AggregatesFeed {
  const { listen, subscribe } = useSocket();
  const record = useRecord();
  const [emissions, setEmissions] = useState<Emission[]>([]);
  const [sampled, setSampled] = useState(false);

  useEffect(() => {
    const leave = subscribe("topic:subscribe", { topic: AGGREGATES_TOPIC }, "topic:unsubscribe");
    const off = listen("topic:batch", (b) => {
      if (b.topic !== AGGREGATES_TOPIC) return;
      if (b.sampled) setSampled(true);
      const rows = b.records.map((r) => parseAggRow(r.value)).filter((r): r is AggRow => r !== null);
      if (rows.length > 0) setEmissions((prev) => addRows(prev, rows, Date.now()));
    });
    return () => {
      leave();
      off();
    };
  }, [listen, subscribe]);

  // The lesson on output modes completes once rows of two modes were seen here.
  const seen = modesSeen(emissions).join(",");
  useEffect(() => {
    for (const mode of seen.split(",")) if (mode) record(`agg-rows:${mode}`);
  }, [seen, record]);

  const clear = useCallback(() => {
    setEmissions([]);
    setSampled(false);
  }, []);
  return { emissions, sampled, clear };
}
