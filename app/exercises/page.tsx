import Link from "next/link";
import type { MessageKey } from "@/lib/i18n";
import type { ExerciseSummary } from "@/lib/contract/exercises";
import { T } from "@/components/i18n/T";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { exerciseList } from "@/components/exercises/book";
import { PassedBadge } from "@/components/exercises/PassedBadge";

export const dynamic = "force-dynamic";

const COLUMNS: Column<ExerciseSummary>[] = [
  { id: "n", header: "#", cell: (e) => e.number, mono: true },
  {
    id: "title",
    header: <T k="exui.col.exercise" />,
    rowHeader: true,
    cell: (e) => (
      <Link href={`/exercises/${e.id}`} className="font-medium text-accent underline-offset-2 hover:underline" data-testid={`exercise-link-${e.id}`}>
        <T k={e.titleKey as MessageKey} />
      </Link>
    ),
  },
  { id: "concept", header: <T k="exui.col.concept" />, cell: (e) => <T k={e.summaryKey as MessageKey} />, className: "text-muted" },
  { id: "status", header: <T k="exui.col.status" />, cell: (e) => <PassedBadge exerciseId={e.id} /> },
];

/** The exercise book: each exercise's title, what it practises, and whether this browser saw it pass. */
export default function ExercisesPage() {
  const exercises = exerciseList();
  return (
    <div className="grid gap-5" data-testid="exercises">
      <div>
        <h1 className="text-lg font-semibold">
          <T k="exui.title" />
        </h1>
        <p className="max-w-3xl text-sm text-muted">
          <T k="exui.intro" />
        </p>
      </div>
      <section className="card min-w-0 p-4" aria-labelledby="exercise-list-title">
        <h2 id="exercise-list-title" className="sr-only">
          <T k="exui.list" />
        </h2>
        <DataTable columns={COLUMNS} rows={exercises} rowKey={(e) => e.id} rowData={(e) => ({ "data-testid": "exercise-row", "data-id": e.id })} look="roomy" />
      </section>
    </div>
  );
}
