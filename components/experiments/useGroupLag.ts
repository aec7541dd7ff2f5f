import { useEffect, useState } from "react";
import type { GroupLag } from "@/lib/contract/socket";
import { appendBounded } from "@/lib/live/ring";
import { useSocket } from "@/components/live/SocketProvider";

export interface GroupLagPoint {
  t: number;
  lag: number;
}

const POINTS = 120;

/** A worker's consumer-group lag as the server measures it (from committed offsets), over time, while mounted. */
export function useGroupLag(worker: GroupLag["worker"]) {
  const { listen, subscribe } = useSocket();
  const [state, setState] = useState<{ worker: GroupLag["worker"]; latest: GroupLag | null; history: GroupLagPoint[] }>({ worker, latest: null, history: [] });
  useEffect(() => {
    const leave = subscribe("lag:subscribe", { worker }, "lag:unsubscribe");
    const off = listen("lag:stats", (g) => {
      if (g.worker !== worker) return;
      // Another worker's history is not this one's: it starts again.
      setState((s) => ({ worker, latest: g, history: appendBounded(s.worker === worker ? s.history : [], [{ t: g.at, lag: g.total }], POINTS) }));
    });
    return () => {
      leave();
      off();
    };
  }, [worker, listen, subscribe]);
  return state.worker === worker ? { latest: state.latest, history: state.history } : { latest: null, history: [] };
}
