"use client";

import { useEffect, useState } from "react";
import type { DatasetInfo } from "@/lib/contract/datasets";
import { formFor, startOf, type ReplayForm } from "@/lib/datasets/replay-form";
import { useI18n } from "@/components/i18n/provider";
import { Icon } from "@/components/ui/Icon";
import { listDatasets, startReplay, stopReplay } from "./api";
import { DatasetPicker } from "./DatasetPicker";
import { ReplayFields } from "./ReplayFields";
import { ReplayProgress } from "./ReplayProgress";
import { useReplayStatus } from "./useReplayStatus";

/** The datasets page: choose a file (or upload one), map its columns, replay it and watch it arrive. */
export function Datasets() {
  const { t } = useI18n();
  const [datasets, setDatasets] = useState<DatasetInfo[]>([]);
  const [chosen, setChosen] = useState<DatasetInfo | null>(null);
  const [form, setForm] = useState<ReplayForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { status, setStatus } = useReplayStatus();

  const choose = (d: DatasetInfo | undefined) => {
    setChosen(d ?? null);
    setForm(d ? formFor(d) : null);
    setError(null);
  };
  useEffect(() => {
    listDatasets()
      .then((l) => {
        setDatasets(l.datasets);
        choose(l.datasets[0]);
      })
      .catch((err: Error) => setError(err.message));
  }, []);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    act(async () => {
      if (!chosen || !form) return;
      const req = startOf(chosen.id, form);
      if (!req.ok) throw new Error(`${req.field}: ${req.error}`);
      setStatus(await startReplay(req.start));
    });
  const running = status?.state === "running";

  return (
    <div className="grid gap-5" data-testid="datasets">
      <div>
        <h1 className="text-lg font-semibold">{t("ds.title")}</h1>
        <p className="max-w-3xl text-sm text-muted">{t("ds.intro")}</p>
      </div>
      <div className="grid min-w-0 gap-5 xl:grid-cols-2">
        <form
          className="card grid min-w-0 content-start gap-5 p-4"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <DatasetPicker
            datasets={datasets}
            chosen={chosen}
            onChoose={(id) => choose(datasets.find((d) => d.id === id))}
            onUploaded={(d) => {
              setDatasets((all) => [all[0]!, d, ...all.slice(1)].filter(Boolean));
              choose(d);
            }}
          />
          {chosen && form && <ReplayFields form={form} columns={chosen.columns} onChange={setForm} invalid={error} />}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary" disabled={busy || running || !chosen} data-testid="replay-start">
              <Icon name="play" />
              {t("ds.start")}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy || !running}
              data-testid="replay-stop"
              onClick={() => void act(async () => setStatus(await stopReplay()))}
            >
              <Icon name="stop" />
              {t("ds.stop")}
            </button>
          </div>
          {error && (
            <p className="text-sm text-err" role="alert" data-testid="replay-start-error">
              {error}
            </p>
          )}
        </form>
        <ReplayProgress status={status} />
      </div>
    </div>
  );
}
