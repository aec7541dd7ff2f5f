"use client";

import { useEffect, useState } from "react";
import type { ReplayStatus } from "@/lib/contract/datasets";
import { replayStatus } from "./api";

/** How far the replay is: asked every second while it runs, every 5 s otherwise (an action's answer is set at once). */
export function useReplayStatus() {
  const [status, setStatus] = useState<ReplayStatus | null>(null);
  const running = status?.state === "running";
  useEffect(() => {
    const ask = () =>
      replayStatus()
        .then(setStatus)
        .catch(() => undefined);
    ask();
    const timer = setInterval(ask, running ? 1000 : 5000);
    return () => clearInterval(timer);
  }, [running]);
  return { status, setStatus };
}
