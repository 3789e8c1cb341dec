// The story of a build, in order: load → validate → resolve → render → finish → write.
// Each stage is a module of its own; only load reads files and only write touches out/.
import path from "node:path";
import type { Warning } from "./errors.js";
import { loadContent } from "./load/loadContent.js";
import { loadProfile } from "./load/loadProfile.js";
import { validate } from "./validate/validate.js";
import { resolve } from "./resolve/resolve.js";
import { renderMaterial } from "./render/renderMaterial.js";
import { checkLayout } from "./render/checkLayout.js";
import { finishPdf } from "./finish/finishPdf.js";
import { addMarkedFields } from "./finish/markedFields.js";
import { fieldMapFile, readFieldMap } from "./finish/fieldMap.js";
import { completePack, type BuiltMaterial } from "./finish/pack.js";
import { manifestFile, sha256, type ManifestEntry } from "./finish/manifest.js";
import { writePack, type OutputFile } from "./write/writePack.js";
import { slug } from "./slug.js";
import type { CardOptions } from "./cards/options.js";

export const CONTENT_DIR = path.resolve(import.meta.dirname, "../content");

export interface BuildOptions {
  profile: string;
  /** The folder that receives `<company-slug>/`. */
  out: string;
  only?: string[];
  /** Card sheets: card size, duplex edge, blank cards (defaults: 90 × 60 mm, long edge, none). */
  cards?: CardOptions;
  /** Creation date of every PDF; defaults to the content's date (see SOURCE_DATE_EPOCH in the CLI). */
  date?: Date;
  onProgress?: (event: { done: number; total: number; material: string }) => void;
}

export interface BuildResult {
  dir: string;
  /** Every PDF written, the complete pack last. */
  files: ManifestEntry[];
  /** The complete pack (also in `files`). */
  pack: ManifestEntry;
  /** Pages of the materials; the pack holds them again, after its cover and contents. */
  pages: number;
  warnings: Warning[];
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  // load
  const toolkit = await loadContent(CONTENT_DIR);
  const profile = await loadProfile(options.profile);
  // validate
  validate(toolkit, profile);
  // resolve
  const pack = resolve({ toolkit, profile: profile.profile, logo: profile.logo, only: options.only, cards: options.cards });
  const date = options.date ?? new Date(`${toolkit.info.date}T00:00:00Z`);

  const files: OutputFile[] = [];
  const entries: ManifestEntry[] = [];
  const built: BuiltMaterial[] = [];
  // Every material, then the complete pack.
  const total = pack.materials.length + 1;
  let done = 0;
  for (const material of pack.materials) {
    // render
    const rendered = await renderMaterial(material, pack, date);
    await checkLayout(material.id, rendered, material.bleed ?? 0);
    // finish
    const withFields = await addMarkedFields(rendered);
    const title = `${material.title} – ${pack.brand.company}`;
    const { bytes, pages } = await finishPdf(withFields, { title, author: pack.brand.company, subject: pack.toolkit.title, date, bleed: material.bleed, boxes: material.boxes });
    const name = `${material.id}.pdf`;
    files.push({ name, bytes });
    // the form's field map, read back from the finished PDF (`v06.fields.json`)
    const fields = await readFieldMap(material.id, bytes);
    if (fields.fields.length > 0) files.push(fieldMapFile(fields));
    entries.push({ file: name, title: material.title, pages, sha256: sha256(bytes) });
    built.push({ material, bytes, pages });
    options.onProgress?.({ done: ++done, total, material: material.id });
  }
  // the complete pack: cover, contents and every material in one PDF, with page numbers and bookmarks
  const complete = await completePack(pack, toolkit.pack, built, date);
  const packEntry: ManifestEntry = { file: complete.name, title: `${toolkit.info.title} – ${pack.brand.company}`, pages: complete.pages, sha256: sha256(complete.bytes) };
  files.push({ name: complete.name, bytes: complete.bytes });
  entries.push(packEntry);
  options.onProgress?.({ done: ++done, total, material: complete.name });
  // the manifest: every file written, the PDFs with their pages, then the others (field maps)
  const data = files.filter((f) => !f.name.endsWith(".pdf")).map((f) => ({ file: f.name, sha256: sha256(f.bytes) }));
  files.push(manifestFile({ company: pack.brand.company, toolkit: toolkit.info.title, version: toolkit.info.version, date: toolkit.info.date }, [...entries, ...data]));

  // write
  const dir = path.join(options.out, slug(pack.brand.company));
  await writePack(dir, files);
  const pages = built.reduce((n, b) => n + b.pages, 0);
  return { dir, files: entries, pack: packEntry, pages, warnings: [...pack.warnings, ...complete.warnings] };
}
