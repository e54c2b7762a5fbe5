/** Listeners per key: a change to one key wakes only the components that read it. */
export class KeyedEmitter {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Calls `listener` whenever `key` changes; returns the unsubscribe function. */
  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  /** Wakes the listeners of `key`. */
  emit(key: string): void {
    const set = this.listeners.get(key);
    if (set) for (const listener of [...set]) listener();
  }
}
