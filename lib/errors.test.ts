import { describe, expect, it } from "vitest";
import { isRetriable } from "./retry";
import { LabError, RequestError, requestStatus } from "./errors";

describe("the lab's error family", () => {
  it("answers a refused request with its 4xx status", () => {
    expect(requestStatus(new RequestError(409, "busy"))).toBe(409);
  });

  it("gives no status for our errors without one, for 5xx, or for anyone else's error", () => {
    expect(requestStatus(new LabError("broken"))).toBeUndefined();
    expect(requestStatus(new LabError("down", { status: 503 }))).toBeUndefined();
    expect(requestStatus(Object.assign(new Error("foreign"), { status: 400 }))).toBeUndefined();
  });

  it("tells the retry module whether trying again can help", () => {
    expect(isRetriable(new LabError("broker starting", { retriable: true }))).toBe(true);
    expect(isRetriable(new RequestError(400, "bad field"))).toBe(false);
  });

  it("knows its own errors by their mark, not by instanceof: Next.js's bundle has another copy of the class", () => {
    const fromOtherCopy = Object.assign(new Error("busy"), { labError: true, status: 409 });
    expect(requestStatus(fromOtherCopy)).toBe(409);
  });

  it("names each error by its class, so logs say what failed", () => {
    class WorkerBuildError extends LabError {}
    expect(new WorkerBuildError("no").name).toBe("WorkerBuildError");
  });
});
