import { describe, expect, it } from "vitest";
import { InOutTally } from "./inout-tally";

const at = (partition: number, offset: number) => ({ partition, offset });

describe("InOutTally", () => {
  it("counts each input once however many outputs name it", () => {
    const t = new InOutTally();
    for (const o of [0, 1, 2, 1, 2, 3]) t.output("A", at(0, o));
    expect(t.of("A")).toEqual({ output: 6, deadLetters: 0, handled: 4 });
  });

  it("tells inputs of different partitions and strategies apart", () => {
    const t = new InOutTally();
    t.output("A", at(0, 5));
    t.output("A", at(1, 5));
    t.output("B", at(0, 5));
    expect(t.of("A").handled).toBe(2);
    expect(t.of("B").handled).toBe(1);
  });

  it("counts a dead letter as the handling of its input, and a repeated one as a duplicate", () => {
    const t = new InOutTally();
    t.output("C", at(0, 0));
    t.deadLetter("C", at(0, 1));
    t.deadLetter("C", at(0, 1));
    expect(t.of("C")).toEqual({ output: 1, deadLetters: 2, handled: 2 });
  });

  it("counts an output that names no input as handling one input of its own", () => {
    const t = new InOutTally();
    t.output("D", null);
    t.output("D", null);
    expect(t.of("D")).toEqual({ output: 2, deadLetters: 0, handled: 2 });
  });

  it("counts an output or dead letter read twice at the same position once: a re-read is not a duplicate", () => {
    const t = new InOutTally();
    t.output("A", at(0, 7), at(2, 40));
    t.output("A", at(0, 7), at(2, 40));
    t.deadLetter("A", at(0, 8), at(0, 3));
    t.deadLetter("A", at(0, 8), at(0, 3));
    expect(t.of("A")).toEqual({ output: 1, deadLetters: 1, handled: 2 });
    t.output("A", at(0, 7), at(1, 12));
    expect(t.of("A")).toEqual({ output: 2, deadLetters: 1, handled: 2 });
  });
});
