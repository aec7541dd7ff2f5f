"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Verdict } from "@/lib/contract/exercises";
import { fetchRun, submitRun } from "./api";

export type RunState = { kind: "idle" } | { kind: "submitting" } | { kind: "verdict"; verdict: Verdict } | { kind: "failed"; error: string };

/** How often a running verdict is asked for again. */
const POLL_MS = 700;

/**
 * Submits the learner's code and follows its run until the grader decides; a newer Run (or leaving the page)
 * stops following the older one.
 */
export function useRun(exerciseId: string) {
  const [state, setState] = useState<RunState>({ kind: "idle" });
  const generation = useRef(0);
  useEffect(() => () => void generation.current++, []);

  const follow = useCallback(async (gen: number, verdict: Verdict) => {
    let current = verdict;
    while (current.status === "running" && gen === generation.current) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (gen !== generation.current) return;
      try {
        current = await fetchRun(current.runId);
      } catch {
        // A missed poll (the server busy, a reconnect) is asked again at the next tick.
        continue;
      }
      if (gen === generation.current) setState({ kind: "verdict", verdict: current });
    }
  }, []);

  const run = useCallback(
    async (code: string, chaos: boolean) => {
      const gen = ++generation.current;
      setState({ kind: "submitting" });
      try {
        const verdict = await submitRun(exerciseId, { code, chaos });
        if (gen !== generation.current) return;
        setState({ kind: "verdict", verdict });
        await follow(gen, verdict);
      } catch (err) {
        if (gen === generation.current) setState({ kind: "failed", error: err instanceof Error ? err.message : String(err) });
      }
    },
    [exerciseId, follow],
  );

  return { state, run };
}
