import { COMPONENT_NAMES, componentKind } from "@/lib/contract/api";
import type { TopicNames } from "@/lib/contract/topics";
import type { LabAdmin } from "@/kafka/adapter";
import type { Supervisor } from "../supervisor/supervisor";
import type { SettingsStore } from "./settings-store";

export interface ResetDeps {
  admin: LabAdmin;
  supervisor: Supervisor;
  settings: SettingsStore;
  names: TopicNames;
  /** Creates the lab's topics with the (default) settings' partitions. */
  ensureTopics: () => Promise<void>;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  /** How long to wait for Kafka to finish deleting topics and accept them again. */
  timeoutMs?: number;
}

/**
 * Kafka deletes topics in the background: creating one again fails until it is gone, and a topic just
 * created again may not have its leader in the metadata yet.
 */
const STILL_DELETING = /marked for deletion|already exists|TOPIC_ALREADY_EXISTS|UNKNOWN_TOPIC|does not host this topic-partition|LEADER_NOT_AVAILABLE|leader/i;
const stillDeleting = (err: unknown) => STILL_DELETING.test(`${(err as { type?: string }).type ?? ""} ${(err as Error).message ?? err}`);

/**
 * Reset lab: stop every producer and worker (at once, no draining: the lab may be broken), delete the
 * lab's topics and its workers' consumer groups (their committed offsets and the join's and
 * aggregation's checkpoints go with them), restore the default settings and create the topics again,
 * empty. Returns how long it took.
 */
export async function resetLab({ admin, supervisor, settings, names, ensureTopics, clock, sleep, timeoutMs = 25_000 }: ResetDeps): Promise<number> {
  const started = clock();
  const deadline = started + timeoutMs;
  await supervisor.stopNow();
  supervisor.resetInstances();
  const ours = new Set(names.all());
  const existing = (await admin.listTopics()).filter((t) => ours.has(t));
  if (existing.length) await admin.deleteTopics(existing);
  const groups = COMPONENT_NAMES.filter((n) => componentKind(n) === "worker").map((n) => names.group(n));
  // A just-stopped worker's member may take a moment to leave its group, which cannot be deleted
  // before; a killed one stays until its session times out (10 s). Its committed offsets go anyway:
  // Kafka drops a group's offsets of deleted topics. So try for a while, and once more at the end.
  const deleteGroups = async (forMs: number) => {
    const until = Math.min(deadline, clock() + forMs);
    for (;;) {
      try {
        return await admin.deleteGroups(groups);
      } catch {
        if (clock() > until) return;
        await sleep(250);
      }
    }
  };
  await deleteGroups(3000);
  settings.reset();
  supervisor.broadcastSettings(settings.get());
  for (;;) {
    const left = (await admin.listTopics()).filter((t) => existing.includes(t));
    if (left.length === 0) {
      try {
        await ensureTopics();
        break;
      } catch (err) {
        if (!stillDeleting(err) || clock() > deadline) throw err;
      }
    } else if (clock() > deadline) throw new Error(`Kafka has not finished deleting ${left.join(", ")}; try Reset lab again`);
    await sleep(200);
  }
  await deleteGroups(0);
  return clock() - started;
}
