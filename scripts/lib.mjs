// Bootstrap helpers for `npm start` and `npm test`: plain Node, no dependencies, so they run on a fresh clone.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { LOG_FORMAT } from "./setup-config.mjs";

export const ROOT = path.resolve(import.meta.dirname, "..");

/** One step line, e.g. "[setup] ✓ dashboard built in 98 s"; a JSON record with LOG_FORMAT=json. */
export function say(line) {
  if (LOG_FORMAT !== "json") return process.stdout.write(`${line}\n`);
  const tagged = /^\s*\[([\w-]+)\]\s*(.*)$/s.exec(line);
  const record = {
    level: 30,
    time: Date.now(),
    pid: process.pid,
    name: "setup",
    ...(tagged ? { component: tagged[1] } : {}),
    msg: tagged ? tagged[2] : line.trim(),
  };
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

const HEARTBEAT_MS = 15_000;
const FAILURE_TAIL = 60;
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

/**
 * Run a long, noisy step (npm install, next build) with its output kept out of the terminal: a heartbeat
 * line says it is still going, and on failure its last lines are shown, since they say what went wrong.
 */
export function runQuietly(label, cmd, args, opts = {}) {
  const started = Date.now();
  const heartbeat = setInterval(() => say(`[setup] … ${label}… ${seconds(started)}`), HEARTBEAT_MS);
  const output = [];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], ...opts });
    const keep = (chunk) => output.push(chunk.toString());
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (err) => {
      clearInterval(heartbeat);
      reject(new Error(`${cmd} could not run: ${err.message}`));
    });
    child.on("close", (code) => {
      clearInterval(heartbeat);
      if (code === 0) return resolve(Date.now() - started);
      const tail = output.join("").trimEnd().split("\n").slice(-FAILURE_TAIL).join("\n");
      reject(new Error(`${label} failed (${path.basename(cmd)} ${args.join(" ")} exited with ${code}); its output:\n${tail}`));
    });
  });
}

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
export async function ensureDependencies() {
  const marker = path.join(ROOT, "node_modules", ".package-lock.json");
  const lock = path.join(ROOT, "package-lock.json");
  const fresh = fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh) return say("[setup] ✓ dependencies up to date");
  // Not `npm ci`: npm 11 leaves other platforms' optional packages out of the lock file and then
  // `npm ci` refuses it as out of sync. `--no-save` installs what the lock says and changes no file.
  say("[setup] … installing dependencies (npm install, as locked)");
  const took = await runQuietly("installing dependencies", "npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error"]);
  say(`[setup] ✓ dependencies installed in ${Math.round(took / 1000)} s`);
}

const UI_SOURCES = ["app", "components", "lib", "server", "kafka", "next.config.mjs", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

/** Build the dashboard when there is no build or a source file changed since the last one. */
export async function ensureBuild() {
  const stamp = path.join(ROOT, ".next", "BUILD_ID");
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestMtime(UI_SOURCES)) return say("[setup] ✓ dashboard build up to date");
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  say("[setup] … building the dashboard (next build, 1–3 min the first time; its output is shown only if it fails)");
  const took = await runQuietly("building the dashboard", process.execPath, [next, "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  say(`[setup] ✓ dashboard built in ${Math.round(took / 1000)} s`);
}
