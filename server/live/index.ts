import type { Server, Socket } from "socket.io";
import type { PipelineView } from "@/lib/contract/api";
import { ClientEvents, rooms, type ClientEventName } from "@/lib/contract/socket";
import type { TopicNames } from "@/lib/contract/topics";
import { TopicDirectory } from "@/lib/live/topic-directory";
import type { KafkaAdapter } from "@/kafka/adapter";
import { createLogger, type Logger } from "@/lib/log";
import type { ClusterView } from "@/lib/contract/cluster";
import type { InjectedRecords } from "@/lib/live/injected";
import { createClusterFeed } from "./cluster-feed";
import { createGroupLagFeed } from "./group-lag-feed";
import { createInOutFeed } from "./inout-feed";
import { createJoinFeed } from "./join-feed";
import { createTopicTailFeed } from "./topic-tail";

export interface LiveFeedDeps {
  io: Server;
  kafka: KafkaAdapter;
  getPipeline: () => PipelineView;
  /** The lab's topic names, with the prefix server/config.ts read (LAB_TOPIC_PREFIX). */
  names: TopicNames;
  /** The Cluster view, read once per push (absent: no cluster feed). */
  clusterView?: () => Promise<ClusterView>;
  /** Records injected from the experiments page (server/pipeline/service.ts remembers them). */
  injected?: InjectedRecords;
  log?: Logger;
}

/** Most topic rooms one page may be in at once. */
const MAX_TOPICS_PER_SOCKET = 4;

/**
 * Registers the handlers for the views' client events and starts the feeds that serve them.
 * Every payload is checked against the shared schema; a bad one is answered with `live:error`.
 */
export function attachLiveFeeds(deps: LiveFeedDeps) {
  const log = deps.log ?? createLogger("live");
  const names = deps.names;
  const admin = deps.kafka.admin();
  const directory = new TopicDirectory(() => admin.listTopics());
  const exists = (full: string) => directory.exists(full).catch(() => false);
  const feedDeps = { io: deps.io, kafka: deps.kafka, admin, log, names, exists };
  const pipelineTopics = new Set(names.all());
  /** Why a page may not watch this topic, or null: the lab's own topics may be watched before they are created. */
  const refusal = async (topic: string): Promise<string | null> => {
    const full = names.name(topic);
    if (pipelineTopics.has(full)) return null;
    try {
      return (await directory.exists(full)) ? null : `no topic named ${topic} on the broker`;
    } catch (err) {
      return `cannot check that topic ${topic} exists: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  const tails = createTopicTailFeed(feedDeps);
  const join = createJoinFeed({ ...feedDeps, getPipeline: deps.getPipeline, injected: deps.injected });
  const inout = createInOutFeed(feedDeps);
  const lag = createGroupLagFeed(feedDeps);
  const clusterView = deps.clusterView;
  const cluster = clusterView ? createClusterFeed({ io: deps.io, view: clusterView }) : null;

  const onConnection = (socket: Socket) => {
    const on = <E extends ClientEventName>(event: E, handle: (payload: ReturnType<(typeof ClientEvents)[E]["parse"]>) => void) => {
      socket.on(event as string, (raw: unknown) => {
        const parsed = ClientEvents[event].safeParse(raw ?? {});
        if (!parsed.success) {
          socket.emit("live:error", { event, error: `bad payload: ${parsed.error.issues[0]?.message ?? "invalid"}` });
          return;
        }
        try {
          handle(parsed.data as never);
        } catch (err) {
          log.warn({ err, event }, "live handler failed");
        }
      });
    };
    on("topic:subscribe", ({ topic }) => {
      const mine = [...socket.rooms].filter((r) => r.startsWith("topic:"));
      if (mine.length >= MAX_TOPICS_PER_SOCKET && !mine.includes(rooms.topic(topic))) {
        socket.emit("live:error", { event: "topic:subscribe", error: `watch at most ${MAX_TOPICS_PER_SOCKET} topics at once` });
        return;
      }
      void refusal(topic).then((error) => {
        if (error) socket.emit("live:error", { event: "topic:subscribe", error });
        else if (socket.connected) void socket.join(rooms.topic(topic));
      });
    });
    on("topic:unsubscribe", ({ topic }) => void socket.leave(rooms.topic(topic)));
    on("join:subscribe", () => void socket.join(rooms.join));
    on("join:unsubscribe", () => void socket.leave(rooms.join));
    on("inout:subscribe", () => void socket.join(rooms.inout));
    on("inout:unsubscribe", () => void socket.leave(rooms.inout));
    on("lag:subscribe", ({ worker }) => void socket.join(rooms.lag(worker)));
    on("lag:unsubscribe", ({ worker }) => void socket.leave(rooms.lag(worker)));
    on("cluster:subscribe", () => void socket.join(rooms.cluster));
    on("cluster:unsubscribe", () => void socket.leave(rooms.cluster));
  };
  deps.io.on("connection", onConnection);

  return {
    async close() {
      deps.io.off("connection", onConnection);
      lag.close();
      await Promise.all([tails.close(), join.close(), inout.close(), cluster?.close()]);
      await admin.disconnect().catch(() => undefined);
    },
  };
}
