import { describe, expect, it } from "vitest";
import { LogBuffer, parseLogLine } from "./log-buffer";

describe("parseLogLine", () => {
  it("reads a worker's pino line into level, time and message with its fields, an error by its message only", () => {
    const raw = JSON.stringify({
      level: 50,
      time: 7,
      pid: 1,
      name: "strategy#0",
      msg: "worker failed",
      err: { message: "boom", stack: "Error: boom\n    at x" },
    });
    expect(parseLogLine(raw, 99, "stdout")).toEqual({ at: 7, level: "error", msg: 'worker failed err="boom"' });
  });

  it("keeps a plain stderr line as an error", () => {
    expect(parseLogLine("TypeError: x is undefined", 99, "stderr")).toEqual({ at: 99, level: "error", msg: "TypeError: x is undefined" });
  });
});

describe("LogBuffer", () => {
  it("returns each line as stored, with the count of a repeated one", () => {
    const buffer = new LogBuffer(5);
    buffer.push({ at: 1, level: "warn", msg: "concurrent transaction" });
    const stored = buffer.push({ at: 2, level: "warn", msg: "concurrent transaction" });
    expect(stored).toEqual({ at: 2, level: "warn", msg: "concurrent transaction", count: 2 });
    expect(buffer.recent()).toEqual([stored]);
    expect(buffer.last()).toEqual(stored);
  });
});
