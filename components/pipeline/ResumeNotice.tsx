"use client";

import { useState } from "react";
import { usePipeline } from "@/components/live/PipelineProvider";
import { useI18n } from "@/components/i18n/provider";

const DISMISSED_KEY = "lab.resumeNoticeDismissed";

function readDismissed(): number | null {
  if (typeof window === "undefined") return null;
  try {
    return Number(sessionStorage.getItem(DISMISSED_KEY)) || null;
  } catch {
    return null;
  }
}

/** After an unclean stop: says what the lab started again (or, with LAB_RESUME=false, did not), until dismissed. */
export function ResumeNotice() {
  const pipeline = usePipeline();
  const { t } = useI18n();
  const notice = pipeline?.resume ?? null;
  // Read once on the client; the server renders no notice (it has no pipeline view), so both first renders agree.
  const [dismissedAt, setDismissedAt] = useState<number | null>(readDismissed);
  if (!notice || dismissedAt === notice.at) return null;
  const dismiss = () => {
    sessionStorage.setItem(DISMISSED_KEY, String(notice.at));
    setDismissedAt(notice.at);
  };
  const components = notice.components.join(", ");
  return (
    <div role="status" data-testid="resume-notice" data-kind={notice.kind} className="card mb-5 flex items-start gap-3 border-accent/40 p-3 text-sm">
      <p className="flex-1">{notice.kind === "resumed" ? t("resume.resumed", { components }) : t("resume.notResumed", { components })}</p>
      <button type="button" className="btn" onClick={dismiss} data-testid="resume-dismiss">
        {t("resume.dismiss")}
      </button>
    </div>
  );
}
