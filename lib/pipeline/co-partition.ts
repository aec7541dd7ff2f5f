export interface TopicLayout {
  topic: string;
  partitions: number[];
}

/**
 * Assigns partition p of every topic to the same member, so a join instance owning p of
 * C_output owns p of D_input. Range-style: sorted partition numbers are cut into contiguous
 * runs whose sizes differ by at most one, earlier members taking the larger runs.
 * Partitions only some topics have are placed the same way, by number.
 */
export function assignCoPartitioned(members: string[], topics: TopicLayout[]): Record<string, Record<string, number[]>> {
  const ids = [...new Set(members)].sort();
  const plan: Record<string, Record<string, number[]>> = Object.create(null);
  for (const id of ids) {
    plan[id] = Object.create(null);
    for (const { topic } of topics) plan[id]![topic] = [];
  }
  if (ids.length === 0) return plan;

  const owner = ownerByPartition(ids, topics);
  for (const { topic, partitions } of topics) {
    for (const p of [...new Set(partitions)].sort((a, b) => a - b)) plan[owner.get(p)!]![topic]!.push(p);
  }
  return plan;
}

function ownerByPartition(ids: string[], topics: TopicLayout[]): Map<number, string> {
  const all = [...new Set(topics.flatMap((t) => t.partitions))].sort((a, b) => a - b);
  const base = Math.floor(all.length / ids.length);
  const extra = all.length % ids.length;
  const owner = new Map<number, string>();
  let next = 0;
  ids.forEach((id, i) => {
    const count = base + (i < extra ? 1 : 0);
    for (const p of all.slice(next, next + count)) owner.set(p, id);
    next += count;
  });
  return owner;
}
