import type { Submission } from "@/lib/contract/exercises";
import { ROUTES } from "@/lib/contract/routes";
import { call } from "@/components/pipeline/api";

/** The exercise page's requests, each checked against the route table's schemas. */
export const submitRun = (exerciseId: string, submission: Submission) => call(ROUTES.submitRun, { id: exerciseId, body: submission });
export const fetchRun = (runId: string) => call(ROUTES.run, { id: runId });
export const fetchSolution = (exerciseId: string) => call(ROUTES.solution, { id: exerciseId });
