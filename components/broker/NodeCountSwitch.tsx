"use client";

import { useState } from "react";
import type { BrokerNodes, NodeCount } from "@/lib/contract/api";
import { setBrokerNodes } from "@/components/pipeline/api";
import { useI18n } from "@/components/i18n/provider";

type State = { kind: "idle" | "confirm" | "running" } | { kind: "error"; error: string };

/** One broker or a three-node cluster: switching restarts the embedded side, so it asks first and says what is lost. */
export function NodeCountSwitch({ cluster }: { cluster: BrokerNodes }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: "idle" });
  const target: NodeCount = cluster.count === 1 ? 3 : 1;

  if (cluster.fromEnv) {
    return (
      <p className="mt-2 text-xs text-muted" data-testid="broker-nodes-env">
        {t("broker.switchFromEnv", { count: cluster.count })}
      </p>
    );
  }
  const confirm = async () => {
    setState({ kind: "running" });
    try {
      await setBrokerNodes(target);
      setState({ kind: "idle" });
    } catch (err) {
      setState({ kind: "error", error: err instanceof Error ? err.message : String(err) });
    }
  };
  if (state.kind === "confirm" || state.kind === "running") {
    return (
      <div role="alertdialog" aria-labelledby="broker-nodes-title" className="mt-3 grid gap-2 border-t border-line pt-3" data-testid="broker-nodes-dialog">
        <h3 id="broker-nodes-title" className="text-sm font-semibold">
          {t(target === 3 ? "broker.switchTitle3" : "broker.switchTitle1")}
        </h3>
        <p className="text-xs text-muted">{t(target === 3 ? "broker.switchBody3" : "broker.switchBody1")}</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn btn-primary" onClick={confirm} disabled={state.kind === "running"} data-testid="broker-nodes-confirm">
            {state.kind === "running" ? t("broker.switching") : t("broker.switchConfirm")}
          </button>
          <button type="button" className="btn" onClick={() => setState({ kind: "idle" })} disabled={state.kind === "running"}>
            {t("broker.switchCancel")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="mt-3">
      <button type="button" className="btn" onClick={() => setState({ kind: "confirm" })} data-testid="broker-nodes-open">
        {t(target === 3 ? "broker.switchTo3" : "broker.switchTo1")}
      </button>
      {state.kind === "error" && <p className="mt-2 text-xs text-err">{t("broker.switchError", { error: state.error })}</p>}
    </div>
  );
}
