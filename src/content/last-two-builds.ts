/**
 * Values worked out during a build and kept for the next one: a value asked for in a build stays
 * for the build after; one that two builds in a row did not ask for is dropped (`nextBuild`). The
 * dev server's caches from build to build: files as read, objects kept, and pure results (a
 * body's HTML, a session's times, a permalink's file).
 */
export class LastTwoBuilds<K, V> {
  private current = new Map<K, V>();
  private last = new Map<K, V>();

  /** The value for `key`, made when neither this build nor the last one has it (undefined is not kept). */
  get(key: K, make: () => V | undefined): V | undefined {
    const value = this.peek(key) ?? make();
    if (value !== undefined) this.current.set(key, value);
    return value;
  }

  /** The value this build or the last one has for `key`, without keeping it for the next build. */
  peek(key: K): V | undefined {
    return this.current.get(key) ?? this.last.get(key);
  }

  /** Keeps `value` for `key`, for this build and the next. */
  set(key: K, value: V): void {
    this.current.set(key, value);
  }

  /** Starts a build: what the last one did not ask for is dropped. */
  nextBuild(): void {
    this.last = this.current;
    this.current = new Map();
  }
}
