// The pack as one zip for download: every file build() wrote, manifest.json included, in name order
// and with the content's date, so the same pack gives the same zip.
import { zipSync } from "fflate";

export function zipPack(files: Map<string, Uint8Array>, date: Date): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const name of [...files.keys()].sort()) entries[name] = [files.get(name)!, { mtime: date, level: 6 }];
  return zipSync(entries);
}
