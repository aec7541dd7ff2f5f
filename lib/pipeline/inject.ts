import type { Inject } from "../contract/experiments";
import { inputTopic, type OutgoingRecord } from "../contract/records";

/** The record an injection request stands for; `now` decides its event time. */
export function injectedRecord(req: Inject, now: number): OutgoingRecord {
  const topic = inputTopic(req.strategy);
  if (req.kind === "record") {
    const ts = now + req.eventTimeOffsetMs;
    return { topic, key: req.key, value: JSON.stringify({ strategy: req.strategy, value: req.value, ts }), timestamp: ts };
  }
  const other = req.strategy === "A" ? "B" : "A";
  const payloads: Record<typeof req.preset, string | Buffer> = {
    "not-json": `{"strategy":"${req.strategy}","value":42,`,
    "not-utf8": Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
    "not-an-object": "[42]",
    "wrong-strategy": JSON.stringify({ strategy: other, value: 42, ts: now }),
    "out-of-range": JSON.stringify({ strategy: req.strategy, value: 123456, ts: now }),
    "missing-ts": JSON.stringify({ strategy: req.strategy, value: 42 }),
  };
  return { topic, key: req.key, value: payloads[req.preset], timestamp: now };
}
