/** A binary min-heap ordered by a numeric `ts`, used to evict buffered join records oldest first. */
export class TsMinHeap<T extends { ts: number }> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent]!;
      if (p.ts <= item.ts) break;
      a[i] = p;
      i = parent;
    }
    a[i] = item;
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) this.siftDown(last, 0);
    return top;
  }

  /** Keeps only the items `keep` accepts; O(n), for rare bulk removals. */
  filter(keep: (item: T) => boolean): void {
    this.items = this.items.filter(keep);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(this.items[i]!, i);
  }

  private siftDown(item: T, start: number): void {
    const a = this.items;
    const n = a.length;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && a[right]!.ts < a[child]!.ts) child = right;
      if (a[child]!.ts >= item.ts) break;
      a[i] = a[child]!;
      i = child;
    }
    a[i] = item;
  }
}
