import { spawn } from "node:child_process";
import { constants } from "node:os";
import { once } from "node:events";
import { isAlive, terminate } from "./process-control";

/** The wrapper's $0, visible in its /proc cmdline; recovery uses it to tell a supervised JVM from an orphan. */
export const SUPERVISOR_NAME = "kafka-supervisor";

export interface ExitInfo {
  code: number | null;
  signal: string | null;
}

export interface SupervisedJvm {
  pid: number;
  exited: Promise<ExitInfo>;
}

/**
 * Runs the command under a bash wrapper that ties its life to ours: the wrapper's stdin is a pipe only
 * this Node process holds, so when Node dies (even by SIGKILL) the pipe closes, `read` returns and the
 * watcher kills the JVM. The wrapper exits with the JVM's status; on TERM/INT/HUP it forwards the signal.
 */
const WRAPPER = `
log="$1"; shift
exec 2>>"$log"
exec 4<&0
"$@" </dev/null >>"$log" 2>&1 4<&- &
jpid=$!
echo "$jpid"
{ read -r _ <&4; kill -TERM "$jpid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$jpid" 2>/dev/null || exit 0; sleep 0.1; done
  kill -KILL "$jpid" 2>/dev/null; } &
watcher=$!
exec 4<&-
trap 'kill -TERM "$jpid" 2>/dev/null' TERM INT HUP
while :; do wait "$jpid"; code=$?; kill -0 "$jpid" 2>/dev/null || break; done
kill "$watcher" 2>/dev/null
exit "$code"
`;

export interface SuperviseOptions {
  command: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

export async function superviseJvm(o: SuperviseOptions): Promise<SupervisedJvm> {
  // detached: a Ctrl-C in the terminal goes to Node, which decides how to stop the broker.
  const wrapper = spawnWrapper(o);
  const wrapperExit = once(wrapper, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  wrapperExit.catch(() => undefined);
  const pid = await readFirstLinePid(wrapper.stdout);
  const exited = wrapperExit.then(async ([code, signal]) => {
    wrapper.stdin.destroy();
    // If the wrapper itself was killed, supervision is gone: take the JVM down too.
    if (isAlive(pid)) await terminate(pid, 10_000);
    return signal ? { code: null, signal } : decodeExitCode(code);
  });
  return { pid, exited };
}

function spawnWrapper(o: SuperviseOptions) {
  return spawn("bash", ["-c", WRAPPER, SUPERVISOR_NAME, o.logFile, o.command, ...o.args], {
    env: o.env,
    detached: true,
    stdio: ["pipe", "pipe", "ignore"],
  });
}

function readFirstLinePid(stream: NodeJS.ReadableStream): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const newline = text.indexOf("\n");
      if (newline < 0) return;
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.resume();
      resolve(Number.parseInt(text.slice(0, newline), 10));
    };
    const onEnd = () => reject(new Error("the broker supervisor exited before starting the JVM"));
    stream.on("data", onData);
    stream.once("end", onEnd);
  });
}

/** bash reports "killed by signal N" as exit status 128+N. */
export function decodeExitCode(code: number | null): ExitInfo {
  if (code === null || code <= 128) return { code, signal: null };
  const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0];
  return name ? { code: null, signal: name } : { code, signal: null };
}
