/**
 * Which offsets of one partition have been seen, as sorted disjoint ranges: a few ranges even after
 * millions of offsets, since a partition's outputs arrive mostly in order. Tells a first sighting
 * from a repeat (a duplicate), and counts the distinct offsets seen.
 */
export class OffsetCoverage {
  /** [starts[i], ends[i]) sorted, disjoint and never touching. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private count = 0;

  /** Distinct offsets seen. */
  get distinct(): number {
    return this.count;
  }

  /** Ranges held (for tests and to watch memory). */
  get ranges(): number {
    return this.starts.length;
  }

  /** Note an offset; true when it is new, false when it was seen before. */
  add(offset: number): boolean {
    const i = this.lastStartAtOrBelow(offset);
    if (i >= 0 && offset < this.ends[i]!) return false;
    const joinsLeft = i >= 0 && this.ends[i] === offset;
    const joinsRight = i + 1 < this.starts.length && this.starts[i + 1] === offset + 1;
    if (joinsLeft && joinsRight) {
      this.ends[i] = this.ends[i + 1]!;
      this.starts.splice(i + 1, 1);
      this.ends.splice(i + 1, 1);
    } else if (joinsLeft) this.ends[i]!++;
    else if (joinsRight) this.starts[i + 1]!--;
    else {
      this.starts.splice(i + 1, 0, offset);
      this.ends.splice(i + 1, 0, offset + 1);
    }
    this.count++;
    return true;
  }

  /** Index of the last range starting at or below `offset`, or −1. */
  private lastStartAtOrBelow(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    // The common case: at or after the last range.
    if (hi >= 0 && this.starts[hi]! <= offset) return hi;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi;
  }
}
