import { describe, expect, it } from "vitest";
import { newClusterId } from "./storage";
import { decodeExitCode } from "./supervisor";

describe("newClusterId", () => {
  it("makes a 22-character URL-safe id like Kafka's random-uuid", () => {
    expect(newClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("never starts with a dash or uses Kafka's reserved ids", () => {
    const draws = [Buffer.from([0xf8, ...Array(15).fill(1)]), Buffer.alloc(16), Buffer.from([...Array(15).fill(0), 1]), Buffer.alloc(16, 7)];
    const id = newClusterId(() => draws.shift() ?? Buffer.alloc(16, 9));
    expect(id).toBe(Buffer.alloc(16, 7).toString("base64url"));
  });
});

describe("decodeExitCode", () => {
  it("turns a shell's 128+N status into the signal name", () => {
    expect(decodeExitCode(143)).toEqual({ code: null, signal: "SIGTERM" });
    expect(decodeExitCode(137)).toEqual({ code: null, signal: "SIGKILL" });
  });

  it("keeps ordinary exit codes", () => {
    expect(decodeExitCode(0)).toEqual({ code: 0, signal: null });
    expect(decodeExitCode(1)).toEqual({ code: 1, signal: null });
  });
});
