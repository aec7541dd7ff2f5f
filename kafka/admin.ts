import { pollUntil } from "@/lib/retry";
import type { Admin, ConfigResourceTypes } from "kafkajs";
import type { GroupDescription, PartitionOffset } from "@/lib/pipeline/replay";
import type { GroupCommitter } from "./group-commit";
import type { TopicPartitionOffsets } from "./types";

/** The admin client of the Kafka adapter (./adapter.ts): topics, offsets, groups and configs, connected on first use. */

/** kafkajs' ConfigResourceTypes.TOPIC; its enum is not a named export Node's ESM loader can see. */
const TOPIC_RESOURCE = 2 as ConfigResourceTypes;

export function wrapAdmin(admin: Admin, makeCommitter: () => GroupCommitter) {
  let connected: Promise<void> | null = null;
  const ready = () => (connected ??= admin.connect());
  let committing: GroupCommitter | null = null;
  const committer = () => (committing ??= makeCommitter());
  return {
    connect: ready,
    disconnect: async () => {
      await committing?.disconnect();
      await admin.disconnect();
    },
    async describeCluster() {
      await ready();
      const c = await admin.describeCluster();
      return { clusterId: c.clusterId, controller: c.controller, brokers: c.brokers.map((b) => `${b.host}:${b.port}`) };
    },
    async listTopics() {
      await ready();
      return (await admin.listTopics()).filter((t) => !t.startsWith("__")).sort();
    },
    /** Creates the missing ones; `replicationFactor` comes from lib/pipeline/replication.ts (1 on one node, 3 on a cluster). */
    async ensureTopics(names: readonly string[], partitions: number, configs: Record<string, string> = {}, replicationFactor = 1) {
      await ready();
      const existing = new Set(await admin.listTopics());
      const missing = names.filter((n) => !existing.has(n));
      const configEntries = Object.entries(configs).map(([name, value]) => ({ name, value }));
      if (missing.length) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor, configEntries })),
        });
      }
      return { created: missing };
    },
    /** Set these topic configs. AlterConfigs replaces a topic's whole set, so pass every config the lab sets. */
    async configureTopics(topics: readonly string[], configs: Record<string, string>) {
      await ready();
      const configEntries = Object.entries(configs).map(([name, value]) => ({ name, value }));
      await admin.alterConfigs({ validateOnly: false, resources: topics.map((name) => ({ type: TOPIC_RESOURCE, name, configEntries })) });
    },
    /** The named configs of each topic, as the broker reports them. */
    async topicConfigs(topics: readonly string[], names: readonly string[]): Promise<Record<string, Record<string, string>>> {
      await ready();
      const res = await admin.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((name) => ({ type: TOPIC_RESOURCE, name, configNames: [...names] })),
      });
      return Object.fromEntries(res.resources.map((r) => [r.resourceName, Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue]))]));
    },
    async partitionCounts(names: readonly string[]) {
      await ready();
      const meta = await admin.fetchTopicMetadata({ topics: [...names] });
      return Object.fromEntries(meta.topics.map((t) => [t.name, t.partitions.length]));
    },
    /**
     * Grow a topic to at least `count` partitions and return once the broker's metadata shows them, so
     * a client started next hashes keys over the new count. A metadata answer from just before an
     * earlier growth may ask to grow again: Kafka refuses that (the count is there), which counts as done.
     */
    async growPartitions(topic: string, count: number) {
      await ready();
      const shown = async () => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions.length ?? 0;
      const failed = await admin.createPartitions({ topicPartitions: [{ topic, count }] }).then(
        () => null,
        (err: unknown) => err,
      );
      if (await pollUntil(async () => ((await shown()) >= count ? true : undefined), { timeoutMs: 10_000 })) return;
      throw failed ?? new Error(`${topic} still shows fewer than ${count} partitions`);
    },
    async topicOffsets(topic: string): Promise<TopicPartitionOffsets[]> {
      await ready();
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map((o) => ({ partition: o.partition, earliest: o.low, latest: o.high })).sort((a, b) => a.partition - b.partition);
    },
    async groupOffsets(groupId: string, topics: string[]) {
      await ready();
      const res = await admin.fetchOffsets({ groupId, topics });
      return res.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: p.offset, metadata: p.metadata })));
    },
    /** The group's state and members, as its coordinator describes it (Dead with no members: it never existed). */
    async describeGroup(groupId: string): Promise<GroupDescription> {
      await ready();
      const g = (await admin.describeGroups([groupId])).groups[0];
      if (!g) return { groupId, state: "Dead", members: [] };
      return { groupId, state: g.state, members: g.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, host: m.clientHost })) };
    },
    /** Per partition of each topic: its earliest offset, or the first offset at or after `at` (the end when there is none). */
    async rewindTargets(topics: readonly string[], to: { earliest: true } | { at: number }): Promise<PartitionOffset[]> {
      await ready();
      const out: PartitionOffset[] = [];
      for (const topic of topics) {
        const parts =
          "earliest" in to
            ? (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, offset: o.low }))
            : await admin.fetchTopicOffsetsByTimestamp(topic, to.at);
        for (const p of parts) out.push({ topic, partition: p.partition, offset: p.offset });
      }
      return out;
    },
    /**
     * Commit these offsets for a group with no members, every topic in ONE OffsetCommit request
     * (generation -1, no member id, as Kafka's own admin client does): the coordinator applies it
     * whole or refuses it whole, and refuses it while the group has members (UNKNOWN_MEMBER_ID).
     * kafkajs' setOffsets instead joins the group with a consumer, one topic at a time.
     */
    async commitEmptyGroupOffsets(groupId: string, offsets: readonly PartitionOffset[]) {
      await committer().commit(groupId, offsets);
    },
    async deleteTopics(topics: string[]) {
      await ready();
      await admin.deleteTopics({ topics });
    },
    /** Delete these consumer groups with their committed offsets; one that does not exist counts as deleted. */
    async deleteGroups(groupIds: string[]) {
      await ready();
      try {
        await admin.deleteGroups(groupIds);
      } catch (err) {
        const groups = (err as { groups?: { groupId: string; errorCode: number; error?: { type?: string } }[] }).groups;
        const failed = groups?.filter((g) => g.errorCode !== 0 && g.error?.type !== "GROUP_ID_NOT_FOUND");
        if (!groups || (failed && failed.length > 0)) throw err;
      }
    },
  };
}
export type LabAdmin = ReturnType<typeof wrapAdmin>;
