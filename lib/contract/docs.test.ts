import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMPONENT_NAMES } from "./api";

/**
 * The README and docs/ are what a user's clone has: every link in them must stay inside the
 * repository and lead to a file (and heading) that exists, and docs/api.md must list every route
 * the app serves, and no route it does not.
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const DOCS = [
  "README.md",
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const read = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Markdown outside fenced code blocks (a diagram or a shell example is not a link). */
const prose = (md: string) => md.replace(/^```[\s\S]*?^```/gm, "");

/** Targets of inline links `[text](target)`. */
function linkTargets(md: string): string[] {
  return [...prose(md).matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const headingSlug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");

const slugsOf = (md: string) => new Set([...prose(md).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => headingSlug(m[1]!)));

/** What is wrong with a link from the file `from` (repository-relative), or null when it is fine. */
function linkProblem(root: string, from: string, target: string): string | null {
  if (/^(https?:|mailto:)/i.test(target)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return `${target}: not a web or repository link`;
  const [file = "", anchor] = target.split("#");
  const resolved = file ? path.resolve(root, path.dirname(from), decodeURIComponent(file)) : path.join(root, from);
  const rel = path.relative(root, resolved);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return `${target}: outside the repository, which a clone does not have`;
  if (!existsSync(resolved)) return `${target}: no such file`;
  if (anchor && resolved.endsWith(".md") && !slugsOf(readFileSync(resolved, "utf8")).has(anchor)) return `${target}: no heading #${anchor}`;
  return null;
}

/** Every route file under app/api, as the `METHOD /api/path` patterns it serves. */
function routes(): { file: string; method: string; pattern: RegExp }[] {
  const out: { file: string; method: string; pattern: RegExp }[] = [];
  const component = `(\\{name\\}|${COMPONENT_NAMES.join("|")})`;
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir))) {
      const rel = `${dir}/${entry}`;
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else if (entry === "route.ts") {
        const url = `/${dir.replace(/^app\//, "")}`;
        const source = read(rel);
        for (const method of METHODS.filter((m) => new RegExp(`export const ${m}\\b`).test(source))) {
          const escape = (seg: string) => seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          const segments = url.split("/").map((seg) => (seg === "[name]" ? component : seg === "[id]" ? "(\\{id\\}|[\\w-]+)" : escape(seg)));
          out.push({ file: rel, method, pattern: new RegExp(`^${segments.join("/")}$`) });
        }
      }
    }
  };
  walk("app/api");
  return out;
}

/** `METHOD /api/…` as written in backticks in a document (`POST /api/broker/stop`, `POST /api/broker/start` counts both). */
function documentedRoutes(md: string): { method: string; url: string }[] {
  const found: { method: string; url: string }[] = [];
  for (const m of md.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`\s?]*)`/g)) found.push({ method: m[1]!, url: m[2]! });
  return found;
}

describe("links in the README and docs/", () => {
  it("finds links, and flags one leading outside the repository or to a missing file or heading", () => {
    const md = "See [spec](../shared/spec/api.md), [api](docs/api.md#errors), [x](docs/nope.md), [h](#nope).\n```\n[not](../a)\n```";
    expect(linkTargets(md)).toEqual(["../shared/spec/api.md", "docs/api.md#errors", "docs/nope.md", "#nope"]);
    expect(linkProblem(ROOT, "README.md", "../shared/spec/api.md")).toMatch(/outside the repository/);
    expect(linkProblem(ROOT, "README.md", "docs/api.md#errors")).toBeNull();
    expect(linkProblem(ROOT, "README.md", "docs/nope.md")).toMatch(/no such file/);
    expect(linkProblem(ROOT, "README.md", "#nope")).toMatch(/no heading/);
    expect(headingSlug("Settings, and when they apply")).toBe("settings-and-when-they-apply");
  });

  it.each(DOCS)("%s links only to files and headings inside the repository", (file) => {
    const problems = linkTargets(read(file))
      .map((t) => linkProblem(ROOT, file, t))
      .filter(Boolean);
    expect(problems).toEqual([]);
  });

  it("the README links to both contract documents", () => {
    expect(linkTargets(read("README.md"))).toEqual(expect.arrayContaining(["docs/pipeline.md", "docs/api.md"]));
  });
});

describe("docs/api.md and the routes under app/api", () => {
  const api = read("docs/api.md");
  const documented = documentedRoutes(api);

  it.each(routes().map((r) => [`${r.method} ${r.file}`, r] as const))("lists %s", (_, route) => {
    if (route.file.includes("[...path]")) expect(api).toContain(route.file);
    else expect(documented.some((d) => d.method === route.method && route.pattern.test(d.url))).toBe(true);
  });

  it.each(DOCS)("%s names no route the app does not serve", (file) => {
    const served = routes().filter((r) => !r.file.includes("[...path]"));
    const unknown = documentedRoutes(read(file)).filter((d) => !served.some((r) => r.method === d.method && r.pattern.test(d.url)));
    expect(unknown).toEqual([]);
  });
});
