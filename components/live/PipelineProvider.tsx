"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { PipelineView } from "@/lib/contract/api";
import { useSocket } from "./SocketProvider";

interface PipelineActions {
  /** Shows a view an HTTP answer returned at once, to every pipeline listener, without waiting for the next push. */
  applyPipeline: (view: PipelineView) => void;
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
  const actions = useMemo<PipelineActions>(() => ({ applyPipeline, pipelineNow: () => latest.current }), [applyPipeline]);
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
