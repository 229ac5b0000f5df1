const ids = new WeakMap<object, number>();
let last = 0;

/**
 * A number for an object, the same while it lives: part of a key that says "this very object"
 * (the exports keep what they made of a session while its objects are the same ones).
 */
export function objectId(value: object): number {
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = ++last));
  return id;
}

/**
 * What an export made of each session, kept while the session is the same object and its `key`
 * (everything else the value is made from) the same text. The dev server keeps unchanged content
 * as the same objects from build to build, so an edit remakes one session's part; a kept value
 * never changes, so its JSON text may be reused too (`isKept`, json-text.ts).
 */
export class KeptPerSession<T extends object> {
  private readonly made = new WeakMap<object, { key: string; value: T }>();
  private readonly values = new WeakSet<object>();

  get(session: object, key: string, make: () => T): T {
    const known = this.made.get(session);
    if (known?.key === key) return known.value;
    const value = make();
    this.values.add(value);
    this.made.set(session, { key, value });
    return value;
  }

  /** True for a value this made (bound, to hand to `jsonText`). */
  readonly isKept = (value: object): boolean => this.values.has(value);
}
