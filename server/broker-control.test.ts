import { afterEach, describe, expect, it, vi } from "vitest";
import type { EmbeddedBroker, EmbeddedBrokerOptions } from "./broker";
import { createBrokerControl } from "./broker-control";
import { fakeBroker } from "./broker/fake.test-support";

const OPTIONS = { port: 1, dataDir: "/d", cacheDir: "/c", kafkaVersion: "4.3.1" } satisfies EmbeddedBrokerOptions;

afterEach(() => vi.useRealTimers());

describe("the broker control", () => {
  it("reports a JVM that dies unasked as crashed with the reason, and starts it again after 1 s", async () => {
    vi.useFakeTimers();
    const first = fakeBroker(100);
    const second = fakeBroker(200);
    const start = vi.fn(async () => second);
    const control = createBrokerControl({ options: OPTIONS, initial: first, start, clock: () => Date.now() });
    first.crash({ code: null, signal: "SIGKILL" });
    await vi.advanceTimersByTimeAsync(0);
    expect(control.state()).toMatchObject({ status: "crashed", pid: null, crashes: 1, reason: expect.stringMatching(/pid 100.*SIGKILL/) });
    expect(control.running()).toBe(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(start).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(start).toHaveBeenCalledTimes(1);
    expect(control.state()).toMatchObject({ status: "running", pid: 200, reason: null, crashes: 1, restartAt: null });
  });

  it("starts at once when asked after a crash, instead of waiting for the planned restart", async () => {
    vi.useFakeTimers();
    const first = fakeBroker(100);
    const start = vi.fn(async () => fakeBroker(300));
    const control = createBrokerControl({ options: OPTIONS, initial: first, start });
    first.crash({ code: null, signal: "SIGKILL" });
    await vi.advanceTimersByTimeAsync(0);
    await control.start();
    expect(control.state()).toMatchObject({ status: "running", pid: 300 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it("does not count its own stop as a crash, nor start again by itself after it", async () => {
    vi.useFakeTimers();
    const first = fakeBroker(100);
    const start = vi.fn(async () => fakeBroker(400));
    const control = createBrokerControl({ options: OPTIONS, initial: first, start });
    await control.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(control.state()).toMatchObject({ status: "stopped", crashes: 0 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(start).not.toHaveBeenCalled();
    await control.start();
    expect(control.current()?.pid).toBe(400);
  });

  it("a kill asked for stops the broker for good: no restart is planned, the reason says it was killed", async () => {
    vi.useFakeTimers();
    const first = fakeBroker(100);
    const start = vi.fn(async () => fakeBroker(200));
    const control = createBrokerControl({ options: OPTIONS, initial: first, start });
    await control.kill();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(start).not.toHaveBeenCalled();
    expect(control.state()).toMatchObject({ status: "stopped", pid: null, crashes: 0, restartAt: null, reason: expect.stringMatching(/pid 100.*SIGKILL/) });
    await control.start();
    expect(control.state()).toMatchObject({ status: "running", pid: 200 });
  });

  it("keeps trying with a longer wait each time a restart after a crash fails", async () => {
    vi.useFakeTimers();
    const first = fakeBroker(100);
    const start = vi.fn(async (): Promise<EmbeddedBroker> => {
      throw new Error("port in use\nmore");
    });
    const control = createBrokerControl({ options: OPTIONS, initial: first, start });
    first.crash({ code: null, signal: "SIGKILL" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(start).toHaveBeenCalledTimes(1);
    expect(control.state()).toMatchObject({ status: "crashed", reason: "the broker could not start: port in use", crashes: 1 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(start).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(start).toHaveBeenCalledTimes(2);
    await control.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(start).toHaveBeenCalledTimes(2);
    expect(control.state()?.status).toBe("stopped");
  });

  it("has no state and refuses to act with an external cluster", async () => {
    const control = createBrokerControl({ options: null, initial: null });
    expect(control.state()).toBeNull();
    await expect(control.start()).rejects.toThrow(/external/);
  });
});
