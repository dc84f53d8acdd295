/**
 * A small least-recently-used map. Diagrams and formulas are drawn again only when
 * their source changes: the preview re-renders the whole note on every keystroke, and
 * the note's problems are checked on every edit, so both read the same drawings here.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  /** The value for `key`, computed by `make` when absent; the entry becomes the most recent. */
  get(key: string, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = make();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
