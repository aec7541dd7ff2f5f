// `npm run chaos [-- --records N --kills K --duration S --window MS --seed S --port P]`:
// kill the strategy and join workers with SIGKILL again and again on a broker of its own, then
// check every output topic against the spec's oracle. The work is in tests/chaos/main.ts.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, checkNode, ensureDependencies } from "./lib.mjs";

checkNode();
try {
  await ensureDependencies();
} catch (err) {
  process.stderr.write(`[setup] ✗ ${err.message}\n`);
  process.exit(1);
}
const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests", "chaos", "main.ts"), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
});
// Ctrl-C reaches the child directly (same process group); it stops its broker and we follow it.
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
