import { describe, expect, it } from "vitest";
import { DeadLetterValue, OutputValue, type LabRecord } from "../contract/records";
import { strategyOfInputTopic, strategyStep } from "./strategy-step";

const NOW = 1_763_800_000_000;
const rec = (topic: string, value: unknown, key: string | null = "user-2"): LabRecord => ({
  topic,
  partition: 1,
  offset: "77",
  key,
  value: Buffer.from(typeof value === "string" ? value : JSON.stringify(value)),
  timestamp: NOW - 3,
});

describe("strategyStep", () => {
  it.each(["A", "B", "C", "D"] as const)("transforms %s_input into %s_output with the same key and ts", (s) => {
    const out = strategyStep(rec(`${s}_input`, { strategy: s, value: 30, ts: NOW - 3 }), NOW);
    expect(out.kind).toBe("output");
    expect(out.record).toEqual({ topic: `${s}_output`, key: "user-2", value: JSON.stringify({ result: 55, ts: NOW - 3 }), timestamp: NOW - 3 });
    expect(OutputValue.parse(JSON.parse(String(out.record.value)))).toEqual({ result: 55, ts: NOW - 3 });
  });

  it("writes exactly {result, ts}, dropping unknown input fields", () => {
    const out = strategyStep(rec("B_input", { strategy: "B", value: -7, ts: NOW, junk: 1 }), NOW);
    expect(JSON.parse(String(out.record.value))).toEqual({ result: -14, ts: NOW });
  });

  it("uses the event time as the record timestamp, not the input's record timestamp", () => {
    const out = strategyStep(rec("A_input", { strategy: "A", value: 1, ts: NOW - 60_000 }), NOW);
    expect(out.record.timestamp).toBe(NOW - 60_000);
  });

  it("keeps a null key", () => {
    expect(strategyStep(rec("A_input", { strategy: "A", value: 1, ts: NOW }, null), NOW).record.key).toBeNull();
  });

  it("dead-letters a field that disagrees with the topic, naming the worker", () => {
    const out = strategyStep(rec("A_input", { strategy: "C", value: 1, ts: NOW }), NOW, "strategy-2");
    expect(out.kind).toBe("dead");
    expect(out.record.topic).toBe("dead_letters");
    expect(out.record.key).toBe("user-2");
    expect(DeadLetterValue.parse(JSON.parse(String(out.record.value)))).toMatchObject({
      reason: "wrong_strategy",
      topic: "A_input",
      partition: 1,
      offset: "77",
      worker: "strategy-2",
    });
  });

  it("dead-letters invalid input with the validator's reason", () => {
    const out = strategyStep(rec("D_input", "not json"), NOW);
    expect(JSON.parse(String(out.record.value)).reason).toBe("not_json");
  });

  it("dead-letters a record from a topic that is not a strategy input", () => {
    for (const t of ["E_input", "A_output", "a_input", "AA_input", ""]) {
      const out = strategyStep(rec(t, { strategy: "A", value: 1, ts: NOW }), NOW);
      expect(out.kind).toBe("dead");
      expect(JSON.parse(String(out.record.value)).error).toContain(`"${t}"`);
    }
  });

  it("honours custom limits", () => {
    const r = rec("A_input", { strategy: "A", value: 1, ts: NOW });
    expect(JSON.parse(String(strategyStep(r, NOW, "s", { maxBytes: 5, maxFutureSkewMs: 0 }).record.value)).reason).toBe("too_large");
  });
});

describe("strategyOfInputTopic", () => {
  it("maps the four input topics to their letters and everything else to null", () => {
    expect(["A_input", "B_input", "C_input", "D_input"].map(strategyOfInputTopic)).toEqual(["A", "B", "C", "D"]);
    expect(strategyOfInputTopic("D_input_ready")).toBeNull();
  });
});
