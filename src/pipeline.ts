// The story of a build, in order: load → validate → resolve → render → finish → write.
// Each stage is a module of its own; only load reads files and only write touches out/.
import type { Warning } from "./errors.js";
import { loadContent } from "./load/loadContent.js";
import { loadProfile } from "./load/loadProfile.js";
import { validate } from "./validate/validate.js";
import { resolve } from "./resolve/resolve.js";
import { renderMaterial } from "./render/renderMaterial.js";
import { checkLayout } from "./render/checkLayout.js";
import { fitPages } from "./fit/fitPages.js";
import { openCache } from "./cache/cacheDir.js";
import { cachedMaterial, materialKey } from "./cache/materialCache.js";
import { finishMaterial } from "./finish/finishMaterial.js";
import { completePack, type BuiltMaterial } from "./finish/pack.js";
import { manifestFile, sha256, type ManifestEntry } from "./finish/manifest.js";
import { writePack, type OutputFile } from "./write/writePack.js";
import { chooseOutputFolder } from "./write/outputFolder.js";
import type { CardOptions } from "./cards/options.js";
import { CONTENT_DIR } from "./load/contentDir.js";

export { CONTENT_DIR };

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
  /** The cache of finished materials: a folder, or false for none (default: see src/cache/cacheDir.ts). */
  cacheDir?: string | false;
}

export interface BuildResult {
  dir: string;
  /** Every PDF written, the complete pack last. */
  files: ManifestEntry[];
  /** The complete pack (also in `files`). */
  pack: ManifestEntry;
  /** Pages of the materials. */
  pages: number;
  /** Of those, the pages the complete pack holds again (not the A3 poster, a print of its own). */
  packedPages: number;
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
  const output = await chooseOutputFolder(options.out, profile.profile, options.only?.length ? pack.materials.map((m) => m.id) : undefined); // checked before rendering
  const date = options.date ?? new Date(`${toolkit.info.date}T00:00:00Z`);

  const files: OutputFile[] = [];
  const entries: ManifestEntry[] = [];
  const built: BuiltMaterial[] = [];
  const total = pack.materials.length + 1; // every material, then the complete pack
  const cache = openCache(options.cacheDir);
  for (const material of pack.materials) {
    // render and finish, or take both from the cache: the same inputs make the same bytes
    const finished = await cachedMaterial(cache, materialKey(material, pack, date), async () => {
      // render
      const rendered = await fitPages(material, (m) => renderMaterial(m, pack, date)); // a nearly empty last page saved (src/fit)
      const layout = await checkLayout(material.id, rendered);
      // finish: form fields, metadata, page boxes, field map
      return { ...(await finishMaterial(material, rendered, pack, date)), layout };
    });
    files.push(...finished.files);
    entries.push(finished.entry);
    built.push({ material, bytes: finished.bytes, pages: finished.pages, layout: finished.layout });
    options.onProgress?.({ done: built.length, total, material: material.id });
  }
  // finish: the complete pack (cover, contents, every material, page numbers, bookmarks) and the manifest
  const complete = await completePack(pack, toolkit.pack, built, date);
  const packEntry: ManifestEntry = { file: complete.name, title: `${toolkit.info.title} – ${pack.brand.company}`, pages: complete.pages, sha256: sha256(complete.bytes) };
  files.push({ name: complete.name, bytes: complete.bytes });
  entries.push(packEntry);
  options.onProgress?.({ done: total, total, material: complete.name });
  files.push(manifestFile({ company: pack.brand.company, toolkit: toolkit.info.title, version: toolkit.info.version, date: toolkit.info.date }, entries, files));

  // write
  const dir = output.dir;
  await writePack(dir, files);
  const pages = built.reduce((n, b) => n + b.pages, 0);
  return { dir, files: entries, pack: packEntry, pages, packedPages: complete.materialPages, warnings: [...(profile.warnings ?? []), ...output.warnings, ...pack.warnings, ...complete.warnings] };
}
