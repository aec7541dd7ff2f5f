import { RequestError } from "@/lib/errors";
import {
  settingsProblem,
  type ComponentName,
  type DeliveryMode,
  type PipelineView,
  type ResumeNotice,
  type SettingsPatch,
  type TopicsView,
} from "@/lib/contract/api";
import type { GroupView, Inject, Replay, ReplayAnswer } from "@/lib/contract/experiments";
import { invalidReplayAt, recordsToReplay, rewindPlan, waitForEmptyGroup } from "@/lib/pipeline/replay";
import { injectedRecord } from "@/lib/pipeline/inject";
import type { InjectedRecords } from "@/lib/live/injected";
import type { TopicNames } from "@/lib/contract/topics";
import { rereadHorizonMs, topicRetentionConfig, type RetentionPolicy } from "@/lib/pipeline/retention";
import { replicationFor, replicationTopicConfig, type Replication } from "@/lib/pipeline/replication";
import type { LabAdmin } from "@/kafka/adapter";
import type { LabProducer } from "@/kafka/types";
import { specOf } from "../supervisor/registry";
import type { Supervisor } from "../supervisor/supervisor";
import os from "node:os";
import { resetLab } from "./reset";
import { planPartitionChange, restartsNeeded, settingRestarts } from "./settings-change";
import type { SettingsStore } from "./settings-store";

/** A settings change, replay or reset the pipeline refuses. */
export class PipelineError extends RequestError {
  declare readonly status: 400 | 409;
}

export interface PipelineServiceDeps {
  admin: LabAdmin;
  /** Made on first use: only experiments write records from the server itself. */
  producer: () => Promise<LabProducer>;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** How long a replay waits for a just-stopped worker's members to leave its group. */
  replayWaitMs?: number;
  supervisor: Supervisor;
  settings: SettingsStore;
  names: TopicNames;
  /** Bounds on the topics' age and size; absent: the broker's defaults. */
  retention?: RetentionPolicy;
  /** Copies of each partition of the lab's topics, and how many an `acks=all` write needs; default one node's. */
  replication?: () => Replication;
  /** What was resumed at start after an unclean stop, for the dashboard's notice. */
  resume?: () => ResumeNotice | null;
  /** Remembers each injected record, so that the live views always show it (lib/live/injected.ts). */
  injected?: InjectedRecords;
}

/** What the API routes do, in one place: topics, components and settings. */
export function createPipelineService({
  admin,
  producer,
  supervisor,
  settings,
  names,
  retention,
  replication = () => replicationFor(1),
  resume,
  injected,
  clock = Date.now,
  sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
  replayWaitMs = 25_000,
}: PipelineServiceDeps) {
  const partitionCount = async () => {
    const counts = Object.values(await admin.partitionCounts(names.all()));
    return counts.length ? Math.max(...counts) : 0;
  };

  const retentionFor = (partitions: number) => ({
    ...(retention ? topicRetentionConfig(retention, names.all().length, partitions, settings.get()) : {}),
    ...replicationTopicConfig(replication()),
  });

  /** Every pipeline topic exists with at least the configured partitions, co-partitioned, with the lab's retention and replication. */
  const ensureTopics = async () => {
    const want = settings.get().partitions;
    await admin.ensureTopics(names.all(), want, retentionFor(want), replication().replicationFactor);
    const counts = await admin.partitionCounts(names.all());
    const target = Math.max(want, ...Object.values(counts));
    for (const [topic, n] of Object.entries(counts)) if (n < target) await admin.growPartitions(topic, target);
    // Also for topics made before, or by an older lab: the size share per partition follows the count.
    await admin.configureTopics(names.all(), retentionFor(target));
  };

  const cores = os.availableParallelism();
  const view = (): PipelineView => ({ components: supervisor.view(), settings: settings.get(), resume: resume?.() ?? null, cores });

  let settingsQueue: Promise<unknown> = Promise.resolve();
  const changeSettings = async (patch: SettingsPatch) => {
    const before = settings.get();
    const problem = settingsProblem({ ...before, ...patch });
    if (problem) throw new PipelineError(400, problem);
    const running = supervisor
      .view()
      .filter((c) => c.status !== "stopped")
      .map((c) => c.name);
    const current = await partitionCount().catch(() => 0);
    const plan = planPartitionChange(patch.partitions, current, running);
    if (plan.kind === "refuse") throw new PipelineError(409, plan.message);
    const after = settings.apply(patch);
    const grown = plan.kind === "grow" ? plan.restart : [];
    const restarted = plan.kind === "grow" ? [] : settingRestarts(before, after, running);
    if (plan.kind === "grow") {
      // Everything that runs stops (producers first, workers drain), the topics grow, and all of it
      // starts again, so no process keeps hashing keys over the old count.
      if (grown.length) await supervisor.stopAll();
      await ensureTopics();
      for (const name of grown) await supervisor.start(name);
    } else if (current > 0 && rereadHorizonMs(before) !== rereadHorizonMs(after)) {
      // The join's window and delay decide how far back it may re-read, and so the retention.
      await ensureTopics().catch(() => undefined);
    }
    // A worker reads its window and delay only at start: stop it gracefully (its last transaction
    // commits with the offsets it covers), then start it with the new settings; it rebuilds its state
    // from the committed offsets, so nothing is lost or written twice.
    for (const name of restarted) await supervisor.stop(name);
    for (const name of restarted) await supervisor.start(name);
    supervisor.broadcastSettings(after);
    return { ...after, restartNeeded: restartsNeeded(before, after, restarted, grown) };
  };

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
    /** The delivery experiment: the transform runs in `mode` from now on, restarting if it runs. */
    async setDeliveryMode(name: ComponentName, mode: DeliveryMode) {
      if (name !== "strategy") throw new PipelineError(400, `only the strategy transform has a delivery mode (the delivery experiment), not ${name}`);
      await supervisor.setDeliveryMode(mode);
      return view();
    },
    /** One change at a time: a partition change stops and restarts the pipeline, which takes seconds. */
    updateSettings(patch: SettingsPatch) {
      const next = settingsQueue.then(() => changeSettings(patch));
      settingsQueue = next.catch(() => undefined);
      return next;
    },
    /** Stop everything, empty the lab's topics and consumer groups, restore the default settings. One at a time with settings changes. */
    resetLab() {
      const next = settingsQueue.then(async () => {
        const tookMs = await resetLab({ admin, supervisor, settings, names, ensureTopics, clock, sleep });
        return { ...view(), tookMs };
      });
      settingsQueue = next.catch(() => undefined);
      return next;
    },
    /** Write one hand-made record (valid or malformed) into an input topic. */
    async inject(req: Inject) {
      await ensureTopics();
      const rec = injectedRecord(req, clock());
      await (await producer()).send([{ ...rec, topic: names.name(rec.topic) }]);
      if (req.kind === "record") injected?.remember(req.strategy, rec.key, rec.timestamp);
      const value = typeof rec.value === "string" ? rec.value : `base64:${rec.value.toString("base64")}`;
      return { topic: names.name(rec.topic), key: rec.key, ts: rec.timestamp, value };
    },
    /** The worker's consumer group: state and members (the replay card waits for it to empty). */
    async group(name: ComponentName): Promise<GroupView> {
      if (specOf(name).inputs.length === 0) throw new PipelineError(400, `${name} is a producer: it has no consumer group`);
      return admin.describeGroup(names.group(name));
    },
    /**
     * Rewind a stopped worker's consumer group, so that starting it reprocesses from there: every
     * input topic or none. Waits (bounded) for the members of a just-stopped worker to leave.
     */
    async replay(name: ComponentName, to: Replay): Promise<ReplayAnswer> {
      const spec = specOf(name);
      if (spec.inputs.length === 0) throw new PipelineError(400, `${name} is a producer: it has no consumer group to rewind`);
      if (to.to === "timestamp") {
        const bad = invalidReplayAt(to.at, clock());
        if (bad) throw new PipelineError(400, bad);
      }
      if (supervisor.view().find((c) => c.name === name)?.status !== "stopped") {
        throw new PipelineError(409, `stop ${name} first: Kafka only lets a group's offsets move while no member is reading`);
      }
      const groupId = names.group(name);
      const topics = spec.inputs.map(names.name);
      const waited = await waitForEmptyGroup({ describe: () => admin.describeGroup(groupId), clock, sleep, timeoutMs: replayWaitMs });
      if (!waited.empty) throw new PipelineError(409, `cannot rewind yet: ${waited.reason} (waited ${Math.round(waited.waitedMs / 1000)} s)`);
      const targets = await admin.rewindTargets(topics, to.to === "earliest" ? { earliest: true } : { at: to.at });
      const plan = rewindPlan(topics, targets, await admin.groupOffsets(groupId, topics));
      if (!plan.ok) throw new PipelineError(409, plan.error);
      try {
        await admin.commitEmptyGroupOffsets(
          groupId,
          plan.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.to })),
        );
      } catch (err) {
        // One request: the coordinator applied none of it. UNKNOWN_MEMBER_ID means a member joined meanwhile.
        const type = (err as { type?: string }).type;
        if (type === "UNKNOWN_MEMBER_ID" || type === "REBALANCE_IN_PROGRESS" || type === "ILLEGAL_GENERATION") {
          throw new PipelineError(409, `nothing was rewound: a member joined ${groupId} meanwhile (${type}); stop ${name} and try again`);
        }
        throw err;
      }
      return {
        group: groupId,
        to: to.to,
        at: to.to === "timestamp" ? to.at : null,
        waitedMs: waited.waitedMs,
        partitions: plan.partitions.map((p) => ({ ...p, topic: names.base(p.topic) })),
        records: recordsToReplay(plan.partitions),
        pipeline: view(),
      };
    },
    async topics(): Promise<TopicsView> {
      const list = await admin.listTopics();
      const topics = await Promise.all(list.map(async (name) => ({ name, partitions: await admin.topicOffsets(name) })));
      return { topics };
    },
  };
}
export type PipelineService = ReturnType<typeof createPipelineService>;
