/**
 * kafkajs encodes every record, and every header of a record, with a new Encoder whose constructor
 * takes a zero-filled 512-byte Buffer (`Buffer.alloc`), and grows it the same way. While a worker
 * drains a backlog that is a kilobyte of zeroing and a separate allocation per record, outside the
 * Buffer pool: 8 % of the worker's CPU and much of its garbage collection (bench/README.md, item 27).
 * An Encoder only ever writes at its offset and hands out `buf.slice(0, offset)`, so the bytes it
 * starts with are never read or sent: the subclass below takes them from Node's Buffer pool without
 * zeroing. Everything else, including `instanceof` and the static size helpers, is kafkajs' own.
 */
export interface KafkajsEncoderClass {
  new (initialSize?: number): { buf: Buffer; offset: number; ensureAvailable(length: number): void };
  nextPowerOfTwo(value: number): number;
}

export function pooledEncoder<E extends KafkajsEncoderClass>(Encoder: E): E {
  const Base = Encoder as KafkajsEncoderClass;
  class PooledEncoder extends Base {
    constructor(initialSize = 511) {
      // kafkajs' constructor allocates nextPowerOfTwo(size) bytes: 1 here, then replaced.
      super(0);
      this.buf = Buffer.allocUnsafe(Base.nextPowerOfTwo(initialSize));
    }

    ensureAvailable(length: number): void {
      if (this.offset + length <= this.buf.length) return;
      const grown = Buffer.allocUnsafe(Base.nextPowerOfTwo(this.offset + length));
      this.buf.copy(grown, 0, 0, this.offset);
      this.buf = grown;
    }
  }
  return PooledEncoder as unknown as E;
}
