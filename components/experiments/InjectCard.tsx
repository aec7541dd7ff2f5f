import { useState, type ReactNode } from "react";
import type { ComponentName } from "@/lib/contract/api";
import { NodeRow } from "@/components/pipeline/NodeRow";
import { Icon } from "@/components/ui/Icon";
import { ExperimentCard } from "./ExperimentCard";

/** Sending one injection: busy while it is on its way, and why it failed if it did. */
export function useInjection() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    /** A problem found before sending (the form's values). */
    fail: setError,
    async send(work: () => Promise<void>) {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      } finally {
        setBusy(false);
      }
    },
  };
}

interface Props {
  /** The experiment's id: also the prefix of its test ids (`<id>-inject`, `<id>-error`). */
  id: string;
  title: string;
  intro: string;
  /** The pipeline nodes the injection goes through. */
  nodes: ComponentName[];
  /** The form's fields, before the inject button. */
  fields: ReactNode;
  injectLabel: string;
  /** A line under the form (what the injection will meet). */
  hint?: ReactNode;
  injection: ReturnType<typeof useInjection>;
  onInject: () => void;
  /** What the pipeline refused: the count and the records sent here. */
  children: ReactNode;
}

/** An experiment that injects a record the pipeline should refuse (bad, late), then counts and shows what it refused. */
export function InjectCard({ id, title, intro, nodes, fields, injectLabel, hint, injection, onInject, children }: Props) {
  return (
    <ExperimentCard id={id} title={title} intro={intro}>
      <NodeRow names={nodes} />
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          onInject();
        }}
      >
        {fields}
        <button type="submit" className="btn btn-primary" disabled={injection.busy} data-testid={`${id}-inject`}>
          <Icon name="add" />
          {injectLabel}
        </button>
      </form>
      {hint}
      {injection.error && (
        <p className="text-sm text-err" data-testid={`${id}-error`}>
          {injection.error}
        </p>
      )}
      {children}
    </ExperimentCard>
  );
}
