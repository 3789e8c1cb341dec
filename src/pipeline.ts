// The story of a build, in order: load → validate → resolve → render → finish → write.
// `build` is the CLI's and the batch's: it loads files, compiles, and writes the pack. `compile` is the
// core every front door shares (the web server calls it straight from the validated request): it takes
// values (the toolkit, the profile with its logo decoded, the options, a cache) and returns the files
// and warnings, with no file system, clock or process state of its own. A material is rendered and
// finished once for every company, with a placeholder brand (cached), and then stamped with the
// company's colours, logo and name (src/brand): the finish a company gets.
import { WorkshopkitError, type Warning } from "./errors.js";
import { loadContent } from "./load/loadContent.js";
import { loadProfile, type LoadedProfile } from "./load/loadProfile.js";
import { validate } from "./validate/validate.js";
import { resolve } from "./resolve/resolve.js";
import { renderMaterial } from "./render/renderMaterial.js";
import { fitPages } from "./fit/fitPages.js";
import { openCache } from "./cache/cacheDir.js";
import { loadMeasures, saveMeasures } from "./cache/measureCache.js";
import { cachedMaterial, materialKey, type CachedMaterial, type MaterialStore } from "./cache/materialCache.js";
import { finishMaterial } from "./finish/finishMaterial.js";
import { placeholderPack } from "./brand/placeholder.js";
import { checkPlaceholderRender } from "./brand/stamp.js";
import { renderBrandParts } from "./brand/parts.js";
import type { BrandParts } from "./brand/brandParts.js";
import { savedMaterial, stampMaterial, type BrandedMaterial, type StampedMaterial } from "./brand/stampMaterial.js";
import { completePack, type BuiltMaterial } from "./finish/pack.js";
import { drawFolios, type KeptPages } from "./finish/packFolios.js";
import { pagesForPack } from "./finish/packMerge.js";
import { manifestFile, sha256, type ManifestEntry } from "./finish/manifest.js";
import { writePack, type OutputFile } from "./write/writePack.js";
import { wordFiles } from "./docx/wordFiles.js";
import { chooseOutputFolder } from "./write/outputFolder.js";
import { DEFAULT_CARD_OPTIONS, type CardOptions } from "./cards/options.js";
import type { Material, ResolvedPack } from "./model.js";
import type { Profile } from "./schema/profile.js";
import type { Toolkit } from "./schema/toolkit.js";
import { CONTENT_DIR } from "./load/contentDir.js";
import { scoringCopies } from "./results/numberCopies.js";
import type { WorkshopChoice } from "./workshop/choice.js";
import { loadNeeds } from "./workshop/loadNeeds.js";
import type { WorkshopNeeds } from "./workshop/needs.js";
import type { WorkshopPlan } from "./workshop/plan.js";
import type { PrintEntry } from "./workshop/printList.js";
import { workshopPrintList } from "./workshop/renderPrintList.js";
import { PRINT_LIST_ID, toolkitPlan } from "./workshop/workshop.js";

export { CONTENT_DIR };

/** What a pack is made of: the options a front door was given (the CLI's flags, the page's form). */
export interface PackOptions {
  only?: string[];
  /** A workshop (its tools, participants and groups): only what it needs is built, with a print list (printliste.pdf, in the pack too). */
  workshop?: WorkshopChoice;
  /** Card sheets: card size, duplex edge, blank cards; what is not given here comes from the profile's `cards`, else the defaults (90 × 60 mm, long edge, none). */
  cards?: Partial<CardOptions>;
  /** Creation date of every PDF; defaults to the content's date (see SOURCE_DATE_EPOCH in the CLI). */
  date?: Date;
  /** Also make the scoring sheet as this many numbered copies for paper (v01-scoring-copies.pdf). */
  numberedSheets?: number;
}

/** Everything a compile needs, as values: what loaders read from files, or the server from a request. */
export interface CompileInput extends PackOptions {
  toolkit: Toolkit;
  /** The profile (schema-checked) with its logo decoded. */
  profile: LoadedProfile;
  /** What each tool's workshop prints (content/workshop.yaml): needed when `workshop` is given. */
  needs?: WorkshopNeeds;
}

export type Progress = (event: { done: number; total: number; material: string }) => void;

export interface CompileEnv {
  /** Materials as every company shares them, kept between builds (src/cache); none: everything is rendered. */
  cache?: MaterialStore;
  onProgress?: Progress;
}

/** A compile checked and resolved, before anything is rendered: what it will make. */
export interface Prepared {
  input: CompileInput;
  pack: ResolvedPack;
  cards: CardOptions;
  date: Date;
  plan?: WorkshopPlan;
  /** The files' materials when only some are made (`only`, a workshop): a partial pack never replaces others. */
  partial?: string[];
}

export interface Compiled {
  /** Every file of the pack, the manifest last. */
  files: OutputFile[];
  /** Every PDF, the complete pack last. */
  pdfs: ManifestEntry[];
  /** The Word files beside their PDFs (the policy, the guidelines, the manager's guide), for HR to edit. */
  word: { file: string; title: string; sha256: string }[];
  /** The complete pack (also in `pdfs`). */
  pack: ManifestEntry;
  /** Pages of the materials. */
  pages: number;
  /** Of those, the pages the complete pack holds again (not the A3 poster, a print of its own). */
  packedPages: number;
  warnings: Warning[];
  /** A workshop's print list (also printliste.pdf in `files`). */
  printList?: PrintEntry[];
}

export interface BuildOptions extends PackOptions {
  profile: string;
  /** The folder that receives `<company-slug>/`. */
  out: string;
  onProgress?: Progress;
  /** The cache of finished materials: a folder, or false for none (default: see src/cache/cacheDir.ts). */
  cacheDir?: string | false;
}

export type BuildResult = Omit<Compiled, "files" | "pdfs"> & {
  dir: string;
  /** Every PDF written, the complete pack last. */
  files: ManifestEntry[];
};

/** load → compile → write: the pack of the profile file `options.profile`, written to `<out>/<company>/`. */
export async function build({ profile: file, out, onProgress, cacheDir, ...options }: BuildOptions): Promise<BuildResult> {
  // load, and the text widths earlier builds measured (src/cache), so that resolve lays out no word again
  const cache = openCache(cacheDir);
  const [input, measured] = await Promise.all([loadInput(file, options, cache), loadMeasures(cache)]);
  // validate, plan and resolve; then the output folder is checked, before anything is rendered
  const prepared = prepare(input);
  const output = await chooseOutputFolder(out, input.profile.profile, prepared.partial);
  // render and finish
  const { files, pdfs, ...compiled } = await compile(prepared, { cache, onProgress });
  await saveMeasures(cache, measured);
  // write: every file in a hidden folder, swapped in whole (an earlier pack stays until then)
  await writePack(output.dir, files);
  return { ...compiled, dir: output.dir, files: pdfs, warnings: [...output.warnings, ...compiled.warnings] };
}

/** load: the toolkit, the profile file (its logo decoded, or taken from the cache) and, for a workshop, what its tools print. */
export async function loadInput(profileFile: string, options: PackOptions, cache?: MaterialStore): Promise<CompileInput> {
  const toolkit = await loadContent(CONTENT_DIR);
  const profile = await loadProfile(profileFile, cache);
  return { ...options, toolkit, profile, needs: options.workshop && (await loadNeeds()) };
}

/** validate → plan → resolve: what a compile will make, checked, nothing rendered yet. Pure. */
export function prepare(input: CompileInput): Prepared {
  const { toolkit, profile } = input;
  validate(toolkit, profile);
  // plan: a workshop's materials and how many of each (src/workshop)
  if (input.workshop && !input.needs) throw new Error("compile: a workshop needs content/workshop.yaml's needs (loadNeeds)");
  const plan = input.workshop && toolkitPlan(toolkit, input.needs!, input.workshop);
  const only = plan ? plan.materials.map((m) => m.id) : input.only;
  if (plan && only!.length === 0) throw WorkshopkitError.of("workshop.nothing", {}, { file: "options", path: "workshop.copies" });
  const cards = cardOptions(profile.profile, input.cards);
  const pack = resolve({ toolkit, profile: profile.profile, logo: profile.logo, only, cards });
  const partial = only?.length ? [...pack.materials.map((m) => m.id), ...(plan ? [PRINT_LIST_ID] : [])] : undefined;
  return { input, pack, cards, plan, partial, date: input.date ?? new Date(`${toolkit.info.date}T00:00:00Z`) };
}

/** render → finish: every file of a prepared pack, in memory. */
export async function compile({ input, pack, cards, plan, date }: Prepared, env: CompileEnv = {}): Promise<Compiled> {
  const { toolkit } = input;
  const total = pack.materials.length + 1; // every material, then the complete pack
  // render and finish what every company shares, or take it from the cache
  const finished = await sharedMaterials(pack, date, env.cache, (material, done) => env.onProgress?.({ done, total, material: material.id }));
  // finish: the company's logo and name drawn once, stamped with its colours onto every material, each file numbering its pages
  const parts = await renderBrandParts(pack.brand, finished.flatMap((f) => f.slots.map((slot) => slot.part)));
  const branded = await brandMaterials(pack, finished, parts, date);
  const files: OutputFile[] = [];
  const pdfs: ManifestEntry[] = [];
  const built: BuiltMaterial[] = [];
  for (const [i, material] of pack.materials.entries()) {
    files.push(...branded[i]!.files);
    pdfs.push(branded[i]!.entry);
    built.push({ material, pdf: branded[i]!.forPack!, pages: branded[i]!.pages, layout: finished[i]!.layout });
    if (input.numberedSheets && material.kind === "scoring") files.push(await scoringCopies(material, branded[i]!.bytes, pack, input.numberedSheets));
  }
  // finish: the workshop's print list, from the pages built: a file, and the pack's first page after the contents
  const listed = plan && (await workshopPrintList({ plan, needs: input.needs!, toolkit, pack, cards, built, date }));
  if (listed) {
    files.unshift(listed.file);
    pdfs.unshift(listed.entry);
    built.unshift(listed.built);
  }
  // render: the company's own documents as Word files too, from the same resolved text (src/docx)
  const word = await wordFiles(pack, toolkit, date);
  files.push(...word.files);
  // finish: the complete pack (cover, contents, every material, page numbers, bookmarks) and the manifest
  const complete = await completePack(pack, toolkit.pack, built, date, parts);
  const packEntry: ManifestEntry = { file: complete.name, title: `${toolkit.info.title} – ${pack.brand.company}`, pages: complete.pages, sha256: sha256(complete.bytes) };
  files.push({ name: complete.name, bytes: complete.bytes });
  pdfs.push(packEntry);
  env.onProgress?.({ done: total, total, material: complete.name });
  files.push(manifestFile({ company: pack.brand.company, toolkit: toolkit.info.title, version: toolkit.info.version, date: toolkit.info.date }, pdfs, files));
  return {
    files,
    pdfs,
    word: word.files.map((f) => ({ file: f.name, title: f.title, sha256: sha256(f.bytes) })),
    pack: packEntry,
    pages: built.reduce((n, b) => n + b.pages, 0),
    packedPages: complete.materialPages,
    printList: listed?.entries,
    warnings: [...(input.profile.warnings ?? []), ...pack.warnings, ...word.warnings, ...complete.warnings],
  };
}

/** Every material of `pack` as every company shares it: from the cache, or rendered, finished and stored there. */
export async function sharedMaterials(pack: ResolvedPack, date: Date, cache: MaterialStore | undefined, onMaterial?: (material: Material, done: number) => void): Promise<CachedMaterial[]> {
  const shared = placeholderPack(pack);
  const finished: CachedMaterial[] = [];
  for (const material of pack.materials) {
    finished.push(await cachedMaterial(cache, () => materialKey(material, shared, date), () => renderForEveryCompany(material, shared, date)));
    onMaterial?.(material, finished.length);
  }
  return finished;
}

/**
 * A material as every company shares it: rendered with the placeholder brand (placeholder colours,
 * empty slots for the logo and name), fitted to its pages, checked, its form fields and page boxes
 * added, and checked for what no company's stamp could brand (src/brand/stamp.ts), once rather
 * than in every stamp. The same for every company whose resolved material is the same.
 */
export async function renderForEveryCompany(material: Material, shared: ResolvedPack, date: Date): Promise<CachedMaterial> {
  // render, its layout checked: the PDF, its text as laid out, its brand slots (a nearly empty last page saved: src/fit)
  const rendered = await fitPages(material, (m) => renderMaterial(m, shared, date));
  // finish: form fields, metadata, page boxes, field map (one document: read once, saved once)
  const finished = await finishMaterial(material, rendered, shared.toolkit.title, date, (pdf) => checkPlaceholderRender(pdf, rendered.layout));
  return { ...finished, layout: rendered.layout, slots: rendered.slots };
}

/**
 * The company's finish of shared materials, one document each: read once, its colours, logo and name
 * stamped on, its pages taken for the complete pack (`forPack`, unless `forPack: false`), numbered in its
 * own file, "Side 2 af 3", and saved once. The web page's preview brands its pages with this too;
 * `kept` says which pages a preview's material kept.
 */
export async function brandMaterials(pack: ResolvedPack, finished: Parameters<typeof stampMaterial>[1][], parts: BrandParts, date: Date, { kept = [], forPack = true }: { kept?: (KeptPages | undefined)[]; forPack?: boolean } = {}): Promise<BrandedMaterial[]> {
  const stamped: StampedMaterial[] = [];
  for (const [i, material] of pack.materials.entries()) stamped.push(await stampMaterial(material, finished[i]!, parts, pack, date));
  const packPages = stamped.map((m) => (forPack ? pagesForPack(m.pdf) : undefined));
  await drawFolios(stamped, finished.map((f) => f.slots), pack.brand.paper, kept);
  return Promise.all(stamped.map((m, i) => savedMaterial(m, packPages[i])));
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
