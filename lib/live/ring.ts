/** A fixed-capacity buffer that forgets its oldest items, so live series stay bounded. */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(...values: T[]): void {
    for (const v of values) {
      const end = (this.start + this.count) % this.capacity;
      this.items[end] = v;
      if (this.count < this.capacity) this.count++;
      else this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }

  newest(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.capacity];
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.capacity);
    this.start = 0;
    this.count = 0;
  }
}

/** Immutable variant for React state: returns a new array holding at most `max` items, newest last. */
export function appendBounded<T>(prev: readonly T[], next: readonly T[], max: number): T[] {
  if (next.length >= max) return next.slice(next.length - max);
  const keep = Math.max(0, max - next.length);
  return [...prev.slice(Math.max(0, prev.length - keep)), ...next];
}
