"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { BAD_RECORD_PRESETS, InjectBad } from "@/lib/contract/experiments";
import { STRATEGIES, type Strategy } from "@/lib/contract/records";
import { useRecord } from "@/components/live/LessonProvider";
import { useI18n } from "@/components/i18n/provider";
import { Stat } from "./ExperimentCard";
import { InjectCard, useInjection } from "./InjectCard";
import { inject } from "./api";
import { useInOut } from "./useInOut";

type Preset = (typeof BAD_RECORD_PRESETS)[number];

/** Bad record: write a malformed record and follow it into dead_letters. */
export function BadRecordCard() {
  const { t } = useI18n();
  const record = useRecord();
  const stats = useInOut();
  const [strategy, setStrategy] = useState<Strategy>("A");
  const [preset, setPreset] = useState<Preset>("not-json");
  const [keyless, setKeyless] = useState(false);
  const [sent, setSent] = useState<{ topic: string; value: string; before: number } | null>(null);
  const injection = useInjection();
  const dead = stats?.strategies.find((s) => s.strategy === strategy)?.deadLetters ?? null;
  const arrived = sent !== null && dead !== null && dead > sent.before;
  useEffect(() => {
    if (arrived) record("bad-arrived");
  }, [arrived, record]);

  const submit = () =>
    injection.send(async () => {
      const req = InjectBad.parse({ kind: "bad", strategy, preset, key: keyless ? null : "user-1" });
      const before = dead ?? 0;
      const answer = await inject(req);
      setSent({ topic: answer.topic, value: answer.value, before });
      record("inject-bad");
    });

  return (
    <InjectCard
      id="bad"
      title={t("exp.bad.title")}
      intro={t("exp.bad.intro")}
      nodes={["strategy"]}
      injectLabel={t("exp.bad.inject")}
      injection={injection}
      onInject={() => void submit()}
      fields={
        <>
          <label className="grid gap-1 text-sm">
            <span className="text-muted">{t("exp.bad.into")}</span>
            <select className="field !w-auto" value={strategy} data-testid="bad-strategy" onChange={(e) => setStrategy(e.target.value as Strategy)}>
              {STRATEGIES.map((s) => (
                <option key={s} value={s}>
                  {s}_input
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="text-muted">{t("exp.bad.preset")}</span>
            <select className="field !w-auto" value={preset} data-testid="bad-preset" onChange={(e) => setPreset(e.target.value as Preset)}>
              {BAD_RECORD_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t(`exp.bad.preset.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" checked={keyless} onChange={(e) => setKeyless(e.target.checked)} data-testid="bad-keyless" />
            {t("exp.bad.keyless")}
          </label>
        </>
      }
    >
      <div className="flex flex-wrap items-center gap-3">
        <Stat label={t("exp.bad.deadFrom", { topic: `${strategy}_input` })} value={dead ?? "…"} testid="bad-dead-count" tone={dead ? "err" : undefined} />
        {sent && (
          <div className="grid gap-1 text-sm" data-testid="bad-sent">
            <span>
              {t("exp.bad.sent", { topic: sent.topic })} <code className="break-all font-mono text-xs">{sent.value.slice(0, 80)}</code>
            </span>
            <span className={arrived ? "text-ok" : "text-muted"} data-testid="bad-arrived" data-arrived={arrived}>
              {arrived ? `✓ ${t("exp.bad.arrived")}` : t("exp.bad.waiting")}
            </span>
          </div>
        )}
        <Link href="/topics?topic=dead_letters" className="btn ml-auto" data-testid="open-dead-letters">
          {t("exp.bad.open")} →
        </Link>
      </div>
    </InjectCard>
  );
}
