// Maps every string inside a plain data tree, keeping its shape (and so its type).

export function mapStrings<T>(value: T, fn: (s: string, path: string) => string, path = ""): T {
  if (typeof value === "string") return fn(value, path) as T;
  if (Array.isArray(value)) return value.map((v, i) => mapStrings(v, fn, `${path}[${i}]`)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Ids, kinds and notes are not printed text.
      out[k] = k === "id" || k === "type" || k === "kind" || k === "note" || k === "style" || k === "deck" ? v : mapStrings(v, fn, path ? `${path}.${k}` : k);
    }
    return out as T;
  }
  return value;
}

/** Every printed string of a tree with its field path, for checks. */
export function collectStrings(value: unknown): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  mapStrings(value, (text, path) => {
    found.push({ path, text });
    return text;
  });
  return found;
}
