import { DatasetInfo, ReplayStatus, type StartReplay } from "@/lib/contract/datasets";
import { ErrorBody } from "@/lib/contract/api";
import { ROUTES } from "@/lib/contract/routes";
import { call } from "@/components/pipeline/api";

export const listDatasets = () => call(ROUTES.datasets, {});
export const replayStatus = () => call(ROUTES.datasetReplay, {});
export const startReplay = (body: StartReplay) => call(ROUTES.datasetReplayStart, { body });
export const stopReplay = () => call(ROUTES.datasetReplayStop, {});

/** Upload a file as the body (not JSON): the server names it; its name goes only in `?name=` for display. */
export async function uploadDataset(file: File): Promise<DatasetInfo> {
  const type = file.type || (/\.(jsonl|ndjson)$/i.test(file.name) ? "application/x-ndjson" : "text/plain");
  let res: Response;
  try {
    res = await fetch(`${ROUTES.datasetUpload.path}?name=${encodeURIComponent(file.name)}`, { method: "POST", headers: { "content-type": type }, body: file });
  } catch {
    throw new Error("the lab server did not answer");
  }
  const answer: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ErrorBody.safeParse(answer);
    throw new Error(err.success ? err.data.error : `HTTP ${res.status}`);
  }
  return DatasetInfo.parse(answer);
}

export type { ReplayStatus };
