import type { ExerciseDetail, Verdict } from "@/lib/contract/exercises";
import { RunId } from "@/lib/contract/exercises";
import { EXERCISES, exerciseById, textKeys, type ExerciseDef } from "@/lib/exercises/book";
import { compileProcessor, type CompiledProcessor } from "@/lib/exercises/compile";
import { RequestError } from "@/lib/errors";
import { createInputStore, toViews } from "./inputs";
import { createRunManager, type RunDeps } from "./runs";
import type { ExerciseService } from "./service";

/** Records of an exercise's input shown with its statement. */
const SAMPLE_SIZE = 20;

function find(id: string): ExerciseDef {
  const def = exerciseById(id);
  if (!def) throw new RequestError(404, `no exercise "${id}"; known: ${EXERCISES.map((e) => e.id).join(", ")}`);
  return def;
}

/** The exercise book and its runs, behind the routes under /api/exercises and /api/runs. */
export function createExerciseService(deps: RunDeps): ExerciseService {
  const runs = createRunManager(deps);
  const inputs = createInputStore({ kafka: deps.kafka, admin: deps.admin, prefix: deps.prefix });
  const references = new Map<string, CompiledProcessor>();
  const reference = (def: ExerciseDef): CompiledProcessor => {
    const known = references.get(def.id);
    if (known) return known;
    const c = compileProcessor(def.reference);
    if (!c.ok) throw new Error(`the reference solution of ${def.id} does not compile: ${c.error.message}`);
    references.set(def.id, c.compiled);
    return c.compiled;
  };

  return {
    list: () => ({ exercises: EXERCISES.map((e) => ({ id: e.id, number: e.number, titleKey: textKeys(e).titleKey, summaryKey: textKeys(e).summaryKey })) }),
    async detail(id): Promise<ExerciseDetail> {
      const def = find(id);
      const input = await def.input();
      const keys = textKeys(def);
      return {
        id: def.id,
        number: def.number,
        ...keys,
        starterCode: def.starter,
        compare: def.compare,
        watermarkDelayMs: def.watermarkDelayMs,
        inputCount: input.length,
        inputSample: toViews(input.slice(0, SAMPLE_SIZE)),
      };
    },
    solution: (id) => ({ id, code: find(id).reference }),
    async submit(id, submission): Promise<Verdict> {
      const def = find(id);
      const learner = compileProcessor(submission.code);
      if (!learner.ok) return runs.finished(def, learner.error, submission.chaos, (await def.input()).length);
      const input = await inputs.of(def);
      return runs.start(def, input, { learner: learner.compiled, reference: reference(def) }, submission.chaos);
    },
    verdict(runId) {
      const v = RunId.safeParse(runId).success ? runs.verdict(runId) : undefined;
      if (!v) throw new RequestError(404, `no run "${runId}": runs are kept while the lab runs, the last 50 of them`);
      return v;
    },
    shutdown: () => runs.shutdown(),
  };
}
