import { describe, expect, it } from "vitest";
import { canonical, grade } from "./grade";

const out = (key: string, value: unknown, eventTime = 0) => ({ key, value, eventTime });
const input = (key: string, offset: string) => ({ key, value: {}, eventTime: 0, partition: 0, offset });

describe("the grader", () => {
  it("compares outputs as multisets of key and value, whatever their order and event time", () => {
    const g = grade([out("a", { x: 1, y: 2 }), out("b", 1)], [out("b", 1, 99), out("a", { y: 2, x: 1 })], "multiset", []);
    expect(g).toEqual({ pass: true, differences: [], counts: { inputs: 0, expected: 2, actual: 2, matched: 2 } });
    expect(canonical({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });

  it("counts a duplicate as extra, a lost one as missing, and the same key with another value as different, with its inputs", () => {
    const inputs = [input("a", "0"), input("b", "1"), input("c", "2")];
    const g = grade([out("a", 1), out("b", 2), out("c", 3)], [out("a", 1), out("a", 1), out("b", 5)], "multiset", inputs);
    expect(g.pass).toBe(false);
    expect(g.differences.map((d) => d.kind)).toEqual(["different", "missing", "extra"]);
    expect(g.differences[0]).toMatchObject({ expected: { key: "b", value: 2 }, actual: { key: "b", value: 5 }, inputs: [inputs[1]] });
    expect(g.counts).toEqual({ inputs: 3, expected: 3, actual: 3, matched: 1 });
  });

  it("in final mode keeps each key's last value, so an updated window counts once", () => {
    expect(grade([out("w|1", 3)], [out("w|1", 1), out("w|1", 3)], "final", []).pass).toBe(true);
    expect(grade([out("w|1", 3)], [out("w|1", 3), out("w|1", 4)], "final", []).differences[0]!.kind).toBe("different");
  });

  it("shows the inputs whose key an output's key names", () => {
    const g = grade([out("tumbling|/home|0", 1)], [], "final", [input("/home", "0"), input("/cart", "1")]);
    expect(g.differences[0]!.inputs).toEqual([input("/home", "0")]);
  });
});
