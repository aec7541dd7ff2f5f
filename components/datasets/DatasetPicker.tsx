"use client";

import { useState } from "react";
import type { DatasetInfo } from "@/lib/contract/datasets";
import { useI18n } from "@/components/i18n/provider";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { uploadDataset } from "./api";

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Step 1: the sample or an upload, one chosen, with its first rows. */
export function DatasetPicker({
  datasets,
  chosen,
  onChoose,
  onUploaded,
}: {
  datasets: DatasetInfo[];
  chosen: DatasetInfo | null;
  onChoose: (id: string) => void;
  onUploaded: (d: DatasetInfo) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setNote(null);
    try {
      const info = await uploadDataset(file);
      setNote({ ok: true, text: t("ds.uploaded", { label: info.label }) });
      onUploaded(info);
    } catch (err) {
      setNote({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const columns: Column<Record<string, string>>[] = (chosen?.columns ?? []).map((c) => ({ id: c, header: c, cell: (r) => r[c] ?? "", mono: true }));
  return (
    <fieldset className="grid min-w-0 gap-3">
      <legend className="mb-2 text-sm font-semibold">{t("ds.pick")}</legend>
      <div className="grid gap-1.5" role="radiogroup">
        {datasets.map((d) => (
          <label key={d.id} className="flex min-w-0 items-center gap-2 text-sm">
            <input type="radio" name="dataset" checked={chosen?.id === d.id} onChange={() => onChoose(d.id)} data-testid={`dataset-${d.id}`} />
            <span className="truncate font-mono">{d.label}</span>
            <span className="shrink-0 text-xs text-muted">
              {d.sample ? `${t("ds.sample")} · ` : ""}
              {t("ds.rows", { columns: d.columns.length, size: size(d.bytes) })}
            </span>
          </label>
        ))}
      </div>
      <label className="grid gap-1 text-sm">
        <span className="text-muted">{busy ? t("ds.uploading") : t("ds.upload")}</span>
        <input
          type="file"
          accept=".csv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson"
          className="field text-xs"
          disabled={busy}
          data-testid="dataset-upload"
          onChange={(e) => {
            void upload(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </label>
      {note && (
        <p className={`text-sm ${note.ok ? "text-ok" : "text-err"}`} role="status" data-testid={note.ok ? "dataset-uploaded" : "dataset-upload-error"}>
          {note.text}
        </p>
      )}
      {chosen && (
        <DataTable
          columns={columns}
          rows={chosen.preview}
          rowKey={(r) => chosen.preview.indexOf(r)}
          look="boxed"
          label={t("ds.preview", { label: chosen.label })}
          caption={t("ds.preview", { label: chosen.label })}
          scroll={{ className: "max-h-48 rounded-md border border-line", data: { "data-testid": "dataset-preview" } }}
        />
      )}
    </fieldset>
  );
}
