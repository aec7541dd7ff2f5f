import { describe, expect, it } from "vitest";
import { grade } from "../grade";
import { runOnMemory } from "../memory-run.test-support";
import { EXERCISES, exerciseById } from "./index";

/** A plausible wrong solution per exercise: the reference with one mistake a learner makes. */
const WRONG: Record<string, { from: string | RegExp; to: string; kind: "missing" | "extra" | "different" }> = {
  // Off by one at the filter's bound: views of exactly one second are dropped.
  "filter-map": { from: "view.ms < 1000", to: "view.ms <= 1000", kind: "missing" },
  // No late-data handling: a late record is counted into a window that was already emitted.
  windows: { from: "if (start + SIZE <= ctx.watermark) return;", to: "", kind: "different" },
  // A pause of exactly one gap does not end the session.
  sessions: { from: "t < s.end + GAP", to: "t <= s.end + GAP", kind: "different" },
  // Ids forgotten as soon as the watermark passes them: a retry within the horizon is emitted again.
  dedup: { from: "+ HORIZON <= watermark", to: "<= watermark", kind: "extra" },
  // "Within a minute" read as 60 s inclusive.
  "failed-logins": { from: "f > t - MINUTE", to: "f >= t - MINUTE", kind: "extra" },
  // Matches only when the payment comes second: an order arriving after its payment is never joined.
  join: { from: /if \(payment && [^\n]*\n/, to: "\n", kind: "missing" },
};

// The crashed runs wait out the stream loop's 2 s give-up each; run side by side, they cost that once.
it("every reference gives the same outputs when its worker crashes mid-run and restores its state from the changelog", { timeout: 60_000 }, async () => {
  await Promise.all(
    EXERCISES.map(async (def) => {
      const clean = await runOnMemory(def, def.reference);
      const crashed = await runOnMemory(def, def.reference, { crashAt: Math.floor(clean.inputs.length / 2) });
      expect(crashed.crashes, def.id).toBe(1);
      expect(grade(clean.outputs, crashed.outputs, def.compare, clean.inputs).differences, def.id).toEqual([]);
      expect(crashed.outputs.length, def.id).toBe(clean.outputs.length);
    }),
  );
});

// Each test runs an exercise's input (~150 records) through the stream loop once or twice: well under a
// second alone, longer on a machine busy with brokers.
describe.each(EXERCISES.map((e) => [e.id, e] as const))("exercise %s", { timeout: 30_000 }, (id, def) => {
  it("has a deterministic input and a reference that emits something", async () => {
    expect(await def.input()).toEqual(await def.input());
    const ref = await runOnMemory(def, def.reference);
    expect(ref.error).toBeUndefined();
    expect(ref.outputs.length).toBeGreaterThan(3);
    expect(grade(ref.outputs, ref.outputs, def.compare, ref.inputs).pass).toBe(true);
  });

  it("fails a plausible wrong solution with a difference shown", async () => {
    const w = WRONG[id]!;
    const wrongCode = def.reference.replace(w.from, w.to);
    expect(wrongCode).not.toBe(def.reference);
    const [ref, wrong] = [await runOnMemory(def, def.reference), await runOnMemory(def, wrongCode)];
    expect(wrong.error).toBeUndefined();
    const g = grade(ref.outputs, wrong.outputs, def.compare, ref.inputs);
    expect(g.pass).toBe(false);
    expect(g.differences[0]!.kind).toBe(w.kind);
    expect(g.differences[0]!.inputs!.length).toBeGreaterThan(0);
  });

  it("runs its starter code without an error (it does not solve the exercise)", async () => {
    const starter = await runOnMemory(def, def.starter);
    expect(starter.error).toBeUndefined();
    expect(exerciseById(id)).toBe(def);
  });
});
