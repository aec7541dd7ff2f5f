import { describe, expect, it } from "vitest";
import { dashboardUrl, readyLine } from "./ready-line";

describe("readyLine", () => {
  it("counts from when the start began and says what to do next", () => {
    const line = readyLine({ startedAt: 1_000, now: 165_000, host: "127.0.0.1", port: 3000, token: null });
    expect(line).toBe("[lab] ✓ Ready in 164 s — open http://127.0.0.1:3000, press Start, or go to /learn for the lessons");
  });

  it("shows a short start with a tenth of a second", () => {
    expect(readyLine({ startedAt: 0, now: 4_230, host: "127.0.0.1", port: 3000, token: null })).toContain("Ready in 4.2 s");
  });

  it("gives the token URL when a token is needed", () => {
    expect(readyLine({ startedAt: 0, now: 20_000, host: "192.168.1.20", port: 3000, token: "s3cret" })).toContain(
      "open http://192.168.1.20:3000/?token=s3cret,",
    );
  });
});

describe("dashboardUrl", () => {
  it("opens a wildcard listen address on loopback", () => {
    expect(dashboardUrl("0.0.0.0", 8080, null)).toBe("http://127.0.0.1:8080");
    expect(dashboardUrl("::", 8080, null)).toBe("http://[::1]:8080");
  });

  it("puts an IPv6 address in brackets and escapes the token", () => {
    expect(dashboardUrl("fd00::1", 3000, "a&b")).toBe("http://[fd00::1]:3000/?token=a%26b");
  });
});
