import { useEffect, useState } from "react";
import type { InOutStats } from "@/lib/contract/socket";
import { judgeInOut, trackUnchanged, type Unchanged, type Verdict } from "@/lib/live/inout";
import { useSocket } from "@/components/live/SocketProvider";

export interface InOutView {
  stats: InOutStats;
  verdicts: Record<string, Verdict>;
}

/** The live "in = out" counts per strategy while mounted. */
export function useInOut(): InOutStats | null {
  return useInOutVerdicts()?.stats ?? null;
}

/** The live "in = out" counts per strategy while mounted, each with its verdict. */
export function useInOutVerdicts(): InOutView | null {
  const { listen, subscribe } = useSocket();
  const [view, setView] = useState<{ unchanged: Unchanged; value: InOutView | null }>({ unchanged: {}, value: null });
  useEffect(() => {
    const leave = subscribe("inout:subscribe", {}, "inout:unsubscribe");
    const off = listen("inout:stats", (stats) => {
      const now = Date.now();
      setView((prev) => {
        const unchanged = trackUnchanged(prev.unchanged, stats, now);
        return { unchanged, value: { stats, verdicts: judgeInOut(stats, unchanged, now) } };
      });
    });
    return () => {
      leave();
      off();
    };
  }, [listen, subscribe]);
  return view.value;
}
