import type { ReactNode } from "react";

/** The frame of one experiment: what it shows, how to run it, and its live view. */
export function ExperimentCard({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <section id={id} className="card grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-3 p-4" data-testid={`experiment-${id}`}>
      <div>
        <h2 className="text-base font-semibold">{title}</h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">{intro}</p>
      </div>
      {children}
    </section>
  );
}

/** A small labelled number. */
export function Stat({ label, value, testid, tone }: { label: string; value: ReactNode; testid?: string; tone?: "ok" | "err" | "warn" }) {
  const color = tone === "ok" ? "text-ok" : tone === "err" ? "text-err" : tone === "warn" ? "text-warn" : "";
  return (
    <div className="rounded-lg bg-surface-2 px-3 py-2">
      <div className="eyebrow">{label}</div>
      <div className={`font-mono text-lg font-semibold ${color}`} data-testid={testid}>
        {value}
      </div>
    </div>
  );
}
