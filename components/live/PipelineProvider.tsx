"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { PipelineView, Settings } from "@/lib/contract/api";
import { useSocket } from "./SocketProvider";

interface PipelineActions {
  /** Shows a view an HTTP answer returned at once, to every pipeline listener, without waiting for the next push. */
  applyPipeline: (view: PipelineView) => void;
  /**
   * Shows settings a PUT just saved at once, in the latest view: until the server's next push, views that
   * compare the saved settings with what a worker runs (restarting with …) would compare with the old ones.
   */
  applySettings: (settings: Settings) => void;
  /** The latest view without subscribing to it (for a hook's initial state). */
  pipelineNow: () => PipelineView | null;
}

const PipelineContext = createContext<PipelineView | null>(null);
const PipelineActionsContext = createContext<PipelineActions | null>(null);

/** The pipeline's latest view: components, settings and metrics. */
export function PipelineProvider({ children }: { children: ReactNode }) {
  const { listen, deliver } = useSocket();
  const [pipeline, setPipeline] = useState<PipelineView | null>(null);
  const latest = useRef<PipelineView | null>(null);

  useEffect(
    () =>
      listen("pipeline:state", (p) => {
        latest.current = p;
        setPipeline(p);
      }),
    [listen],
  );
  const applyPipeline = useCallback((view: PipelineView) => deliver("pipeline:state", view), [deliver]);
  const applySettings = useCallback((settings: Settings) => latest.current && applyPipeline({ ...latest.current, settings }), [applyPipeline]);
  const actions = useMemo<PipelineActions>(() => ({ applyPipeline, applySettings, pipelineNow: () => latest.current }), [applyPipeline, applySettings]);
  return (
    <PipelineActionsContext.Provider value={actions}>
      <PipelineContext.Provider value={pipeline}>{children}</PipelineContext.Provider>
    </PipelineActionsContext.Provider>
  );
}

/** The pipeline view: the caller re-renders on every pipeline state (~4/s while running). */
export const usePipeline = (): PipelineView | null => useContext(PipelineContext);

/** applyPipeline / pipelineNow: stable, so the caller does not re-render on pipeline states. */
export function usePipelineActions(): PipelineActions {
  const ctx = useContext(PipelineActionsContext);
  if (!ctx) throw new Error("usePipelineActions needs a PipelineProvider above it");
  return ctx;
}
