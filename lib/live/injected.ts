/**
 * The records a learner injected from the experiments page, remembered by the server so that the
 * live views never sample them away: at a few hundred pairs a second the join view sends about 50,
 * and the learner's one record and its pairs must be among them to show whether it joined or came
 * too late. Bounded (the newest `max`) and forgotten after `ttlMs`. Pure: the clock is given.
 */
export class InjectedRecords {
  private entries = new Map<string, number>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly max = 32,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  remember(strategy: string, key: string | null, ts: number): void {
    const id = idOf(strategy, key, ts);
    this.entries.delete(id);
    this.entries.set(id, this.clock());
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Whether the record of this input (its strategy's side), key and event time was injected. */
  has(strategy: string, key: string | null, ts: number): boolean {
    // Asked for every record a live view reads: nothing to build or look up while nothing was injected.
    if (this.entries.size === 0) return false;
    const id = idOf(strategy, key, ts);
    const at = this.entries.get(id);
    if (at === undefined) return false;
    if (this.clock() - at <= this.ttlMs) return true;
    this.entries.delete(id);
    return false;
  }
}

const idOf = (strategy: string, key: string | null, ts: number) => `${strategy}|${key ?? ""}|${ts}`;
