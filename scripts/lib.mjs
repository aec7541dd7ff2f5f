// Bootstrap helpers for `npm start` and `npm test`: plain Node, no dependencies, so they run on a fresh clone.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const say = (line) => process.stdout.write(`${line}\n`);

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts });
  if (res.error) throw new Error(`${cmd} could not run: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${res.status}`);
}

export function checkNode() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 20) {
    process.stderr.write(`Node.js 20 or newer is needed (this is ${process.version}). Install it from your package manager or nodejs.org.\n`);
    process.exit(1);
  }
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (e !== "node_modules" && !e.startsWith(".")) visit(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(ROOT, p)));
  return newest;
}

/** Install dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(ROOT, "node_modules", ".package-lock.json");
  const lock = path.join(ROOT, "package-lock.json");
  const fresh = fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh) return;
  say("[setup] installing dependencies (npm install, as locked)…");
  const t = Date.now();
  // Not `npm ci`: npm 11 leaves other platforms' optional packages out of the lock file and then
  // `npm ci` refuses it as out of sync. `--no-save` installs what the lock says and changes no file.
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error"]);
  say(`[setup] ✓ dependencies installed in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

const UI_SOURCES = ["app", "components", "lib", "next.config.mjs", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

/** Build the dashboard when there is no build or a source file changed since the last one. */
export function ensureBuild() {
  const stamp = path.join(ROOT, ".next", "BUILD_ID");
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestMtime(UI_SOURCES)) return;
  say("[setup] building the dashboard (next build)…");
  const t = Date.now();
  run(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  say(`[setup] ✓ dashboard built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
