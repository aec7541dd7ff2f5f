import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { topicNames } from "@/lib/contract/topics";
import type { LabAdmin } from "@/kafka/adapter";
import type { Supervisor } from "../supervisor/supervisor";
import { resetLab } from "./reset";
import { createSettingsStore } from "./settings-store";

/** A broker that deletes topics in the background: they stay listed for `lingers` more listings. */
function fakeLab(lingers: number) {
  const log: string[] = [];
  let topics = ["p.A_input", "p.join-out-of-lab", "other"];
  let pendingDeletes: string[] = [];
  let listings = 0;
  const admin = {
    async listTopics() {
      if (pendingDeletes.length && ++listings > lingers) {
        topics = topics.filter((t) => !pendingDeletes.includes(t));
        pendingDeletes = [];
      }
      return topics;
    },
    async deleteTopics(ts: string[]) {
      log.push(`delete topics ${ts.join(",")}`);
      pendingDeletes = ts;
    },
    async deleteGroups(groups: string[]) {
      log.push(`delete groups ${groups.join(",")}`);
    },
  } as unknown as LabAdmin;
  const supervisor = {
    stopNow: async () => void log.push("stop"),
    resetInstances: () => void log.push("one instance each"),
    broadcastSettings: () => undefined,
  } as unknown as Supervisor;
  return { admin, supervisor, log, topics: () => topics };
}

describe("resetLab", () => {
  it("stops everything first, deletes only the lab's topics and its workers' groups, restores the defaults and creates the topics once Kafka has deleted them", async () => {
    const lab = fakeLab(3);
    const settings = createSettingsStore(null);
    settings.apply({ keys: 9, joinWindowMs: 5 });
    let now = 0;
    const created: number[] = [];
    const tookMs = await resetLab({
      admin: lab.admin,
      supervisor: lab.supervisor,
      settings,
      names: topicNames("p."),
      ensureTopics: async () => {
        if (lab.topics().includes("p.A_input")) throw new Error("Topic 'p.A_input' is marked for deletion");
        created.push(now);
      },
      clock: () => now,
      sleep: async (ms) => void (now += ms),
    });
    expect(lab.log).toEqual([
      "stop",
      "one instance each",
      "delete topics p.A_input",
      "delete groups p.lab-strategy,p.lab-join,p.lab-aggregate",
      "delete groups p.lab-strategy,p.lab-join,p.lab-aggregate",
    ]);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(created).toHaveLength(1);
    expect(lab.topics()).toEqual(["p.join-out-of-lab", "other"]);
    expect(tookMs).toBe(now);
  });

  it("goes on when a killed worker's member keeps its group from being deleted (its offsets go with the topics)", async () => {
    const lab = fakeLab(1);
    (lab.admin as unknown as { deleteGroups: () => Promise<void> }).deleteGroups = async () => {
      throw new Error("The group is not empty");
    };
    const settings = createSettingsStore(null);
    let now = 0;
    await resetLab({
      admin: lab.admin,
      supervisor: lab.supervisor,
      settings,
      names: topicNames("p."),
      ensureTopics: async () => undefined,
      clock: () => now,
      sleep: async (ms) => void (now += ms),
    });
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(now).toBeLessThan(5000);
  });

  it("gives up with a message when Kafka does not finish deleting in time", async () => {
    const lab = fakeLab(Number.POSITIVE_INFINITY);
    let now = 0;
    const reset = resetLab({
      admin: lab.admin,
      supervisor: lab.supervisor,
      settings: createSettingsStore(null),
      names: topicNames("p."),
      ensureTopics: async () => undefined,
      clock: () => now,
      sleep: async (ms) => void (now += ms),
      timeoutMs: 5000,
    });
    await expect(reset).rejects.toThrow(/has not finished deleting p.A_input/);
  });
});
