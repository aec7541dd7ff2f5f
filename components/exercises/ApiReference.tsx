import type { MessageKey } from "@/lib/i18n";
import { T } from "@/components/i18n/T";
import { CodeText } from "./CodeText";

/** The processor API in short, beside the editor: each name as code, what it is in the learner's language. */
const ENTRIES: { code: string; text: MessageKey }[] = [
  { code: "export function process(record, ctx)", text: "exui.api.process" },
  { code: "record", text: "exui.api.record" },
  { code: "ctx.state.get / put / delete / keys", text: "exui.api.state" },
  { code: "ctx.emit(key, value, eventTime?)", text: "exui.api.emit" },
  { code: "ctx.watermark", text: "exui.api.watermark" },
  { code: "export function onWatermark(watermark, ctx)", text: "exui.api.onWatermark" },
];

export function ApiReference() {
  return (
    <section className="card grid gap-2 p-4" aria-labelledby="api-title" data-testid="api-reference">
      <h2 id="api-title" className="text-base font-semibold">
        <T k="exui.api.title" />
      </h2>
      <p className="text-sm text-muted">
        <T k="exui.api.intro" />
      </p>
      <dl className="grid gap-2 text-sm">
        {ENTRIES.map((e) => (
          <div key={e.code}>
            <dt>
              <code className="break-words font-mono text-xs text-accent">{e.code}</code>
            </dt>
            <dd className="text-muted">
              <CodeText k={e.text} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted">
        <T k="exui.api.limits" />
      </p>
    </section>
  );
}
