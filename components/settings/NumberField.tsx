/** One numeric setting: its label, the text typed so far, and why it is wrong, if it is. */
export function NumberField(props: {
  name: string;
  label: string;
  value: string;
  error: string | null;
  testid: string;
  errorTestid: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block text-muted">{props.label}</span>
      <input
        className="field font-mono"
        inputMode="decimal"
        name={props.name}
        data-testid={props.testid}
        aria-invalid={props.error ? "true" : "false"}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error && (
        <span className="mt-1 block text-xs text-err" data-testid={props.errorTestid}>
          {props.error}
        </span>
      )}
    </label>
  );
}
