import { EXPERIMENT_IDS, type ExperimentId } from "@/lib/lessons";
import { T } from "@/components/i18n/T";
import { BadRecordCard } from "./BadRecordCard";
import { ChaosCard } from "./ChaosCard";
import { LateCard } from "./LateCard";
import { ReplayCard } from "./ReplayCard";
import { ScaleCard } from "./ScaleCard";

/** One experiment's card by id: the experiments page shows them all, a lesson shows one. */
export function ExperimentById({ id }: { id: ExperimentId }) {
  switch (id) {
    case "scale":
      return <ScaleCard />;
    case "chaos":
      return <ChaosCard />;
    case "late":
      return <LateCard />;
    case "bad":
      return <BadRecordCard />;
    case "replay":
      return <ReplayCard />;
  }
}

/** Every experiment, each a button to press and a live view to watch. */
export function Experiments() {
  return (
    <div className="grid gap-5" data-testid="experiments">
      <div>
        <h1 className="text-lg font-semibold">
          <T k="exp.title" />
        </h1>
        <p className="max-w-3xl text-sm text-muted">
          <T k="exp.intro" />
        </p>
        <nav className="mt-2 flex flex-wrap gap-2 text-sm">
          {EXPERIMENT_IDS.map((id) => (
            <a key={id} href={`#${id}`} className="rounded-md bg-surface-2 px-2 py-1 hover:text-accent">
              <T k={`exp.${id}.title`} />
            </a>
          ))}
        </nav>
      </div>
      <div className="grid gap-5 2xl:grid-cols-2">
        {EXPERIMENT_IDS.map((id) => (
          <ExperimentById key={id} id={id} />
        ))}
      </div>
    </div>
  );
}
