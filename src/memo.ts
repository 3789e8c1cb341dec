// Small memos for a process that runs long (the web server, a batch worker): the entry used longest
// ago dropped first; and their keys, a hash of what a step is given.
import { createHash } from "node:crypto";

export const keyOf = (parts: unknown): string => createHash("sha256").update(JSON.stringify(parts)).digest("hex");

export class Memo<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly size: number) {}
  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: T): T {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
  /** The value kept under `key`, or `make()`'s, kept; a promise that fails is forgotten, so that the next call makes it again. */
  remember(key: string, make: () => T): T {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = make();
    if (value instanceof Promise) value.catch(() => this.entries.get(key) === value && this.delete(key));
    return this.set(key, value);
  }
}
