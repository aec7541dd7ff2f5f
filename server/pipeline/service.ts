import type { ComponentName, PipelineView, SettingsPatch, TopicsView } from "@/lib/contract/api";
import type { TopicNames } from "@/lib/contract/topics";
import type { LabAdmin } from "../kafka/adapter";
import type { Supervisor } from "../supervisor/supervisor";
import { restartsNeeded } from "./settings-change";
import type { SettingsStore } from "./settings-store";

export interface PipelineServiceDeps {
  admin: LabAdmin;
  supervisor: Supervisor;
  settings: SettingsStore;
  names: TopicNames;
}

/** What the API routes do, in one place: topics, components and settings. */
export function createPipelineService({ admin, supervisor, settings, names }: PipelineServiceDeps) {
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

  const view = (): PipelineView => ({ components: supervisor.view(), settings: settings.get() });

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
