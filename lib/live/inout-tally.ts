import { STRATEGIES, type Strategy } from "@/lib/contract/records";
import { OffsetCoverage } from "@/lib/pipeline/offset-coverage";

interface Position {
  partition: number;
  offset: number;
}

export interface StrategyTally {
  /** Records in X_output. */
  output: number;
  /** Dead letters whose source is X_input. */
  deadLetters: number;
  /** Distinct input records with at least one output or dead letter (a record without a source counts as one). */
  handled: number;
}

/**
 * The in = out check's counts of what the transform wrote, per strategy: every output names the
 * input it came from (partition and offset of X_input), so a second output for the same input is
 * a duplicate however far apart the two were written.
 */
export class InOutTally {
  private readonly counts = new Map<Strategy, StrategyTally>(STRATEGIES.map((s) => [s, { output: 0, deadLetters: 0, handled: 0 }]));
  private readonly coverage = new Map<string, OffsetCoverage>();

  /**
   * An output of X_output at `self` (its own partition and offset there), and the input it names (null:
   * written before outputs named it). The same output read twice (the view consumer fetched it again)
   * counts once: only a second output record for one input is a duplicate.
   */
  output(s: Strategy, source: Position | null, self?: Position): void {
    if (self && !this.firstRead(`out:${s}`, self)) return;
    const c = this.counts.get(s)!;
    c.output++;
    if (this.isNew(s, source)) c.handled++;
  }

  /** A dead letter at `self` in dead_letters, from X_input's partition and offset. */
  deadLetter(s: Strategy, source: Position | null, self?: Position): void {
    if (self && !this.firstRead("dead", self)) return;
    const c = this.counts.get(s)!;
    c.deadLetters++;
    if (this.isNew(s, source)) c.handled++;
  }

  of(s: Strategy): StrategyTally {
    return { ...this.counts.get(s)! };
  }

  private isNew(s: Strategy, source: Position | null): boolean {
    return source === null || this.firstRead(`in:${s}`, source);
  }

  /** Whether this position of a topic is seen for the first time. */
  private firstRead(topic: string, at: Position): boolean {
    const key = `${topic}:${at.partition}`;
    let cov = this.coverage.get(key);
    if (!cov) this.coverage.set(key, (cov = new OffsetCoverage()));
    return cov.add(at.offset);
  }
}
