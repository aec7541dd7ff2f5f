"use client";

import { useCallback, useState } from "react";
import type { PipelineView } from "@/lib/contract/api";
import { useLive, useRecord } from "@/components/live/LiveProvider";

/** Runs one pipeline request, shows its answer at once, and notes it for the lessons. */
export function usePipelineAction() {
  const { applyPipeline } = useLive();
  const record = useRecord();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: string, request: () => Promise<PipelineView>) => {
      setBusy(true);
      setError(null);
      try {
        applyPipeline(await request());
        record(action);
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      } finally {
        setBusy(false);
      }
    },
    [applyPipeline, record],
  );
  return { run, busy, error };
}
