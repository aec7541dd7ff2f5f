import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { PIPELINE_TOPICS } from "@/lib/contract/records";
import { LANGS } from "@/lib/i18n";
import { emptySnapshot } from "@/lib/live/snapshot";
import { NON_EOS_INTERVAL_MS } from "@/lib/pipeline/delivery";
import { LESSONS, lessonText } from "./index";
import { lessonView } from "./view";

const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;

describe("lessons", () => {
  it("cover the concepts the issue asks for, in order, with unique ids", () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      "broker",
      "topic",
      "partition",
      "offset",
      "producer",
      "consumer-group",
      "rebalance",
      "lag",
      "transform",
      "event-time",
      "watermark",
      "join",
      "aggregate",
      "late-data",
      "dead-letters",
      "bad-record",
      "delivery",
      "chaos",
      "replay",
      "segments",
      "compaction",
      "transactions",
      "replication",
      "leader-election",
      "acks",
      "high-watermark",
    ]);
  });
  it("are written in every language, with a Spark snippet", () => {
    for (const l of LESSONS) {
      expect(l.spark.trim().length).toBeGreaterThan(20);
      for (const lang of LANGS) {
        const t = lessonText(l, lang);
        expect(t.title && t.action && t.body.length, `${l.id} ${lang}`).toBeTruthy();
        expect(Boolean(t.seed)).toBe(Boolean(lessonText(l, "en").seed));
      }
    }
  });
  it("explain every deliberate difference from the seed somewhere", () => {
    const seeds = LESSONS.map((l) => lessonText(l, "en").seed ?? "").join(" ");
    for (const word of ["D producer", "some_value", "strategy field", "epoch milliseconds", "nulls"]) expect(seeds).toContain(word);
  });
  it("none is complete on an empty snapshot", () => {
    for (const l of LESSONS) expect(l.done(lessonView(emptySnapshot(), 0)), l.id).toBe(false);
  });
  it("the topic lesson names as many topics as the pipeline has, in every language", () => {
    const topic = LESSONS.find((l) => l.id === "topic")!;
    for (const lang of LANGS) {
      const body = lessonText(topic, lang).body.join(" ");
      expect(body, lang).toContain(String(PIPELINE_TOPICS.length));
      for (const t of PIPELINE_TOPICS) expect(body, `${lang} ${t}`).toContain(t);
    }
  });
  it("the chaos lesson does not present Spark's Kafka sink as exactly-once", () => {
    expect(LESSONS.find((l) => l.id === "chaos")!.spark).toMatch(/at-least-once/);
  });
  it("the delivery lesson quotes the gap the weaker modes really leave, in every language, and sits beside the kill button", () => {
    for (const lang of LANGS) expect(lessonText(lesson("delivery"), lang).body.join(" "), lang).toContain(`${NON_EOS_INTERVAL_MS / 1000} `);
    expect(lesson("delivery").target).toEqual({ kind: "experiment", experiment: "chaos" });
  });
  it("quote the default join window and watermark delay where they name them", () => {
    const en = (id: string) => [...lessonText(lesson(id), "en").body, lessonText(lesson(id), "en").action].join(" ");
    const delay = `${DEFAULT_SETTINGS.watermarkDelayMs / 1000} s`;
    expect(en("watermark")).toContain(delay);
    expect(en("late-data")).toContain(`${delay} by default`);
    expect(en("join")).toContain(`±${DEFAULT_SETTINGS.joinWindowMs / 1000} s by default`);
  });
});
