import { useEffect, useState } from "react";
import { usePipeline } from "@/components/live/PipelineProvider";
import { DEFAULT_SETTINGS, type SettingsPatch } from "@/lib/contract/api";
import { presetValues, SETTING_NAMES, toFormValues, validateForm, type AggOutputMode, type FormValues, type ProducerAcks, type SettingName } from "./fields";

/**
 * A settings form's draft: follows the live settings until the learner types, then holds their values,
 * validated, with the patch that applying them would send. Null until the settings are known.
 */
export function useSettingsDraft(names: readonly SettingName[] = SETTING_NAMES) {
  const pipeline = usePipeline();
  const settings = pipeline?.settings;
  const [values, setValues] = useState<FormValues | null>(null);
  const [mode, setMode] = useState<AggOutputMode>(DEFAULT_SETTINGS.aggOutputMode);
  const [loadTest, setLoadTest] = useState(DEFAULT_SETTINGS.loadTest);
  const [acks, setAcks] = useState<ProducerAcks>(DEFAULT_SETTINGS.acks);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (settings && !dirty) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the draft follows the live settings pushed by the server until the learner types
      setValues(toFormValues(settings));
      setMode(settings.aggOutputMode);
      setLoadTest(settings.loadTest);
      setAcks(settings.acks);
    }
  }, [settings, dirty]);

  if (!settings || !values) return null;
  const { errors, patch: numbers, ok } = validateForm(values, settings, names, loadTest);
  const patch: SettingsPatch = {
    ...numbers,
    ...(mode !== settings.aggOutputMode ? { aggOutputMode: mode } : {}),
    ...(loadTest !== settings.loadTest ? { loadTest } : {}),
    ...(acks !== settings.acks ? { acks } : {}),
  };
  return {
    settings,
    values,
    mode,
    loadTest,
    acks,
    errors,
    ok,
    /** The numeric fields that changed, valid ones only. */
    numbers,
    patch,
    setValue(name: SettingName, value: string) {
      setDirty(true);
      setValues({ ...values, [name]: value });
    },
    chooseMode(m: AggOutputMode) {
      setDirty(true);
      setMode(m);
    },
    chooseAcks(a: ProducerAcks) {
      setDirty(true);
      setAcks(a);
    },
    chooseLoadTest(on: boolean) {
      setDirty(true);
      setLoadTest(on);
    },
    /** Type a preset's settings into the draft; the learner still applies them. */
    fill(preset: SettingsPatch) {
      setDirty(true);
      setValues(presetValues(values, preset));
      if (preset.aggOutputMode) setMode(preset.aggOutputMode);
      if (preset.acks) setAcks(preset.acks);
      if (preset.loadTest !== undefined) setLoadTest(preset.loadTest);
    },
    /** The draft was applied: follow the live settings again. */
    saved: () => setDirty(false),
  };
}
