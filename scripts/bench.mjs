// `npm run bench [-- --quick] [-- --only=throughput,latency,join,page,cluster,peers] [-- --peers]`: install what is missing,
// build the dashboard if needed (the page scenario serves it), then run the TypeScript bench with tsx.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, checkNode, ensureBuild, ensureDependencies } from "./lib.mjs";

checkNode();
try {
  await ensureDependencies();
  await ensureBuild();
} catch (err) {
  process.stderr.write(`[setup] ✗ ${err.message}\n`);
  process.exit(1);
}
const bench = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", "main.ts"), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.on("SIGINT", () => bench.kill("SIGINT"));
bench.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
