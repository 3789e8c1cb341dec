// The story of a build, in order: load → validate → resolve → render → finish → write.
// Each stage is a module of its own; only load reads files and only write touches out/.
// A material is rendered and finished once for every company, with a placeholder brand (cached),
// and then stamped with the company's colours, logo and name (src/brand): the finish a company gets.
import { WorkshopkitError, type Warning } from "./errors.js";
import { loadContent } from "./load/loadContent.js";
import { loadProfile } from "./load/loadProfile.js";
import { validate } from "./validate/validate.js";
import { resolve } from "./resolve/resolve.js";
import { renderMaterial } from "./render/renderMaterial.js";
import { checkLayout } from "./render/checkLayout.js";
import { fitPages } from "./fit/fitPages.js";
import { openCache } from "./cache/cacheDir.js";
import { cachedMaterial, materialKey, type CachedMaterial } from "./cache/materialCache.js";
import { finishMaterial } from "./finish/finishMaterial.js";
import { placeholderPack } from "./brand/placeholder.js";
import { renderBrandParts } from "./brand/parts.js";
import { stampMaterial } from "./brand/stampMaterial.js";
import { slotsOf } from "./render/layoutText.js";
import { completePack, type BuiltMaterial } from "./finish/pack.js";
import { withFolios } from "./finish/packFolios.js";
import { manifestFile, sha256, type ManifestEntry } from "./finish/manifest.js";
import { startPack, type OutputFile } from "./write/writePack.js";
import { wordFiles } from "./docx/wordFiles.js";
import { chooseOutputFolder } from "./write/outputFolder.js";
import { DEFAULT_CARD_OPTIONS, type CardOptions } from "./cards/options.js";
import type { Material, ResolvedPack } from "./model.js";
import type { Profile } from "./schema/profile.js";
import { CONTENT_DIR } from "./load/contentDir.js";
import { scoringCopies } from "./results/numberCopies.js";
import type { WorkshopChoice } from "./workshop/choice.js";
import { loadNeeds } from "./workshop/loadNeeds.js";
import type { PrintEntry } from "./workshop/printList.js";
import { workshopPrintList } from "./workshop/renderPrintList.js";
import { PRINT_LIST_ID, toolkitPlan } from "./workshop/workshop.js";

export { CONTENT_DIR };

export interface BuildOptions {
  profile: string;
  /** The folder that receives `<company-slug>/`. */
  out: string;
  only?: string[];
  /** A workshop (its tools, participants and groups): only what it needs is built, with a print list (printliste.pdf, in the pack too). */
  workshop?: WorkshopChoice;
  /** Card sheets: card size, duplex edge, blank cards; what is not given here comes from the profile's `cards`, else the defaults (90 × 60 mm, long edge, none). */
  cards?: Partial<CardOptions>;
  /** Creation date of every PDF; defaults to the content's date (see SOURCE_DATE_EPOCH in the CLI). */
  date?: Date;
  onProgress?: (event: { done: number; total: number; material: string }) => void;
  /** The cache of finished materials: a folder, or false for none (default: see src/cache/cacheDir.ts). */
  cacheDir?: string | false;
  /** Also write the scoring sheet as this many numbered copies for paper (v01-scoring-copies.pdf). */
  numberedSheets?: number;
}

export interface BuildResult {
  dir: string;
  /** Every PDF written, the complete pack last. */
  files: ManifestEntry[];
  /** The Word files beside their PDFs (the policy, the guidelines, the manager's guide), for HR to edit. */
  word: { file: string; title: string; sha256: string }[];
  /** The complete pack (also in `files`). */
  pack: ManifestEntry;
  /** Pages of the materials. */
  pages: number;
  /** Of those, the pages the complete pack holds again (not the A3 poster, a print of its own). */
  packedPages: number;
  warnings: Warning[];
  /** A workshop's print list (also printliste.pdf in `files`). */
  printList?: PrintEntry[];
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  // load
  const toolkit = await loadContent(CONTENT_DIR);
  const profile = await loadProfile(options.profile);
  const needs = options.workshop && (await loadNeeds());
  // validate
  validate(toolkit, profile);
  // plan: a workshop's materials and how many of each (src/workshop)
  const plan = needs && toolkitPlan(toolkit, needs, options.workshop!);
  const only = plan ? plan.materials.map((m) => m.id) : options.only;
  if (plan && only!.length === 0) throw WorkshopkitError.of("workshop.nothing", {}, { file: "options", path: "workshop.copies" });
  // resolve
  const cards = cardOptions(profile.profile, options.cards);
  const pack = resolve({ toolkit, profile: profile.profile, logo: profile.logo, only, cards });
  const output = await chooseOutputFolder(options.out, profile.profile, only?.length ? [...pack.materials.map((m) => m.id), ...(plan ? [PRINT_LIST_ID] : [])] : undefined); // checked before rendering
  const date = options.date ?? new Date(`${toolkit.info.date}T00:00:00Z`);

  const files: OutputFile[] = [];
  const entries: ManifestEntry[] = [];
  const built: BuiltMaterial[] = [];
  const total = pack.materials.length + 1; // every material, then the complete pack
  // render and finish what every company shares, or take it from the cache
  const finished = await renderShared(pack, date, options.cacheDir, (material, done) => options.onProgress?.({ done, total, material: material.id }));
  // finish: the company's logo and name drawn once, stamped with its colours onto every material
  const parts = await renderBrandParts(pack.brand, finished.flatMap((f) => f.slots.map((slot) => slot.part)));
  const branded = [];
  for (const [i, material] of pack.materials.entries()) branded.push(await stampMaterial(material, finished[i]!, parts, pack, date));
  // finish: each material's own file numbers its pages ("Side 2 af 3"); the pack numbers them itself
  const own = await withFolios(branded, finished.map((f) => f.slots), pack.brand.paper);
  for (const [i, material] of pack.materials.entries()) {
    files.push(...own[i]!.files);
    entries.push(own[i]!.entry);
    built.push({ material, bytes: branded[i]!.bytes, pages: branded[i]!.pages, layout: finished[i]!.layout });
    if (options.numberedSheets && material.kind === "scoring") files.push(await scoringCopies(material, own[i]!.files.find((f) => f.name === `${material.id}.pdf`)?.bytes ?? branded[i]!.bytes, pack, options.numberedSheets));
  }
  // finish: the workshop's print list, from the pages built: a file, and the pack's first page after the contents
  const listed = plan && (await workshopPrintList({ plan, needs: needs!, toolkit, pack, cards, built, date }));
  if (listed) {
    files.unshift(listed.file);
    entries.unshift(listed.entry);
    built.unshift(listed.built);
  }
  // render: the company's own documents as Word files too, from the same resolved text (src/docx)
  const word = await wordFiles(pack, toolkit, date);
  files.push(...word.files);
  // write, begun: the materials go to disk in a hidden folder while the pack is put together
  const dir = output.dir;
  const writer = await startPack(dir);
  writer.write(files);
  try {
    // finish: the complete pack (cover, contents, every material, page numbers, bookmarks) and the manifest
    const complete = await completePack(pack, toolkit.pack, built, date, parts);
    const packEntry: ManifestEntry = { file: complete.name, title: `${toolkit.info.title} – ${pack.brand.company}`, pages: complete.pages, sha256: sha256(complete.bytes) };
    const last: OutputFile[] = [{ name: complete.name, bytes: complete.bytes }];
    entries.push(packEntry);
    options.onProgress?.({ done: total, total, material: complete.name });
    last.push(manifestFile({ company: pack.brand.company, toolkit: toolkit.info.title, version: toolkit.info.version, date: toolkit.info.date }, entries, [...files, ...last]));
    // write: the last files, then the folder swapped in whole (nothing is at `dir` before)
    await writer.commit(last);
    const pages = built.reduce((n, b) => n + b.pages, 0);
    return { dir, files: entries, word: word.files.map((f) => ({ file: f.name, title: f.title, sha256: sha256(f.bytes) })), pack: packEntry, pages, packedPages: complete.materialPages, printList: listed?.entries, warnings: [...(profile.warnings ?? []), ...output.warnings, ...pack.warnings, ...word.warnings, ...complete.warnings] };
  } catch (err) {
    await writer.abort(); // nothing of this build is left, and the earlier pack is as it was
    throw err;
  }
}

/** Every material of `pack` as every company shares it: from the cache, or rendered, finished and stored there. */
async function renderShared(pack: ResolvedPack, date: Date, cacheDir: string | false | undefined, onMaterial?: (material: Material, done: number) => void): Promise<CachedMaterial[]> {
  const cache = openCache(cacheDir);
  const shared = placeholderPack(pack);
  const finished: CachedMaterial[] = [];
  for (const material of pack.materials) {
    finished.push(await cachedMaterial(cache, materialKey(material, shared, date), () => renderForEveryCompany(material, shared, date)));
    onMaterial?.(material, finished.length);
  }
  return finished;
}

/**
 * Fills the cache with the materials named in `options.only` as every company shares them, and
 * writes nothing else: a batch does this first, its materials spread over its workers, so that its
 * companies do not each render the same pages at the same time.
 */
export async function fillCache(options: Omit<BuildOptions, "out" | "onProgress">): Promise<void> {
  if (!openCache(options.cacheDir)) return; // caching is off: nothing would be kept
  const toolkit = await loadContent(CONTENT_DIR);
  const profile = await loadProfile(options.profile);
  validate(toolkit, profile);
  const pack = resolve({ toolkit, profile: profile.profile, logo: profile.logo, only: options.only, cards: cardOptions(profile.profile, options.cards) });
  await renderShared(pack, options.date ?? new Date(`${toolkit.info.date}T00:00:00Z`), options.cacheDir);
}

/**
 * A material as every company shares it: rendered with the placeholder brand (placeholder colours,
 * empty slots for the logo and name), fitted to its pages, checked, its form fields and page boxes
 * added. The same for every company whose resolved material is the same; the web page's preview makes
 * its pages the same way.
 */
export async function renderForEveryCompany(material: Material, shared: ResolvedPack, date: Date): Promise<CachedMaterial> {
  // render
  const rendered = await fitPages(material, (m) => renderMaterial(m, shared, date)); // a nearly empty last page saved (src/fit)
  const layout = await checkLayout(material.id, rendered);
  // finish: form fields, metadata, page boxes, field map
  return { ...(await finishMaterial(material, rendered, shared.toolkit.title, date)), layout, slots: slotsOf(rendered) };
}

/** The card options of a build: those given (the CLI's flags, the page's form), else the profile's, else the defaults. */
function cardOptions(profile: Profile, given: Partial<CardOptions> = {}): CardOptions {
  const own = profile.cards ?? {};
  return {
    size: given.size ?? own.cardSize ?? DEFAULT_CARD_OPTIONS.size,
    duplex: given.duplex ?? own.duplex ?? DEFAULT_CARD_OPTIONS.duplex,
    blanks: given.blanks ?? own.blankCards ?? DEFAULT_CARD_OPTIONS.blanks,
  };
}
