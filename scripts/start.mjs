// `npm start` (and `npm run dev` with --dev): install what is missing, build, then run the server.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, checkNode, ensureBuild, ensureDependencies } from "./lib.mjs";

// When this process began (npm's own start is a moment before): the server's ready line counts from here.
const startedAt = Math.round(performance.timeOrigin);
checkNode();
const dev = process.argv.includes("--dev");
try {
  await ensureDependencies();
  if (!dev) await ensureBuild();
} catch (err) {
  process.stderr.write(`[setup] ✗ ${err.message}\n`);
  process.exit(1);
}

// The server gets an IPC channel to us: if this process dies, the server notices and shuts down.
const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server", "main.ts"), ...(dev ? ["--dev"] : [])], {
  cwd: ROOT,
  stdio: ["inherit", "inherit", "inherit", "ipc"],
  env: { ...process.env, NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1", LAB_STARTED_AT: String(startedAt) },
});
// Ctrl-C reaches the server directly (same process group); it shuts down in order and we follow it.
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => server.kill("SIGTERM"));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
