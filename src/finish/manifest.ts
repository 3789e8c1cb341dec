// manifest.json: every file of the pack with its pages and sha256, so a print shop can check what it got.
import { createHash } from "node:crypto";
import type { OutputFile } from "../write/writePack.js";

export interface ManifestEntry {
  file: string;
  title: string;
  pages: number;
  sha256: string;
}

/** A file of the pack that is not a PDF (a form's field map): it has no pages. */
export interface ManifestDataEntry {
  file: string;
  sha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The PDFs with their pages first, then every other file written (field maps, the Word files). */
export function manifestFile(
  meta: { company: string; toolkit: string; version: string; date: string },
  pdfs: ManifestEntry[],
  files: OutputFile[],
): OutputFile {
  const data: ManifestDataEntry[] = files.filter((f) => !f.name.endsWith(".pdf")).map((f) => ({ file: f.name, sha256: sha256(f.bytes) }));
  const json = JSON.stringify({ ...meta, files: [...pdfs, ...data] }, null, 2) + "\n";
  return { name: "manifest.json", bytes: new TextEncoder().encode(json) };
}
