import type { LogPart } from "@/lib/lessons";
import { T } from "@/components/i18n/T";
import { CompactionCard } from "./CompactionCard";
import { LogProvider } from "./LogProvider";
import { StorageCard } from "./StorageCard";
import { TxnCard } from "./TxnCard";

/** One part of the log page by name: the page shows them all, a lesson shows one. */
export function LogCard({ part }: { part: LogPart }) {
  const card = part === "storage" ? <StorageCard /> : part === "compaction" ? <CompactionCard /> : <TxnCard />;
  return <LogProvider>{card}</LogProvider>;
}

/** The log page: storage and retention, compaction, and transactions, each a demo to run and watch. */
export function LogLab() {
  return (
    <div className="grid gap-5" data-testid="log-lab">
      <div>
        <h1 className="text-lg font-semibold">
          <T k="log.title" />
        </h1>
        <p className="max-w-3xl text-sm text-muted">
          <T k="log.intro" />
        </p>
      </div>
      <LogProvider>
        <div className="grid gap-5 2xl:grid-cols-2">
          <StorageCard />
          <CompactionCard />
          <TxnCard />
        </div>
      </LogProvider>
    </div>
  );
}
