import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { pooledEncoder, type KafkajsEncoderClass } from "./pooled-encoder";

interface Encoder {
  buffer: Buffer;
  writeInt32(v: number): Encoder;
  writeVarInt(v: number): Encoder;
  writeVarLong(v: number): Encoder;
  writeVarIntBytes(v: Buffer | string | null): Encoder;
  writeVarIntString(v: string): Encoder;
  writeEncoder(e: Encoder): Encoder;
  writeEncoderArray(e: Encoder[]): Encoder;
}
type EncoderClass = {
  new (initialSize?: number): Encoder & InstanceType<KafkajsEncoderClass>;
  nextPowerOfTwo(value: number): number;
  sizeOfVarIntBytes(v: unknown): number;
};
const KafkajsEncoder = createRequire(import.meta.url)("kafkajs/src/protocol/encoder.js") as EncoderClass;
const Pooled = pooledEncoder(KafkajsEncoder);

/** A record as kafkajs' record encoder writes it, with a header encoded by a nested encoder. */
function record(E: EncoderClass, value: string, initialSize?: number): Buffer {
  const header = new E().writeVarIntString("lab-source").writeVarIntBytes("2:53");
  return new E(initialSize).writeVarInt(value.length).writeVarLong(12345).writeVarIntBytes("user-7").writeVarIntBytes(value).writeEncoderArray([header]).buffer;
}

describe("pooled kafkajs encoder", () => {
  it("writes the same bytes as kafkajs' own encoder, also when it grows past its first buffer", () => {
    for (const value of ['{"result":3,"ts":1}', "x".repeat(5_000)]) {
      expect(record(Pooled, value)).toEqual(record(KafkajsEncoder, value));
      expect(record(Pooled, value, 4)).toEqual(record(KafkajsEncoder, value, 4));
    }
  });

  it("hands out only the bytes it wrote, whatever its buffer held before", () => {
    for (let i = 0; i < 100; i++) Buffer.allocUnsafe(512).fill(0xee);
    const out = new Pooled().writeInt32(7).buffer;
    expect([...out]).toEqual([0, 0, 0, 7]);
  });

  it("is still kafkajs' Encoder to kafkajs (instanceof, static size helpers, nesting)", () => {
    const e = new Pooled();
    expect(e).toBeInstanceOf(KafkajsEncoder);
    expect(Pooled.sizeOfVarIntBytes("abc")).toBe(KafkajsEncoder.sizeOfVarIntBytes("abc"));
    expect(new KafkajsEncoder().writeEncoder(e.writeVarInt(1)).buffer).toEqual(Buffer.from([2]));
  });
});
