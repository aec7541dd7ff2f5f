/**
 * The few Kafka wire-format pieces of the "flexible" request versions (KIP-482) that kafkajs does not
 * write: unsigned varints, compact strings and arrays, and empty tagged-field sections. Pure; no kafkajs.
 */
export class WireWriter {
  private parts: Buffer[] = [];

  uvarint(n: number): this {
    const bytes: number[] = [];
    let v = n >>> 0;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  int16(n: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(n);
    this.parts.push(b);
    return this;
  }

  int32(n: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    this.parts.push(b);
    return this;
  }

  int64(n: string | bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(n));
    this.parts.push(b);
    return this;
  }

  bool(v: boolean): this {
    this.parts.push(Buffer.from([v ? 1 : 0]));
    return this;
  }

  compactString(s: string | null): this {
    if (s === null) return this.uvarint(0);
    const bytes = Buffer.from(s, "utf8");
    this.uvarint(bytes.length + 1);
    this.parts.push(bytes);
    return this;
  }

  compactArray<T>(items: readonly T[], each: (w: this, item: T) => void): this {
    this.uvarint(items.length + 1);
    for (const item of items) each(this, item);
    return this;
  }

  /** An empty tagged-field section. */
  noTags(): this {
    return this.uvarint(0);
  }

  buffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export class WireReader {
  private at = 0;

  constructor(private readonly buf: Buffer) {}

  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buf.readUInt8(this.at++);
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
      shift += 7;
    }
  }

  int16(): number {
    const v = this.buf.readInt16BE(this.at);
    this.at += 2;
    return v;
  }

  int32(): number {
    const v = this.buf.readInt32BE(this.at);
    this.at += 4;
    return v;
  }

  bool(): boolean {
    return this.buf.readUInt8(this.at++) !== 0;
  }

  int64(): string {
    const v = this.buf.readBigInt64BE(this.at);
    this.at += 8;
    return v.toString();
  }

  compactString(): string | null {
    const n = this.uvarint();
    if (n === 0) return null;
    const s = this.buf.toString("utf8", this.at, this.at + n - 1);
    this.at += n - 1;
    return s;
  }

  compactArray<T>(each: (r: this) => T): T[] {
    const n = this.uvarint();
    const out: T[] = [];
    for (let i = 1; i < n; i++) out.push(each(this));
    return out;
  }

  /** Skip a tagged-field section, whatever it holds. */
  skipTags(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      this.at += this.uvarint();
    }
  }
}
