import { Fragment, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/provider";
import { SETTING_DEFS } from "@/lib/contract/settings";
import { describeError, type SettingName } from "./fields";
import { NumberField } from "./NumberField";
import type { Draft } from "./useApplySettings";

/**
 * The number fields of a settings form, for the settings it edits: the settings page shows them all, the
 * aggregate page the aggregation's. `testid` prefixes each field (`<testid>-<name>`, `<testid>-error-<name>`).
 */
export function SettingsFields(props: {
  draft: Draft;
  names: readonly SettingName[];
  testid: string;
  className: string;
  onEdit: () => void;
  /** What goes under a field (a hint, a related choice). */
  after?: (name: SettingName) => ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { draft, testid } = props;
  return (
    <div className={props.className}>
      {props.names.map((name) => (
        <Fragment key={name}>
          <NumberField
            name={name}
            label={t(SETTING_DEFS[name].label)}
            value={draft.values[name]}
            error={draft.errors[name] ? describeError(t, draft.errors[name]) : null}
            testid={`${testid}-${name}`}
            errorTestid={`${testid}-error-${name}`}
            onChange={(value) => {
              props.onEdit();
              draft.setValue(name, value);
            }}
          />
          {props.after?.(name)}
        </Fragment>
      ))}
      {props.children}
    </div>
  );
}

/** The apply button of a settings form: pressed only when the draft is valid and changed. */
export function ApplyButton({
  ready,
  saving,
  testid,
  label,
  busyLabel,
}: {
  ready: boolean;
  saving: boolean;
  testid: string;
  label: string;
  busyLabel: string;
}) {
  return (
    <button type="submit" className="btn btn-primary" disabled={!ready} data-testid={testid}>
      {saving ? busyLabel : label}
    </button>
  );
}
