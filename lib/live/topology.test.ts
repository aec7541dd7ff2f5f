import { describe, expect, it } from "vitest";
import { consumersOf } from "./topology";

describe("consumersOf", () => {
  it("knows who reads what", () => {
    expect(consumersOf("A_input")).toEqual(["strategy"]);
    expect(consumersOf("D_input")).toEqual(["strategy", "join"]);
    expect(consumersOf("C_output")).toEqual(["join", "aggregate"]);
    expect(consumersOf("A_output")).toEqual(["aggregate"]);
    expect(consumersOf("aggregates")).toEqual([]);
    expect(consumersOf("D_input_ready")).toEqual([]);
  });
});
