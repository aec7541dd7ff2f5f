// `npm test`: install what is missing, check system packages, build the dashboard, run every test.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, checkNode, ensureBuild, ensureDependencies, run, say } from "./lib.mjs";
import { runLanes } from "./test-lanes.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function checkSystem() {
  const missing = [];
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error) missing.push("Java 17+ (Debian: apt-get install -y openjdk-17-jre-headless)");
  const mvn = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (mvn.error) missing.push("Maven (Debian: apt-get install -y maven)");
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (Debian: apt-get update && apt-get install -y chromium; or set CHROMIUM_PATH)`);
  if (missing.length) {
    process.stderr.write(
      `[test] ✗ missing system packages:\n${missing.map((m) => `  - ${m}`).join("\n")}\n` +
        "  `bash scripts/install-system-deps.sh` installs them on Debian/Ubuntu.\n",
    );
    process.exit(1);
  }
}

/** One static check before any suite, timed: a failure stops the run with the tool's own report. */
function check(what, bin, args) {
  say(`[test] ${what}…`);
  const t = Date.now();
  run(process.execPath, [path.join(ROOT, "node_modules", ...bin), ...args]);
  say(`[test] ✓ ${what} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

/** Types (the whole tree: `next build` checks only what the dashboard imports), lint and format. */
function staticChecks() {
  check("type check (tsc --noEmit)", ["typescript", "bin", "tsc"], ["--noEmit", "-p", "."]);
  check("lint (eslint)", ["eslint", "bin", "eslint.js"], ["."]);
  check("format (prettier --check)", ["prettier", "bin", "prettier.cjs"], ["--check", "--log-level=warn", "."]);
}

checkNode();
try {
  await ensureDependencies();
  checkSystem();
  staticChecks();
  await ensureBuild();
  fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const args = process.argv.slice(2);
  // With arguments (a project, a file, a filter), one vitest run as asked; without, every suite in lanes.
  if (args.length > 0) run(process.execPath, [path.join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", ...args], { env });
  else {
    const failed = await runLanes(env);
    if (failed.length) throw new Error(`tests failed in ${failed.join(" and ")} (search the output above for that lane's "FAIL" lines)`);
  }
  say("[test] ✓ all tests passed");
} catch (err) {
  process.stderr.write(`[test] ✗ ${err.message}\n`);
  process.exit(1);
}
