import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, NORMAL_RATE_MAX, settingsProblem } from "@/lib/contract/api";
import { createSettingsStore, sustainable } from "./settings-store";

describe("sustainable", () => {
  it("keeps settings the pipeline sustains, and a load test as chosen", () => {
    expect(sustainable(DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS);
    const loadTest = { ...DEFAULT_SETTINGS, ratePerSecond: 100, joinWindowMs: 300_000, loadTest: true };
    expect(sustainable(loadTest)).toBe(loadTest);
  });

  it("lowers the rate of settings saved before the join's cost was checked (100/s at ±5 min) to one the join keeps up with", () => {
    const s = sustainable({ ...DEFAULT_SETTINGS, ratePerSecond: 100, keys: 5, joinWindowMs: 300_000 });
    expect(s.ratePerSecond).toBeLessThan(10);
    expect(s.joinWindowMs).toBe(300_000);
    expect(settingsProblem(s)).toBeNull();
  });

  it("lowers a rate above the cap saved before rates were capped", () => {
    expect(sustainable({ ...DEFAULT_SETTINGS, ratePerSecond: 5000, keys: 100_000, joinWindowMs: 1 }).ratePerSecond).toBe(NORMAL_RATE_MAX);
  });
});

describe("createSettingsStore", () => {
  it("loads saved settings through the same checks, and reset goes back to the defaults and forgets the file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-settings-"));
    try {
      fs.writeFileSync(path.join(dir, "settings.json"), JSON.stringify({ ratePerSecond: 100, joinWindowMs: 300_000, keys: 5 }));
      const store = createSettingsStore(dir);
      expect(settingsProblem(store.get())).toBeNull();
      expect(store.reset()).toEqual(DEFAULT_SETTINGS);
      expect(fs.existsSync(path.join(dir, "settings.json"))).toBe(false);
      expect(createSettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
