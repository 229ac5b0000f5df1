/**
 * What an export made of each session, kept while the session is the same object and its `key`
 * (everything else the value is made from: objects, compared as the same objects, and values)
 * the same. The dev server keeps unchanged content as the same objects from build to build, so
 * an edit remakes one session's part; a kept value never changes, so its JSON text may be
 * reused too (`isKept`, json-text.ts).
 */
export class KeptPerSession<T extends object> {
  private readonly made = new WeakMap<object, { key: readonly unknown[]; value: T }>();
  private readonly values = new WeakSet<object>();

  get(session: object, key: readonly unknown[], make: () => T): T {
    const known = this.made.get(session);
    if (known && sameItems(known.key, key)) return known.value;
    const value = make();
    this.values.add(value);
    this.made.set(session, { key, value });
    return value;
  }

  /** True for a value this made (bound, to hand to `jsonText`). */
  readonly isKept = (value: object): boolean => this.values.has(value);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
