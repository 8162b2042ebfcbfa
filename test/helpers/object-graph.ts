/**
 * Every object and array reachable from `root` (a Map's keys and values included): retention tests compare what a
 * structure holds with what it was built from, by identity (docs/architecture.md#memory).
 */
export function objectsOf(root: unknown): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    stack.push(...(value instanceof Map ? [...value.keys(), ...value.values()] : Object.values(value)));
  }
  return seen;
}
