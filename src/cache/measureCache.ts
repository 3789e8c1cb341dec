// Text widths (src/fonts.ts's textWidth) kept between builds in the build cache: fitting the card
// decks measures some thousands of words, each a full font layout, and a fresh process would lay
// them all out again (about a third of a second). A width is the font's alone, so the entry is
// keyed by the code and fonts (codeFingerprint) and holds the same numbers a layout gives.
import { createHash } from "node:crypto";
import { knownWidths, rememberWidths } from "../fonts.js";
import { codeFingerprint } from "./fingerprint.js";
import type { MaterialStore } from "./materialCache.js";

/** The entry's key in the build cache. */
export const measuresKey = () => createHash("sha256").update(codeFingerprint()).update("\0text widths v1").digest("hex");

const isEntry = (e: unknown): e is [string, number] => Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "number" && Number.isFinite(e[1]);

/** Loads the widths earlier builds measured; how many there were (0: none, or no cache). */
export async function loadMeasures(cache: MaterialStore | undefined): Promise<number> {
  const blob = cache && (await cache.get(measuresKey()));
  if (!blob) return 0;
  let entries: unknown;
  try {
    entries = JSON.parse(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString("utf8"));
  } catch {
    return 0;
  }
  if (!Array.isArray(entries) || !entries.every(isEntry)) return 0; // not ours: measured afresh, and stored again
  rememberWidths(entries);
  return entries.length;
}

/** Stores the widths known now, when this build measured any that were not loaded. */
export async function saveMeasures(cache: MaterialStore | undefined, loaded: number): Promise<void> {
  const entries = knownWidths();
  if (cache && entries.length > loaded) await cache.put(measuresKey(), Buffer.from(JSON.stringify(entries)));
}
