/**
 * kafkajs looks the coordinator up again (a FindCoordinator round trip) for every step of a transaction:
 * AddPartitionsToTxn, AddOffsetsToTxn, TxnOffsetCommit and EndTxn each ask anew, ~5 lookups per
 * transaction (bench/README.md item 13). This keeps each answer for a while instead. A coordinator
 * that moved answers NOT_COORDINATOR (retriable): any failed call through a cached coordinator drops
 * it, so kafkajs' own retry asks again. Pure apart from the clock it is given.
 */
export interface CoordinatorCacheOptions {
  /** How long an answer is kept even when nothing failed, so a moved coordinator is found without an error too. */
  ttlMs: number;
  clock: () => number;
}

export function createCoordinatorCache<K, C extends object>(lookup: (key: K) => Promise<C>, keyOf: (key: K) => string, o: CoordinatorCacheOptions) {
  const known = new Map<string, { at: number; coordinator: Promise<C> }>();

  /** The coordinator whose calls forget it from the cache when they fail. */
  const watched = (id: string, entry: { coordinator: Promise<C> }, coordinator: C): C =>
    new Proxy(coordinator, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (result instanceof Promise) result.catch(() => known.get(id) === entry && known.delete(id));
          return result;
        };
      },
    });

  return {
    find(key: K): Promise<C> {
      const id = keyOf(key);
      const now = o.clock();
      const hit = known.get(id);
      if (hit && now - hit.at < o.ttlMs) return hit.coordinator;
      const entry = { at: now, coordinator: null as unknown as Promise<C> };
      entry.coordinator = lookup(key).then(
        (c) => watched(id, entry, c),
        (err: unknown) => {
          if (known.get(id) === entry) known.delete(id);
          throw err;
        },
      );
      known.set(id, entry);
      return entry.coordinator;
    },
    /** Forget every answer (after a failed transaction, say). */
    clear(): void {
      known.clear();
    },
  };
}
