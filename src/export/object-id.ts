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
