"use client";

import { useId, useState, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/provider";

interface Props {
  label: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  testid: string;
}

/** A button that asks first, in the page (not a browser dialog), and puts the keyboard on the answer. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, testid }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const id = useId();
  if (!asking)
    return (
      <button type="button" className="btn" disabled={disabled} onClick={() => setAsking(true)} data-testid={testid}>
        {label}
      </button>
    );
  return (
    <div role="alertdialog" aria-labelledby={id} className="grid gap-2 rounded-lg border border-line bg-surface-2 p-3" data-testid={`${testid}-dialog`}>
      <p id={id} className="text-sm">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-primary"
          autoFocus
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
          data-testid={`${testid}-confirm`}
        >
          {confirmLabel}
        </button>
        <button type="button" className="btn" onClick={() => setAsking(false)} data-testid={`${testid}-cancel`}>
          {t("reset.cancel")}
        </button>
      </div>
    </div>
  );
}
