import fs from "node:fs";
import path from "node:path";
import { RunState, sameRunning, type Running } from "./run-state";

/**
 * Keeps `run-state.json` in the data folder (beside settings.json) up to date with what runs, so that the
 * next start knows what a killed or crashed lab was doing. Inert without a data folder.
 */
export function createRunStateStore(dataDir: string | null, clock: () => number = Date.now) {
  const file = dataDir ? path.join(dataDir, "run-state.json") : null;
  const previous = load(file);
  let last: Running | null = null;
  let ended = false;

  const write = (state: RunState) => {
    if (!file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Whole or not at all: a SIGKILL mid-write must not leave half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
    fs.renameSync(tmp, file);
  };

  return {
    /** How the previous run ended, read once at start (null on a first start or an unreadable file). */
    previous: () => previous,
    /** What runs now; written only when it changed, and no more once the run is ending. */
    record(running: Running): void {
      if (ended || (last && sameRunning(last, running))) return;
      last = running;
      write({ running, cleanStop: false, at: clock() });
    },
    /**
     * The lab is stopping: freeze the record, so that the stop itself (every component stopping) is not taken
     * for the learner's wish. A clean stop also says so, and the next start resumes nothing.
     */
    end(clean: boolean): void {
      if (ended) return;
      ended = true;
      if (clean) write({ running: last ?? [], cleanStop: true, at: clock() });
    },
  };
}
export type RunStateStore = ReturnType<typeof createRunStateStore>;

function load(file: string | null): RunState | null {
  if (!file || !fs.existsSync(file)) return null;
  try {
    const parsed = RunState.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
