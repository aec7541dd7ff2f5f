import { describe, expect, it } from "vitest";
import { hostAllowList, isAllowedHost, isLoopback, parseHost } from "./hosts";

describe("parseHost", () => {
  it("reads name and name:port, IPv6 in brackets, lower-cased", () => {
    expect(parseHost("Lab.Example.com")).toEqual({ name: "lab.example.com", port: null });
    expect(parseHost("10.0.0.2:3000")).toEqual({ name: "10.0.0.2", port: 3000 });
    expect(parseHost("[::1]:3000")).toEqual({ name: "[::1]", port: 3000 });
  });

  it("refuses what is not a host, and ports out of range", () => {
    for (const bad of ["", "a b", "evil.example:0", "evil.example:70000", "user@evil.example", "::1", "http://x", "x:"]) expect(parseHost(bad), bad).toBeNull();
  });
});

describe("hostAllowList", () => {
  it("allows the loopback names on the lab's port only", () => {
    const list = hostAllowList({ host: "127.0.0.1", port: 3000, extra: [] });
    for (const ok of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000"]) expect(isAllowedHost(list, ok), ok).toBe(true);
    for (const no of ["127.0.0.1:3001", "localhost", "evil.example:3000", "127.0.0.2:3000", "0.0.0.0:3000"]) expect(isAllowedHost(list, no), no).toBe(false);
  });

  it("adds the configured HOST when it is not loopback, on the lab's port", () => {
    const list = hostAllowList({ host: "192.168.1.20", port: 3000, extra: [] });
    expect(isAllowedHost(list, "192.168.1.20:3000")).toBe(true);
    expect(isAllowedHost(list, "192.168.1.20:80")).toBe(false);
    expect(isAllowedHost(hostAllowList({ host: "fe80::1", port: 3000, extra: [] }), "[fe80::1]:3000")).toBe(true);
  });

  it("adds LAB_ALLOWED_HOSTS entries: a bare name on any port, name:port on that port", () => {
    const list = hostAllowList({ host: "127.0.0.1", port: 3000, extra: ["lab.example.com", "box:8080"] });
    expect(isAllowedHost(list, "lab.example.com")).toBe(true);
    expect(isAllowedHost(list, "lab.example.com:9999")).toBe(true);
    expect(isAllowedHost(list, "box:8080")).toBe(true);
    expect(isAllowedHost(list, "box:3000")).toBe(false);
  });

  it("matches a Host without a port against the scheme's default port", () => {
    const list = hostAllowList({ host: "127.0.0.1", port: 443, extra: [] });
    expect(isAllowedHost(list, "localhost", 443)).toBe(true);
    expect(isAllowedHost(list, "localhost")).toBe(false);
  });

  it("allows nothing for a missing or malformed Host", () => {
    const list = hostAllowList({ host: "127.0.0.1", port: 3000, extra: [] });
    expect(isAllowedHost(list, undefined)).toBe(false);
    expect(isAllowedHost(list, "localhost:3000/")).toBe(false);
  });
});

describe("isLoopback", () => {
  it("knows 127.0.0.1, localhost and ::1 in either spelling", () => {
    for (const h of ["127.0.0.1", "localhost", "::1", "[::1]"]) expect(isLoopback(h), h).toBe(true);
    expect(isLoopback("0.0.0.0")).toBe(false);
  });
});
