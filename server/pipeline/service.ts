import type { ComponentName, PipelineView, ResumeNotice, SettingsPatch, TopicsView } from "@/lib/contract/api";
import type { Inject, Replay } from "@/lib/contract/experiments";
import { injectedRecord } from "@/lib/pipeline/inject";
import type { TopicNames } from "@/lib/contract/topics";
import type { LabAdmin } from "../kafka/adapter";
import type { LabProducer } from "../kafka/types";
import { specOf } from "../supervisor/registry";
import type { Supervisor } from "../supervisor/supervisor";
import { restartsNeeded } from "./settings-change";
import type { SettingsStore } from "./settings-store";

export class PipelineError extends Error {
  constructor(
    readonly status: 400 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface PipelineServiceDeps {
  admin: LabAdmin;
  /** Made on first use: only experiments write records from the server itself. */
  producer: () => Promise<LabProducer>;
  clock?: () => number;
  supervisor: Supervisor;
  settings: SettingsStore;
  names: TopicNames;
  /** What was resumed at start after an unclean stop, for the dashboard's notice. */
  resume?: () => ResumeNotice | null;
}

/** What the API routes do, in one place: topics, components and settings. */
export function createPipelineService({ admin, producer, supervisor, settings, names, resume, clock = Date.now }: PipelineServiceDeps) {
  const partitionCount = async () => {
    const counts = Object.values(await admin.partitionCounts(names.all()));
    return counts.length ? Math.max(...counts) : 0;
  };

  /** Every pipeline topic exists with at least the configured partitions, co-partitioned. */
  const ensureTopics = async () => {
    const want = settings.get().partitions;
    await admin.ensureTopics(names.all(), want);
    const counts = await admin.partitionCounts(names.all());
    const target = Math.max(want, ...Object.values(counts));
    for (const [topic, n] of Object.entries(counts)) if (n < target) await admin.growPartitions(topic, target);
  };

  const view = (): PipelineView => ({ components: supervisor.view(), settings: settings.get(), resume: resume?.() ?? null });

  return {
    ensureTopics,
    view,
    async startAll() {
      await supervisor.startAll();
      return view();
    },
    async stopAll() {
      await supervisor.stopAll();
      return view();
    },
    async start(name: ComponentName) {
      await supervisor.start(name);
      return view();
    },
    async stop(name: ComponentName) {
      await supervisor.stop(name);
      return view();
    },
    async updateSettings(patch: SettingsPatch) {
      const before = settings.get();
      const after = settings.apply(patch);
      const running = supervisor.view().filter((c) => c.status !== "stopped").map((c) => c.name);
      const current = await partitionCount().catch(() => 0);
      if (after.partitions > current && current > 0) await ensureTopics();
      supervisor.broadcastSettings(after);
      return { ...after, restartNeeded: restartsNeeded(before, after, running, current) };
    },
    /** Write one hand-made record (valid or malformed) into an input topic. */
    async inject(req: Inject) {
      await ensureTopics();
      const rec = injectedRecord(req, clock());
      await (await producer()).send([{ ...rec, topic: names.name(rec.topic) }]);
      const value = typeof rec.value === "string" ? rec.value : `base64:${rec.value.toString("base64")}`;
      return { topic: names.name(rec.topic), key: rec.key, ts: rec.timestamp, value };
    },
    /** Rewind a stopped worker's consumer group, so that starting it reprocesses from there. */
    async replay(name: ComponentName, to: Replay) {
      const spec = specOf(name);
      if (spec.inputs.length === 0) throw new PipelineError(400, `${name} is a producer: it has no consumer group to rewind`);
      if (supervisor.view().find((c) => c.name === name)?.status !== "stopped") {
        throw new PipelineError(409, `stop ${name} first: Kafka only lets a group's offsets move while no member is reading`);
      }
      await admin.rewindGroup(names.group(name), spec.inputs.map(names.name), to.to === "earliest" ? { earliest: true } : { at: to.at });
      return view();
    },
    async topics(): Promise<TopicsView> {
      const list = await admin.listTopics();
      const topics = await Promise.all(
        list.map(async (name) => ({ name, partitions: await admin.topicOffsets(name) })),
      );
      return { topics };
    },
  };
}
export type PipelineService = ReturnType<typeof createPipelineService>;
