import { internalCluster } from "./group-commit";
import { decodeOffsetFetchV7, encodeOffsetFetchV7, fetchStableOffsets, OFFSET_FETCH, type FetchedOffset } from "./offset-fetch";
import { sendRaw, sendRequestOf, type SendRequest } from "./raw-request";
import type { TopicPartition } from "./types";

/** The parts of kafkajs' internal Cluster and Broker this uses: kafkajs cannot send OffsetFetch v7. */
interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  findGroupCoordinator(q: { groupId: string }): Promise<object>;
}

export interface StableOffsets {
  /** The group's committed offsets for these partitions once no transaction still holds a newer one. */
  fetch(groupId: string, partitions: readonly TopicPartition[]): Promise<FetchedOffset[]>;
  /** Connect ahead of the first fetch (which then does not wait for it). */
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export function stableOffsets(kafka: object, deadlineMs = 70_000): StableOffsets {
  let cluster: InternalCluster | null = null;
  let connected: Promise<void> | null = null;
  let coordinator: { groupId: string; send: SendRequest } | null = null;
  const connect = () => {
    cluster ??= internalCluster<InternalCluster>(kafka, "fetch stable offsets");
    return (connected ??= cluster.connect());
  };
  const coordinatorFor = async (groupId: string, fresh: boolean) => {
    await connect();
    if (fresh || !coordinator || coordinator.groupId !== groupId) {
      coordinator = { groupId, send: sendRequestOf(await cluster!.findGroupCoordinator({ groupId })) };
    }
    return coordinator.send;
  };
  return {
    connect,
    fetch: (groupId, partitions) =>
      fetchStableOffsets(
        async (fresh) => {
          const send = await coordinatorFor(groupId, fresh);
          return sendRaw(send, OFFSET_FETCH, encodeOffsetFetchV7(groupId, partitions), decodeOffsetFetchV7);
        },
        { deadlineMs },
      ),
    disconnect: async () => {
      if (connected) await cluster?.disconnect();
    },
  };
}
