import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_SUBMISSION_BODY_BYTES } from "./exercises";
import { bodyLimitFor, KillInstance, methodsFor, ROUTES, SetInstances, routePath } from "./routes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const routeFile = (p: string) =>
  path.join(
    ROOT,
    "app",
    p
      .replace(/^\/api/, "api")
      .replace("{name}", "[name]")
      .replace("{id}", "[id]"),
    "route.ts",
  );

describe("the route table", () => {
  it("fills a component name into the path, and leaves other paths alone", () => {
    expect(routePath(ROUTES.kill, "producer-A")).toBe("/api/components/producer-A/kill");
    expect(routePath(ROUTES.topics)).toBe("/api/topics");
  });

  // The table is only one definition if the route handlers answer from it: each entry's file
  // exports its method built from that very entry.
  it.each(Object.entries(ROUTES))("%s is answered by its route file from the table", (key, d) => {
    const file = routeFile(d.path);
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file, "utf8")).toMatch(new RegExp(`export const ${d.method} = \\w+\\(ROUTES\\.${key}\\b`));
  });

  it("reads a kill without an instance as the first, and refuses one past the last", () => {
    expect(KillInstance.parse({})).toEqual({ instance: 0 });
    expect(KillInstance.safeParse({ instance: 8 }).success).toBe(false);
  });

  it("scales a worker to 1 to 8 whole instances only", () => {
    expect(SetInstances.safeParse({ count: 8 }).success).toBe(true);
    for (const count of [0, 9, 1.5]) expect(SetInstances.safeParse({ count }).success).toBe(false);
    expect(SetInstances.safeParse({ count: 2, extra: 1 }).success).toBe(false);
  });

  it("knows which methods a path is answered on, a component name matching any name", () => {
    expect(methodsFor("/api/settings").sort()).toEqual(["GET", "PUT"]);
    expect(methodsFor("/api/components/join/kill")).toEqual(["POST"]);
    expect(methodsFor("/api/components/join/kill/")).toEqual(["POST"]);
    expect(methodsFor("/api/nothing-here")).toEqual([]);
    expect(methodsFor("/api/components/join")).toEqual([]);
    expect(methodsFor("/api/exercises/filter-map/runs")).toEqual(["POST"]);
  });

  it("lets the submit route read a larger body than the others", () => {
    expect(bodyLimitFor("POST", "/api/exercises/filter-map/runs", 16_384)).toBe(MAX_SUBMISSION_BODY_BYTES);
    expect(bodyLimitFor("PUT", "/api/settings", 16_384)).toBe(16_384);
  });
});
