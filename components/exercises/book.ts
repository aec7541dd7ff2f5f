import { notFound } from "next/navigation";
import { ExerciseId, type ExerciseDetail, type ExerciseSummary } from "@/lib/contract/exercises";
import { requestStatus } from "@/lib/errors";
import { getRuntime } from "@/server/runtime-access";

/**
 * The exercise book for the server-rendered pages, from the same service the REST routes answer from
 * (server/exercises), so a page and `GET /api/exercises` cannot disagree.
 */
function service() {
  const rt = getRuntime();
  if (!rt) throw new Error("the lab runtime is not running in this server");
  return rt.exercises;
}

export function exerciseList(): ExerciseSummary[] {
  return [...service().list().exercises].sort((a, b) => a.number - b.number);
}

/** One exercise, or the 404 page for an id that is malformed or not in the book. */
export async function exerciseDetail(id: string): Promise<ExerciseDetail> {
  if (!ExerciseId.safeParse(id).success) notFound();
  try {
    return await service().detail(id);
  } catch (err) {
    if (requestStatus(err) === 404) notFound();
    throw err;
  }
}
