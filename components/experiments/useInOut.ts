"use client";

import { useEffect, useState } from "react";
import type { InOutStats } from "@/lib/contract/socket";
import { useLive } from "@/components/live/LiveProvider";

/** The live "in = out" counts per strategy while mounted. */
export function useInOut(): InOutStats | null {
  const { listen, subscribe } = useLive();
  const [stats, setStats] = useState<InOutStats | null>(null);
  useEffect(() => {
    const leave = subscribe("inout:subscribe", {}, "inout:unsubscribe");
    const off = listen("inout:stats", setStats);
    return () => {
      leave();
      off();
    };
  }, [listen, subscribe]);
  return stats;
}
