import type { ReplayJob, RowProblem } from "@/lib/contract/datasets";
import type { OutgoingRecord } from "@/lib/contract/records";
import type { TopicNames } from "@/lib/contract/topics";
import { DEAD_LETTER_TOPIC } from "@/lib/contract/records";
import { rowDeadLetter } from "@/lib/datasets/dead-letter";
import type { FileLine } from "@/lib/datasets/lines";
import { mapRow } from "@/lib/datasets/mapping";
import { createReplayPacer } from "@/lib/datasets/pacing";
import { createRowReader } from "@/lib/datasets/rows";

/** Records per acknowledged send, and the longest a read row waits before its batch goes. */
const MAX_BATCH = 1000;
const MAX_BATCH_AGE_MS = 200;

export interface ReplayProgress {
  /** Every line through this one is in Kafka (sent or dead-lettered, acknowledged). */
  line: number;
  /** Rows written to the topic by this send, and the rows dead-lettered by it. */
  sent: number;
  deadLetters: RowProblem[];
  eventTime: number | null;
}

export interface ReplayDeps {
  send(records: OutgoingRecord[]): Promise<void>;
  names: TopicNames;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  report: (p: ReplayProgress) => void;
  stopped: () => boolean;
}

/**
 * Replays a file's lines into the job's topic, in file order, paced as the job says: each row keyed and
 * timed by the mapping, each row that cannot be a record dead-lettered with its line number. Sends are
 * batched and acknowledged; after each, `report` says how far the file is in Kafka, so a replay restarted
 * after a crash goes on after that line (`doneThroughLine`). A row between an acknowledged send and its
 * report may be sent twice then: at least once, in order per key.
 */
export async function replayLines(lines: AsyncIterable<FileLine>, job: ReplayJob, deps: ReplayDeps): Promise<"done" | "stopped"> {
  const readRow = createRowReader(job.format);
  const pacer = createReplayPacer(job.pace);
  const topic = deps.names.name(job.topic);
  const deadLetterTopic = deps.names.name(DEAD_LETTER_TOPIC);
  let batch: OutgoingRecord[] = [];
  let problems: RowProblem[] = [];
  let rows = 0;
  let eventTime: number | null = null;
  let line = job.doneThroughLine;
  let batchSince = deps.clock();

  const flush = async () => {
    if (batch.length > 0) await deps.send(batch);
    if (batch.length > 0 || line > 0) deps.report({ line, sent: rows, deadLetters: problems, eventTime });
    batch = [];
    problems = [];
    rows = 0;
    batchSince = deps.clock();
  };
  const deadLetter = (problem: RowProblem, text: string) => {
    problems.push(problem);
    batch.push(rowDeadLetter(problem, text, job.topic, deadLetterTopic, "dataset-replay", deps.clock()));
  };

  for await (const fileLine of lines) {
    // A CSV's header is read even when a restart skips its line: it names the columns.
    const row = readRow(fileLine);
    if (fileLine.line <= job.doneThroughLine) continue;
    if (row?.kind === "problem") deadLetter(row.problem, fileLine.text);
    else if (row) {
      const mapped = mapRow(row.line, row.fields, job.mapping);
      if (!mapped.ok) deadLetter(mapped.problem, fileLine.text);
      else {
        for (let wait = pacer.wait(deps.clock(), mapped.ts); wait > 0; wait = pacer.wait(deps.clock(), mapped.ts)) {
          await flush();
          if (deps.stopped()) return "stopped";
          await deps.sleep(Math.min(wait, MAX_BATCH_AGE_MS));
        }
        const ts = mapped.ts ?? deps.clock();
        batch.push({ topic, key: mapped.key, value: mapped.value, timestamp: ts });
        rows++;
        eventTime = Math.max(eventTime ?? ts, ts);
      }
    }
    line = fileLine.line;
    if (batch.length >= MAX_BATCH || deps.clock() - batchSince >= MAX_BATCH_AGE_MS) await flush();
    if (deps.stopped()) break;
  }
  await flush();
  return deps.stopped() ? "stopped" : "done";
}
