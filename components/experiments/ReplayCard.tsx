"use client";

import { useEffect, useState } from "react";
import type { Replay, ReplayAnswer } from "@/lib/contract/experiments";
import { groupIsEmpty } from "@/lib/pipeline/replay";
import { usePipelineAction } from "@/components/pipeline/usePipelineAction";
import { useRecord } from "@/components/live/LessonProvider";
import { usePipeline } from "@/components/live/PipelineProvider";
import { useI18n } from "@/components/i18n/provider";
import { ExperimentCard, Stat } from "./ExperimentCard";
import { InOutCheck } from "./InOutCheck";
import { NodeRow } from "@/components/pipeline/NodeRow";
import { replay } from "./api";
import { ReplayResult } from "./ReplayResult";
import { useGroup } from "./useGroup";
import { useInOut } from "./useInOut";
import { Icon } from "@/components/ui/Icon";

/** Replay: rewind the stopped transform's group, start it, and count what it wrote again. */
export function ReplayCard() {
  const { t } = useI18n();
  const pipeline = usePipeline();
  const record = useRecord();
  const stats = useInOut();
  const { run, busy, error } = usePipelineAction();
  const [to, setTo] = useState<"earliest" | "timestamp">("earliest");
  const [minutes, setMinutes] = useState("5");
  const [before, setBefore] = useState<{ outputs: number | null; processed: number | null } | null>(null);
  const [answer, setAnswer] = useState<ReplayAnswer | null>(null);
  const status = pipeline?.components.find((c) => c.name === "strategy")?.status ?? "stopped";
  const group = useGroup("strategy", status === "stopped");
  const empty = group !== null && groupIsEmpty(group);
  const outputs = stats ? stats.strategies.reduce((n, s) => n + s.output, 0) : null;
  // Every record read again becomes a result or a dead letter again.
  const processed = stats ? stats.strategies.reduce((n, s) => n + s.output + s.deadLetters, 0) : null;
  const rewritten = answer !== null && answer.records > 0 && before?.processed != null && processed !== null && processed - before.processed >= answer.records;
  useEffect(() => {
    if (rewritten) record("replay-rewritten:strategy");
  }, [rewritten, record]);

  const rewind = () => {
    const target: Replay = to === "earliest" ? { to } : { to, at: Math.max(0, Date.now() - Math.round(Number(minutes) * 60_000)) };
    setBefore({ outputs, processed });
    setAnswer(null);
    void run("replay:strategy", async () => {
      const a = await replay("strategy", target);
      setAnswer(a);
      return a.pipeline;
    });
  };
  return (
    <ExperimentCard id="replay" title={t("exp.replay.title")} intro={t("exp.replay.intro")}>
      <NodeRow names={["producer-A", "strategy"]} />
      <ol className="grid list-decimal gap-2 pl-5 text-sm">
        <li>{t("exp.replay.step1")}</li>
        <li>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-1.5">
              <input type="radio" name="replay-to" checked={to === "earliest"} onChange={() => setTo("earliest")} data-testid="replay-earliest" />
              {t("exp.replay.earliest")}
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="replay-to" checked={to === "timestamp"} onChange={() => setTo("timestamp")} data-testid="replay-timestamp" />
              {t("exp.replay.minutesAgo")}
              <input
                className="field !w-20 font-mono"
                inputMode="decimal"
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
                data-testid="replay-minutes"
              />
            </label>
            {/* Rewinding needs the results counted before it, or it could never tell that every record was processed again. */}
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || status !== "stopped" || !empty || processed === null}
              onClick={rewind}
              data-testid="replay-run"
            >
              <Icon name="rewind" />
              {t("exp.replay.run")}
            </button>
            {status !== "stopped" && <span className="text-xs text-warn">{t("exp.replay.stopFirst")}</span>}
            {status === "stopped" && group && !empty && (
              <span className="text-xs text-warn" data-testid="replay-waiting">
                {t("exp.replay.waitingGroup", { count: group.members.length, state: group.state })}
              </span>
            )}
            {status === "stopped" && empty && processed !== null && <span className="text-xs text-muted">{t("exp.replay.groupEmpty")}</span>}
            {status === "stopped" && empty && processed === null && (
              <span className="text-xs text-muted" data-testid="replay-counting">
                {t("exp.replay.counting")}
              </span>
            )}
          </div>
        </li>
        <li>{t("exp.replay.step3")}</li>
      </ol>
      {error && (
        <p className="text-sm text-err" data-testid="replay-error">
          {error}
        </p>
      )}
      {answer && <ReplayResult answer={answer} rewritten={rewritten} />}
      <div className="flex flex-wrap gap-2">
        <Stat label={t("exp.replay.before")} value={before?.outputs ?? "—"} testid="replay-before" />
        <Stat label={t("exp.replay.now")} value={outputs ?? "…"} testid="replay-now" />
        <Stat
          label={t("exp.replay.again")}
          value={before?.outputs != null && outputs !== null ? `+${Math.max(0, outputs - before.outputs)}` : "—"}
          testid="replay-again"
          tone={before?.outputs != null && outputs !== null && outputs > before.outputs ? "warn" : undefined}
        />
      </div>
      <InOutCheck />
    </ExperimentCard>
  );
}
