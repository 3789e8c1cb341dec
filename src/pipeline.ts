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
import { manifestFile, sha256, type ManifestEntry } from "./finish/manifest.js";
import { writePack, type OutputFile } from "./write/writePack.js";
import { slug } from "./slug.js";

export const CONTENT_DIR = path.resolve(import.meta.dirname, "../content");

export interface BuildOptions {
  profile: string;
  /** The folder that receives `<company-slug>/`. */
  out: string;
  only?: string[];
  /** Creation date of every PDF; defaults to the content's date (see SOURCE_DATE_EPOCH in the CLI). */
  date?: Date;
  onProgress?: (event: { done: number; total: number; material: string }) => void;
}

export interface BuildResult {
  dir: string;
  files: ManifestEntry[];
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
  const pack = resolve({ toolkit, profile: profile.profile, logo: profile.logo, only: options.only });
  const date = options.date ?? new Date(`${toolkit.info.date}T00:00:00Z`);

  const files: OutputFile[] = [];
  const entries: ManifestEntry[] = [];
  let done = 0;
  for (const material of pack.materials) {
    // render
    const rendered = await renderMaterial(material, pack, date);
    await checkLayout(material.id, rendered, material.bleed ?? 0);
    // finish
    const title = `${material.title} – ${pack.brand.company}`;
    const { bytes, pages } = await finishPdf(rendered, { title, author: pack.brand.company, subject: pack.toolkit.title, date, bleed: material.bleed });
    const name = `${material.id}.pdf`;
    files.push({ name, bytes });
    entries.push({ file: name, title: material.title, pages, sha256: sha256(bytes) });
    options.onProgress?.({ done: ++done, total: pack.materials.length, material: material.id });
  }
  files.push(manifestFile({ company: pack.brand.company, toolkit: toolkit.info.title, version: toolkit.info.version, date: toolkit.info.date }, entries));

  // write
  const dir = path.join(options.out, slug(pack.brand.company));
  await writePack(dir, files);
  return { dir, files: entries, pages: entries.reduce((n, e) => n + e.pages, 0), warnings: pack.warnings };
}
