import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/contract/api";
import { DEFAULT_KEY_PARTITIONS } from "@/lib/lessons/kafka-basics";
import { stablePartitioner } from "./producer";

const partitionMetadata = [0, 1, 2].map((partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0, offlineReplicas: [] }));
const pick = (p: ReturnType<typeof stablePartitioner>, key: string | null, value: string) => p({ topic: "t", partitionMetadata, message: { key, value } });

describe("the producers' partitioner", () => {
  it("sends a keyless record to the same partition every time, so a retried send cannot write it to a second partition", () => {
    const p = stablePartitioner();
    const first = pick(p, null, '{"strategy":"D","value":3}');
    for (let i = 0; i < 20; i++) expect(pick(p, null, '{"strategy":"D","value":3}')).toBe(first);
    expect(pick(stablePartitioner(), null, '{"strategy":"D","value":3}')).toBe(first);
  });

  it("still spreads keyless records with different values over the partitions", () => {
    const p = stablePartitioner();
    const used = new Set(Array.from({ length: 60 }, (_, i) => pick(p, null, `value-${i}`)));
    expect(used).toEqual(new Set([0, 1, 2]));
  });

  it("partitions keyed records by key, as Kafka's default partitioner does", () => {
    const p = stablePartitioner();
    for (let k = 1; k <= 20; k++) {
      expect(pick(p, `user-${k}`, "a")).toBe(pick(p, `user-${k}`, "b"));
    }
    expect(pick(p, "user-1", "a")).toBe(2); // murmur2 of the key, as before this partitioner: keyed records keep their partitions
  });

  it("puts a default key in every partition of a default topic, as the partition lesson says", () => {
    expect(partitionMetadata).toHaveLength(DEFAULT_SETTINGS.partitions);
    const p = stablePartitioner();
    const lessonKeys = DEFAULT_KEY_PARTITIONS.flat().sort();
    expect(lessonKeys).toEqual(Array.from({ length: DEFAULT_SETTINGS.keys }, (_, i) => `user-${i + 1}`).sort());
    DEFAULT_KEY_PARTITIONS.forEach((keys, partition) => {
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(pick(p, key, "v")).toBe(partition);
    });
  });
});
