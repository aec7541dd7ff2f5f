import { formatBytes } from "./format-step";

/** What Maven fetched: every file it logged as downloaded, and how many of those were jars. */
export interface FetchTally {
  files: number;
  jars: number;
}

const DOWNLOADED = /^\[INFO\]\s+Downloaded from [^:]+:\s+(\S+)/;

/**
 * Count one line of Maven's output. Maven fetches far more than the broker's jars: every dependency's
 * pom, parent poms, and the jars and poms of its own dependency plugin. Counting jars apart lets the
 * terminal explain "349 files" beside "46 jars".
 */
export function tallyMavenLine(tally: FetchTally, line: string): FetchTally {
  const url = DOWNLOADED.exec(line)?.[1] ?? (line.includes("Downloaded from") ? "" : null);
  if (url === null) return tally;
  return { files: tally.files + 1, jars: tally.jars + (url.endsWith(".jar") ? 1 : 0) };
}

/** The progress line while Maven runs. */
export const describeFetching = (version: string, t: FetchTally) =>
  `downloading Kafka ${version} from Maven Central… ${t.files} files so far (${t.jars} jars, the rest poms)`;

export interface ResolvedKafka {
  version: string;
  jarCount: number;
  bytes: number;
  cached: boolean;
  fetched?: FetchTally;
}

/** The resolve step's line: what the broker runs on, and where it came from. */
export function describeResolved(r: ResolvedKafka): string {
  const what = `Kafka ${r.version}: ${r.jarCount} jars (${formatBytes(r.bytes)})`;
  if (r.cached) return `${what} from cache`;
  if (!r.fetched) return `${what} downloaded from Maven Central`;
  return `${what} from Maven Central (${r.fetched.files} files fetched in all: the broker's jars plus poms and Maven's own plugin jars)`;
}
