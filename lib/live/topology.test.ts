import { describe, expect, it } from "vitest";
import { consumersOf } from "./topology";

describe("consumersOf", () => {
  it("knows who reads what", () => {
    expect(consumersOf("A_input")).toEqual(["strategy"]);
    expect(consumersOf("D_input")).toEqual(["strategy", "join"]);
    expect(consumersOf("C_output")).toEqual(["join"]);
    expect(consumersOf("D_input_ready")).toEqual([]);
  });
});
