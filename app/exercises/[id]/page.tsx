import Link from "next/link";
import type { MessageKey } from "@/lib/i18n";
import { T } from "@/components/i18n/T";
import { ApiReference } from "@/components/exercises/ApiReference";
import { exerciseDetail } from "@/components/exercises/book";
import { Hints } from "@/components/exercises/Hints";
import { InputSample } from "@/components/exercises/InputSample";
import { Solution } from "@/components/exercises/Solution";
import { Workbench } from "@/components/exercises/Workbench";

export const dynamic = "force-dynamic";

/** One exercise: its task and input, the editor with Run and the verdict, and beside them the API, hints and solution. */
export default async function ExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const ex = await exerciseDetail((await params).id);
  const title = ex.titleKey as MessageKey;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-5" data-testid="exercise-page" data-id={ex.id}>
      <div className="grid gap-1">
        <Link href="/exercises" className="justify-self-start text-sm text-accent underline-offset-2 hover:underline">
          ← <T k="exui.back" />
        </Link>
        <p className="eyebrow">
          <T k="exui.number" params={{ n: ex.number }} />
        </p>
        <h1 className="text-lg font-semibold">
          <T k={title} />
        </h1>
        <p className="max-w-3xl text-sm text-muted">
          <T k={ex.summaryKey as MessageKey} />
        </p>
      </div>
      <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-5 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-5">
          <section className="card grid gap-2 p-4" aria-labelledby="task-title">
            <h2 id="task-title" className="text-base font-semibold">
              <T k="exui.task" />
            </h2>
            <p className="max-w-3xl whitespace-pre-line text-sm" data-testid="statement">
              <T k={ex.statementKey as MessageKey} />
            </p>
            <p className="max-w-3xl text-xs text-muted" data-testid="compare-mode">
              <T k={ex.compare === "final" ? "exui.compare.final" : "exui.compare.multiset"} />
            </p>
          </section>
          <Workbench exerciseId={ex.id} titleKey={title} starter={ex.starterCode} />
          <InputSample records={ex.inputSample} count={ex.inputCount} delayMs={ex.watermarkDelayMs} />
        </div>
        <aside className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-5">
          <ApiReference />
          <Hints hints={ex.hintKeys as MessageKey[]} />
          <Solution exerciseId={ex.id} />
        </aside>
      </div>
    </div>
  );
}
