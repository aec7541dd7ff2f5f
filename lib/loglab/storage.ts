import type { ResetOutcome, ResetPolicy, Segment } from "@/lib/contract/log";

/** A partition's segment files are named by their base offset, 20 digits: 00000000000000000120.log. */
const SEGMENT_FILE = /^(\d{20})\.log$/;

/**
 * The segments of one partition directory from its file names and sizes, oldest first. Files being
 * deleted (`.log.deleted`), cleaned (`.log.cleaned`) or swapped (`.log.swap`) are not segments any more.
 */
export function parseSegments(files: readonly { name: string; bytes: number }[]): Segment[] {
  return files
    .flatMap((f) => {
      const m = SEGMENT_FILE.exec(f.name);
      return m ? [{ baseOffset: BigInt(m[1]!).toString(), bytes: f.bytes }] : [];
    })
    .sort((a, b) => (BigInt(a.baseOffset) < BigInt(b.baseOffset) ? -1 : 1));
}

/** The directory Kafka keeps partition `p` of `topic` in, under a log dir. */
export const partitionDir = (topic: string, partition: number) => `${topic}-${partition}`;

/**
 * What a reader that committed `asked` meets when it resumes: if the log no longer starts at or before
 * it, auto.offset.reset sends it to the log start (earliest) or end (latest), and everything between
 * is lost to it. `firstRead` is the offset it was actually given, when it got one.
 */
export function resetOutcome(o: { policy: ResetPolicy; asked: bigint; logStart: bigint; logEnd: bigint; firstRead: bigint | null; at: number }): ResetOutcome {
  const inLog = o.asked >= o.logStart && o.asked <= o.logEnd;
  const resetTo = inLog ? o.asked : (o.firstRead ?? (o.policy === "earliest" ? o.logStart : o.logEnd));
  const lost = resetTo > o.asked ? Number(resetTo - o.asked) : 0;
  return {
    policy: o.policy,
    asked: o.asked.toString(),
    logStart: o.logStart.toString(),
    logEnd: o.logEnd.toString(),
    resetTo: resetTo.toString(),
    lost,
    at: o.at,
  };
}
