// The preview's memos: small, the entry used longest ago dropped first (a long-running server), and
// their keys: a hash of what a step is given.
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
}
