import { describe, expect, it } from "vitest";
import { formatFields, formatRecord } from "./log-format";

const clock = (ms: number) => `t${ms}`;
const base = { level: 30, time: 1000, pid: 42, hostname: "box", name: "lab", msg: "broker connected" };

describe("formatRecord", () => {
  it("writes time, level, component and message on one line, without pid or hostname", () => {
    expect(formatRecord(base, { clock })).toBe("t1000 INFO  lab  broker connected");
  });

  it("shows the time of day by default", () => {
    expect(formatRecord(base)).toMatch(/^\d\d:\d\d:\d\d INFO  lab  broker connected$/);
  });

  it("adds fields as key=value, quoting strings with spaces", () => {
    const line = formatRecord({ ...base, brokers: "127.0.0.1:9092", attempts: 3, error: "connection refused" }, { clock });
    expect(line).toBe('t1000 INFO  lab  broker connected brokers=127.0.0.1:9092 attempts=3 error="connection refused"');
  });

  it("names levels in capitals, warnings and errors included", () => {
    expect(formatRecord({ ...base, level: 40 }, { clock })).toContain(" WARN  lab ");
    expect(formatRecord({ ...base, level: 50 }, { clock })).toContain(" ERROR lab ");
  });

  it("shows an error by its message only, not its stack", () => {
    const err = { type: "Error", message: "connect ECONNREFUSED", stack: "Error: connect ECONNREFUSED\n    at TCPConnectWrap.afterConnect" };
    const line = formatRecord({ ...base, level: 50, msg: "could not create topics", err }, { clock });
    expect(line).toBe('t1000 ERROR lab  could not create topics err="connect ECONNREFUSED"');
    expect(line).not.toContain("\n");
  });

  it("adds the stack, indented on the lines after, when asked (LOG_LEVEL=debug)", () => {
    const err = { message: "boom", stack: "Error: boom\n    at x (y.ts:1:1)" };
    const lines = formatRecord({ ...base, level: 50, msg: "failed", err }, { clock, stack: true }).split("\n");
    expect(lines[0]).toBe('t1000 ERROR lab  failed err="boom"');
    expect(lines.slice(1)).toEqual(["    Error: boom", "        at x (y.ts:1:1)"]);
  });

  it("never prints a line that is a JSON object", () => {
    const line = formatRecord({ level: 30, time: 1, msg: "", nested: { a: 1 } });
    expect(() => JSON.parse(line)).toThrow();
  });
});

describe("formatFields", () => {
  it("leaves out empty (null) fields", () => {
    expect(formatFields({ brokers: "127.0.0.1:9092", error: null })).toBe("brokers=127.0.0.1:9092");
  });

  it("keeps a few fields and says how many more there were", () => {
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}`, i]));
    expect(formatFields(many)).toBe("f0=0 f1=1 f2=2 f3=3 f4=4 f5=5 (+3 more)");
  });

  it("shortens a very long value", () => {
    const out = formatFields({ detail: "x".repeat(500) });
    expect(out.length).toBeLessThan(140);
    expect(out.endsWith("…")).toBe(true);
  });
});
