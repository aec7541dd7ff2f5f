import { NodeRow } from "@/components/pipeline/NodeRow";
import { BehindNote } from "@/components/live/BehindNote";
import { T } from "@/components/i18n/T";
import { AggControls } from "./AggControls";
import { AggResults } from "./AggResults";
import { AggHint, AggRunning } from "./AggStatus";

/** The windowed aggregation: its controls, start/stop, and the rows it emits, live. */
export function AggregateView({ compact = false }: { compact?: boolean }) {
  return (
    <div className="grid gap-5" data-testid="aggregate-view">
      {!compact && (
        <div>
          <h1 className="text-lg font-semibold">
            <T k="agg.title" />
          </h1>
          <p className="max-w-3xl text-sm text-muted">
            <T k="agg.intro" />
          </p>
        </div>
      )}
      <section className="card grid gap-3 p-4">
        <AggHint />
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          <AggRunning />
          <BehindNote workers={["aggregate"]} />
        </div>
        <NodeRow names={["producer-A", "producer-B", "strategy", "aggregate"]} />
      </section>
      <div className={`grid gap-5 ${compact ? "" : "xl:grid-cols-[minmax(0,420px)_minmax(0,1fr)]"}`}>
        <AggControls />
        <AggResults />
      </div>
    </div>
  );
}
