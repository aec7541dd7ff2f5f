/**
 * Which topics exist, from a listing at most `ttlMs` old, fetched once however many ask at once.
 * The live feeds ask it before touching a topic: kafkajs' admin keeps every topic it was asked about
 * in its metadata requests, so one unknown topic makes its refreshes fail and queue up, and the
 * stats of every other topic stop with them.
 */
export class TopicDirectory {
  private listed: { at: number; topics: Set<string> } | null = null;
  private pending: Promise<Set<string>> | null = null;

  constructor(
    private readonly list: () => Promise<string[]>,
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = 2_000,
  ) {}

  /** Whether `topic` exists; rejects when the listing fails (broker away). */
  async exists(topic: string): Promise<boolean> {
    return (await this.topics()).has(topic);
  }

  private topics(): Promise<Set<string>> {
    if (this.listed && this.clock() - this.listed.at < this.ttlMs) return Promise.resolve(this.listed.topics);
    this.pending ??= this.list()
      .then((names) => {
        this.listed = { at: this.clock(), topics: new Set(names) };
        return this.listed.topics;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
