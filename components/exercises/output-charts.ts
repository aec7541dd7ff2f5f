import type { ComponentType } from "react";
import type { Verdict } from "@/lib/contract/exercises";
import { GenderVerdictChart } from "./GenderVerdictChart";

/**
 * Exercises whose output is also drawn live beside the verdict (exercise 7's counts per gender per window):
 * the chart component for an exercise id, given the run being followed. An exercise without one shows no chart.
 */
export const OUTPUT_CHARTS: Partial<Record<string, ComponentType<{ verdict: Verdict | null }>>> = { "gender-dashboard": GenderVerdictChart };
