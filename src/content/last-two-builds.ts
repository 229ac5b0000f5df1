/**
 * Values worked out during a build and kept for the next one: a value asked for in a build stays
 * for the build after; one that two builds in a row did not ask for is dropped (`nextBuild`). The
 * dev server's caches of pure results (a body's HTML, a session's times, a permalink's file).
 */
export class LastTwoBuilds<K, V> {
  private current = new Map<K, V>();
  private last = new Map<K, V>();

  /** The value for `key`, made when neither this build nor the last one has it (undefined is not kept). */
  get(key: K, make: () => V | undefined): V | undefined {
    let value = this.current.get(key) ?? this.last.get(key);
    if (value === undefined) value = make();
    if (value !== undefined) this.current.set(key, value);
    return value;
  }

  /** Starts a build: what the last one did not ask for is dropped. */
  nextBuild(): void {
    this.last = this.current;
    this.current = new Map();
  }
}
