import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { DatasetInfo, type DatasetFormat } from "@/lib/contract/datasets";
import { RequestError } from "@/lib/errors";
import { inspectDataset } from "@/lib/datasets/inspect";
import { generateUserLog } from "@/lib/datasets/sample";

export const SAMPLE_ID = "sample-user-log";
/** Uploads kept; the oldest goes when a new one would pass this. */
export const MAX_UPLOADS = 10;
/** Enough of a file to name its columns and show its first rows. */
const HEAD_BYTES = 64 * 1024;

const UploadMeta = DatasetInfo.omit({ sample: true });

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** The start of a file, cut after its last whole line. */
async function headOf(file: string): Promise<Buffer> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    const head = buf.subarray(0, bytesRead);
    return bytesRead < HEAD_BYTES ? head : head.subarray(0, head.lastIndexOf(0x0a) + 1);
  } finally {
    await fh.close();
  }
}

/** What a learner called the file, for display only: its base name, printable, at most 80 characters. */
const labelOf = (name: string | null) =>
  (name ?? "")
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{C}]/gu, "")
    .slice(0, 80) || "upload";

/**
 * The dataset files under the lab's data dir: the generated sample (made on first use, the same
 * bytes every time) and uploads, stored under names the lab makes (`upload-<12 hex>.csv|jsonl`),
 * never a client's path.
 */
export function createDatasetStore(dir: string) {
  const samplePath = path.join(dir, `${SAMPLE_ID}.csv`);
  let sampleReady: Promise<void> | null = null;
  const ensureSample = () =>
    (sampleReady ??= (async () => {
      await mkdir(dir, { recursive: true });
      if (!(await stat(samplePath).catch(() => null))) await writeAtomically(samplePath, generateUserLog());
    })().catch((err: unknown) => {
      sampleReady = null;
      throw err;
    }));

  const sampleInfo = async (): Promise<DatasetInfo> => {
    await ensureSample();
    const seen = inspectDataset(await headOf(samplePath), "text/csv", null);
    if (!seen.ok) throw new Error(`the generated sample is unreadable: ${seen.error}`);
    const { size } = await stat(samplePath);
    return {
      id: SAMPLE_ID,
      label: "user_log.csv (sample)",
      format: "csv",
      bytes: size,
      columns: seen.columns,
      preview: seen.preview,
      sample: true,
      uploadedAt: null,
    };
  };

  const uploads = async (): Promise<DatasetInfo[]> => {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => /^upload-[0-9a-f]{12}\.json$/.test(f));
    const metas = await Promise.all(
      names.map(async (f) => UploadMeta.safeParse(JSON.parse(await readFile(path.join(dir, f), "utf8").catch(() => "null")) as unknown)),
    );
    return metas
      .filter((m) => m.success)
      .map((m) => ({ ...m.data, sample: false }))
      .sort((a, b) => (b.uploadedAt ?? 0) - (a.uploadedAt ?? 0));
  };

  const remove = async (info: DatasetInfo) => {
    await unlink(path.join(dir, `${info.id}.${info.format}`)).catch(() => undefined);
    await unlink(path.join(dir, `${info.id}.json`)).catch(() => undefined);
  };

  return {
    dir,
    async list(): Promise<DatasetInfo[]> {
      return [await sampleInfo(), ...(await uploads())];
    },
    /** The file to replay for a dataset id; 404 for an unknown one. */
    async fileOf(id: string): Promise<{ file: string; format: DatasetFormat; info: DatasetInfo }> {
      const info = (await this.list()).find((d) => d.id === id);
      if (!info) throw new RequestError(404, `no dataset "${id}": GET /api/datasets lists them`);
      return { file: info.sample ? samplePath : path.join(dir, `${info.id}.${info.format}`), format: info.format, info };
    },
    /** Checks and stores an upload; 415/400 with the reason when it is not a usable dataset. */
    async save(bytes: Uint8Array, contentType: string | null, name: string | null, now = Date.now()): Promise<DatasetInfo> {
      const seen = inspectDataset(bytes, contentType, name);
      if (!seen.ok) throw new RequestError(seen.status, seen.error);
      await mkdir(dir, { recursive: true });
      const id = `upload-${randomBytes(6).toString("hex")}`;
      const meta = { id, label: labelOf(name), format: seen.format, bytes: bytes.byteLength, columns: seen.columns, preview: seen.preview, uploadedAt: now };
      await writeAtomically(path.join(dir, `${id}.${seen.format}`), bytes);
      await writeAtomically(path.join(dir, `${id}.json`), JSON.stringify(UploadMeta.parse(meta)));
      for (const old of (await uploads()).slice(MAX_UPLOADS)) await remove(old);
      return { ...meta, sample: false };
    },
  };
}
export type DatasetStore = ReturnType<typeof createDatasetStore>;
