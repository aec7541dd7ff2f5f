"use client";

import { useEffect, useState } from "react";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { InjectRecord } from "@/lib/contract/experiments";
import { EVENT_OFFSET_PRESETS_S, expectLate, fateOf, isFinalFate, type Fate } from "@/lib/live/experiments";
import { useJoinFeed } from "@/components/live/useJoinFeed";
import { useRecord } from "@/components/live/LessonProvider";
import { usePipeline } from "@/components/live/PipelineProvider";
import { JoinTimeline, type Highlight } from "@/components/join/JoinTimeline";
import { formatShortClock } from "@/components/ui/format";
import { useI18n } from "@/components/i18n/provider";
import { InjectCard, useInjection } from "./InjectCard";
import { inject } from "./api";

interface Sent extends Highlight {
  expectedLate: boolean;
}

const sentId = (h: Sent) => `${h.side}|${h.key}|${h.ts}`;
const FATE_TONE: Partial<Record<Fate, string>> = { late: "text-err", joined: "text-ok", unmatched: "text-warn" };

/** Late and out-of-order records: write a C or D record with an old event time and watch the join. */
export function LateCard() {
  const { t, duration } = useI18n();
  const pipeline = usePipeline();
  const record = useRecord();
  const feed = useJoinFeed();
  const [side, setSide] = useState<"C" | "D">("D");
  const [key, setKey] = useState("user-1");
  const [value, setValue] = useState("42");
  const [seconds, setSeconds] = useState("-5");
  const [sent, setSent] = useState<Sent[]>([]);
  const injection = useInjection();
  const keys = Array.from({ length: Math.min(pipeline?.settings.keys ?? DEFAULT_SETTINGS.keys, 20) }, (_, i) => `user-${i + 1}`);
  const watermark = pipeline?.components.find((c) => c.name === "join")?.metrics?.join?.watermark ?? feed.watermark;
  // What became of the records injected here, for the late-data lesson: `late-fate:joined` or `late-fate:late`.
  // A pair the view showed once may scroll out of it: a joined or late record stays so.
  const [final, setFinal] = useState<Record<string, Fate>>({});
  const outcomes = sent.map((h) => ({ h, id: sentId(h), fate: final[sentId(h)] ?? fateOf(h, feed) }));
  // Adjusting state while rendering (React's pattern for state derived from what came before): no effect, no extra paint.
  const settledNow = outcomes.filter((o) => isFinalFate(o.fate) && !final[o.id]);
  if (settledNow.length) setFinal({ ...final, ...Object.fromEntries(settledNow.map((o) => [o.id, o.fate])) });
  const fates = outcomes.map((o) => o.fate).join(",");
  useEffect(() => {
    for (const fate of new Set(fates.split(",") as Fate[])) if (isFinalFate(fate)) record(`late-fate:${fate}`);
  }, [fates, record]);

  const submit = () => {
    const req = InjectRecord.safeParse({
      kind: "record",
      strategy: side,
      key,
      value: Number(value),
      eventTimeOffsetMs: Math.round(Number(seconds) * 1000),
    });
    if (!req.success) return injection.fail(req.error.issues[0]?.message ?? "invalid");
    void injection.send(async () => {
      const answer = await inject(req.data);
      setSent((s) => [{ side, key, ts: answer.ts, expectedLate: expectLate(answer.ts, watermark) }, ...s].slice(0, 4));
      record(`inject-record:${side}`);
      if (req.data.eventTimeOffsetMs <= -60_000) record("inject-record:old");
    });
  };

  return (
    <InjectCard
      id="late"
      title={t("exp.late.title")}
      intro={t("exp.late.intro")}
      nodes={["producer-C", "producer-D", "strategy", "join"]}
      injectLabel={t("exp.late.inject")}
      injection={injection}
      onInject={submit}
      fields={
        <>
          <label className="grid gap-1 text-sm">
            <span className="text-muted">{t("exp.late.side")}</span>
            <select className="field !w-auto" value={side} data-testid="late-side" onChange={(e) => setSide(e.target.value === "C" ? "C" : "D")}>
              <option value="C">C → C_input</option>
              <option value="D">D → D_input</option>
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="text-muted">{t("topics.col.key")}</span>
            <select className="field !w-auto font-mono" value={key} data-testid="late-key" onChange={(e) => setKey(e.target.value)}>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="text-muted">{t("topics.col.value")}</span>
            <input className="field !w-24 font-mono" inputMode="numeric" value={value} data-testid="late-value" onChange={(e) => setValue(e.target.value)} />
          </label>
          <label className="grid gap-1 text-sm">
            <span className="text-muted">{t("exp.late.offset")}</span>
            <input
              className="field !w-24 font-mono"
              inputMode="decimal"
              value={seconds}
              data-testid="late-seconds"
              onChange={(e) => setSeconds(e.target.value)}
            />
          </label>
          <div className="flex gap-1">
            {EVENT_OFFSET_PRESETS_S.map((m) => (
              <button
                key={m}
                type="button"
                className={`btn btn-sm ${String(m) === seconds ? "btn-primary" : ""}`}
                data-testid={`late-preset-${m}`}
                onClick={() => setSeconds(String(m))}
              >
                {m === 0 ? t("exp.late.now") : duration(m * 1000)}
              </button>
            ))}
          </div>
        </>
      }
      hint={
        <p className="text-xs text-muted" data-testid="late-watermark">
          {watermark === null ? t("join.noWatermark") : t("exp.late.watermark", { time: formatShortClock(watermark), delay: duration(feed.delayMs) })}
        </p>
      }
    >
      {sent.length > 0 && (
        <ul className="grid gap-1 text-sm" data-testid="late-sent">
          {outcomes.map(({ h, fate }) => (
            <li key={`${h.side}-${h.ts}`} className="flex flex-wrap gap-x-3" data-testid="late-outcome" data-fate={fate} data-expected-late={h.expectedLate}>
              <span className="font-mono">
                {h.side} {h.key} @ {formatShortClock(h.ts)}
              </span>
              <span className="text-muted">{t(h.expectedLate ? "exp.late.expectLate" : "exp.late.expectOnTime")}</span>
              <span className={FATE_TONE[fate] ?? "text-muted"}>{t(`exp.late.fate.${fate}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <JoinTimeline feed={feed} selected={{ c: null, d: null }} onPick={() => undefined} highlight={sent} />
      <p className="text-xs text-muted">
        {t("exp.late.lateTotal", { count: pipeline?.components.find((c) => c.name === "join")?.metrics?.join?.lateDropped ?? 0 })}
      </p>
    </InjectCard>
  );
}
