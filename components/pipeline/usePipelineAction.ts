import { useCallback, useState } from "react";
import type { PipelineView } from "@/lib/contract/api";
import { useRecord } from "@/components/live/LessonProvider";
import { usePipelineActions } from "@/components/live/PipelineProvider";

/** Runs one pipeline request, shows its answer at once, and notes it for the lessons. */
export function usePipelineAction() {
  const { applyPipeline } = usePipelineActions();
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
