import { StartReplay, type DatasetInfo, type DatasetList, type ReplayStatus } from "@/lib/contract/datasets";
import { RequestError } from "@/lib/errors";
import type { ReplayRunner } from "./replay-runner";
import type { DatasetStore } from "./store";

export interface DatasetServiceDeps {
  store: DatasetStore;
  runner: ReplayRunner;
  /** Creates the replay's topic (and the lab's dead-letter topic) if missing. */
  ensureTopic(topic: string): Promise<void>;
}

function checkColumns(info: DatasetInfo, start: StartReplay): void {
  const { key, time } = start.mapping;
  const named = [key, ...(time.kind === "column" ? [time.column] : time.kind === "monthDay" ? [time.month, time.day] : [])];
  const missing = named.filter((c) => !info.columns.includes(c));
  if (missing.length) throw new RequestError(400, `mapping: ${info.label} has no column ${missing.join(", ")}; its columns: ${info.columns.join(", ")}`);
}

/** The REST side of dataset replays: list and upload files, start one replay at a time, stop it, say how far it is. */
export function createDatasetService({ store, runner, ensureTopic }: DatasetServiceDeps) {
  return {
    list: async (): Promise<DatasetList> => ({ datasets: await store.list() }),
    upload: (bytes: Uint8Array, contentType: string | null, name: string | null): Promise<DatasetInfo> => store.save(bytes, contentType, name),
    async start(start: StartReplay): Promise<ReplayStatus> {
      if (runner.running()) throw new RequestError(409, "a replay is running: stop it first (POST /api/datasets/replay/stop)");
      const { file, format, info } = await store.fileOf(start.dataset);
      checkColumns(info, start);
      await ensureTopic(start.topic);
      runner.start({ file, format, dataset: start.dataset, mapping: start.mapping, pace: start.pace, topic: start.topic });
      return runner.status();
    },
    async stop(): Promise<ReplayStatus> {
      await runner.stop();
      return runner.status();
    },
    status: (): ReplayStatus => runner.status(),
  };
}
export type DatasetService = ReturnType<typeof createDatasetService>;
