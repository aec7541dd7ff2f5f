import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { useRecord } from "@/components/live/LessonProvider";
import { usePipelineActions } from "@/components/live/PipelineProvider";
import { saveSettings } from "@/components/pipeline/api";
import type { SettingsAnswer } from "@/lib/contract/api";
import type { useSettingsDraft } from "./useSettingsDraft";

export type Draft = NonNullable<ReturnType<typeof useSettingsDraft>>;
export type Answer = z.infer<typeof SettingsAnswer>;
export type ApplyState = { kind: "idle" | "saving" } | { kind: "saved"; answer: Answer } | { kind: "error"; error: string };

/**
 * The one way a settings form applies its draft: PUT /api/settings with the changed settings, tell the lessons
 * which ones changed (`settings:<name>`), follow the live settings again, and keep the server's answer
 * (what it restarted) for the form to show. Any edit puts the form back to idle.
 */
export function useApplySettings(draft: Draft | null) {
  const record = useRecord();
  const { applySettings } = usePipelineActions();
  const [state, setState] = useState<ApplyState>({ kind: "idle" });
  // What the last apply restarted stays in view while the learner edits the next draft.
  const [last, setLast] = useState<Answer | null>(null);
  const changes = draft ? Object.keys(draft.patch).length : 0;
  return {
    state,
    /** The server's answer to the last apply, kept until the next one. */
    last,
    /** Whether the apply button can be pressed: valid, changed, not already on its way. */
    ready: !!draft?.ok && changes > 0 && state.kind !== "saving",
    /** Call on every edit: a note about the last apply no longer describes the draft. */
    edited: () => setState({ kind: "idle" }),
    async submit(e: FormEvent) {
      e.preventDefault();
      if (!draft?.ok || changes === 0) return;
      setState({ kind: "saving" });
      try {
        const answer = await saveSettings(draft.patch);
        for (const name of Object.keys(draft.patch)) record(`settings:${name}`);
        // The aggregate lesson waits for its worker to restart with the new windows.
        if (answer.restartNeeded.some((r) => r.components.includes("aggregate"))) record("restart:aggregate");
        const { restartNeeded: _restarted, ...saved } = answer;
        applySettings(saved);
        draft.saved();
        setState({ kind: "saved", answer });
        setLast(answer);
      } catch (err) {
        setState({ kind: "error", error: err instanceof Error ? err.message : String(err) });
      }
    },
  };
}
