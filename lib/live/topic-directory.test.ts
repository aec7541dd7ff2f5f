import { describe, expect, it } from "vitest";
import { TopicDirectory } from "./topic-directory";

function fakeBroker(topics: string[]) {
  const broker = { topics, calls: 0 };
  const list = async () => {
    broker.calls++;
    return [...broker.topics];
  };
  return { broker, list };
}

describe("TopicDirectory", () => {
  it("answers whether a topic exists", async () => {
    const { list } = fakeBroker(["A_input"]);
    const dir = new TopicDirectory(list, () => 0);
    expect(await dir.exists("A_input")).toBe(true);
    expect(await dir.exists("nope")).toBe(false);
  });

  it("lists the topics once for many questions asked at the same time", async () => {
    const { broker, list } = fakeBroker(["A_input"]);
    const dir = new TopicDirectory(list, () => 0);
    await Promise.all(Array.from({ length: 200 }, (_, i) => dir.exists(`bogus-${i}`)));
    expect(broker.calls).toBe(1);
  });

  it("lists again once its listing is older than the time to live, and sees a new topic", async () => {
    const { broker, list } = fakeBroker([]);
    let now = 0;
    const dir = new TopicDirectory(list, () => now, 2_000);
    expect(await dir.exists("late")).toBe(false);
    broker.topics.push("late");
    now = 1_999;
    expect(await dir.exists("late")).toBe(false);
    now = 2_000;
    expect(await dir.exists("late")).toBe(true);
    expect(broker.calls).toBe(2);
  });

  it("rejects while the listing fails and lists again on the next question", async () => {
    let fail = true;
    const dir = new TopicDirectory(
      async () => {
        if (fail) throw new Error("broker away");
        return ["A_input"];
      },
      () => 0,
    );
    await expect(dir.exists("A_input")).rejects.toThrow("broker away");
    fail = false;
    expect(await dir.exists("A_input")).toBe(true);
  });
});
