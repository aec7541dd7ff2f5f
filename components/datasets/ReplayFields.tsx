"use client";

import type { ReactNode } from "react";
import type { MessageKey } from "@/lib/i18n";
import type { ReplayForm } from "@/lib/datasets/replay-form";
import { useI18n } from "@/components/i18n/provider";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="grid min-w-0 gap-1 text-sm">
      <span className="text-muted">{label}</span>
      {children}
    </label>
  );
}

function Choice<V extends string>(props: {
  value: V;
  options: readonly V[];
  text: (v: V) => string;
  testid: string;
  onChange: (v: V) => void;
  mono?: boolean;
}) {
  return (
    <select
      className={`field ${props.mono ? "font-mono" : ""}`}
      value={props.value}
      data-testid={props.testid}
      onChange={(e) => props.onChange(e.target.value as V)}
    >
      {props.options.map((o) => (
        <option key={o} value={o}>
          {props.text(o)}
        </option>
      ))}
    </select>
  );
}

/** Steps 2 and 3: which columns are the key and the event time, and how fast into which topic. */
export function ReplayFields({
  form,
  columns,
  onChange,
  invalid,
}: {
  form: ReplayForm;
  columns: string[];
  onChange: (f: ReplayForm) => void;
  invalid: string | null;
}) {
  const { t } = useI18n();
  const set =
    <K extends keyof ReplayForm>(k: K) =>
    (v: ReplayForm[K]) =>
      onChange({ ...form, [k]: v });
  const column = (k: "key" | "timeColumn" | "month" | "day", label: MessageKey) => (
    <Field label={t(label)}>
      <Choice value={form[k]} options={columns} text={(c) => c} testid={`ds-${k}`} onChange={set(k)} mono />
    </Field>
  );
  const text = (k: "year" | "rate" | "speed" | "topic", label: MessageKey) => (
    <Field label={t(label)}>
      <input
        className="field font-mono"
        value={form[k]}
        data-testid={`ds-${k}`}
        aria-invalid={invalid?.includes(k === "rate" ? "recordsPerSecond" : k === "speed" ? "factor" : k) ? "true" : "false"}
        onChange={(e) => set(k)(e.target.value)}
      />
    </Field>
  );
  return (
    <>
      <fieldset className="grid min-w-0 gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">{t("ds.map")}</legend>
        {column("key", "ds.keyColumn")}
        <Field label={t("ds.timeFrom")}>
          <Choice
            value={form.timeKind}
            options={["monthDay", "column", "none"] as const}
            text={(k) => t(`ds.time.${k}`)}
            testid="ds-timeKind"
            onChange={set("timeKind")}
          />
        </Field>
        {form.timeKind === "column" && column("timeColumn", "ds.timeColumn")}
        {form.timeKind === "column" && (
          <Field label={t("ds.unit")}>
            <Choice value={form.unit} options={["ms", "s", "iso"] as const} text={(u) => t(`ds.unit.${u}`)} testid="ds-unit" onChange={set("unit")} />
          </Field>
        )}
        {form.timeKind === "monthDay" && column("month", "ds.month")}
        {form.timeKind === "monthDay" && column("day", "ds.day")}
        {form.timeKind === "monthDay" && text("year", "ds.year")}
        {form.timeKind === "monthDay" && <p className="self-end text-xs text-muted sm:col-span-2">{t("ds.monthDayHint")}</p>}
      </fieldset>
      <fieldset className="grid min-w-0 gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">{t("ds.pace")}</legend>
        <Field label={t("ds.paceKind")}>
          <Choice value={form.paceKind} options={["speed", "rate"] as const} text={(p) => t(`ds.pace.${p}`)} testid="ds-paceKind" onChange={set("paceKind")} />
        </Field>
        {form.paceKind === "rate" ? text("rate", "ds.rate") : text("speed", "ds.speed")}
        {form.paceKind === "speed" && <p className="text-xs text-muted sm:col-span-2">{t("ds.speedHint")}</p>}
        {text("topic", "ds.topic")}
      </fieldset>
    </>
  );
}
