"use client";

import { useSyncExternalStore } from "react";
import { hasPassed } from "@/lib/exercises/learner-storage";
import { useI18n } from "@/components/i18n/provider";

// A pass is saved on the exercise's page; the list reads it when it renders (no live updates needed across tabs).
const noSubscription = () => () => {};

/** "passed" or "not yet", as this browser remembers the exercise (localStorage); nothing before hydration. */
export function PassedBadge({ exerciseId }: { exerciseId: string }) {
  const { t } = useI18n();
  const passed = useSyncExternalStore(
    noSubscription,
    () => hasPassed(localStorage, exerciseId),
    () => null,
  );
  if (passed === null) return null;
  return (
    <span
      data-testid="exercise-status"
      data-passed={passed}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-[11px] font-medium ${passed ? "bg-ok/15 text-ok" : "bg-surface-2 text-muted"}`}
    >
      {passed ? t("exui.passed") : t("exui.notYet")}
    </span>
  );
}
