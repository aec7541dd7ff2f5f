import { AssignerProtocol, type PartitionAssigner } from "kafkajs";
import { assignCoPartitioned } from "@/lib/pipeline/co-partition";

/** Partition p of every subscribed topic goes to the same member, so a join sees both sides of a key. */
export const coPartitionedAssigner: PartitionAssigner = ({ cluster }) => ({
  name: "CoPartitioned",
  version: 1,
  async assign({ members, topics }) {
    await cluster.refreshMetadataIfNecessary();
    const layout = topics.map((topic) => ({
      topic,
      partitions: cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId),
    }));
    const plan = assignCoPartitioned(members.map((m) => m.memberId).sort(), layout);
    return members.map(({ memberId }) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({
        version: 1,
        assignment: plan[memberId] ?? {},
        userData: Buffer.alloc(0),
      }),
    }));
  },
  protocol: ({ topics }) => ({
    name: "CoPartitioned",
    metadata: AssignerProtocol.MemberMetadata.encode({ version: 1, topics, userData: Buffer.alloc(0) }),
  }),
});
