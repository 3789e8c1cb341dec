// The web page's live preview: the pages that carry the branding, drawn small, made by the build's
// own steps (prepare: validate → resolve; render and finish for every company; brandMaterials: stamp the
// company's brand; src/preview/stamped.ts), so what the page shows is what is printed (tests/serve-preview.test.ts
// compares the pixels). Only what is drawn is made: the pack's cover without the rest of the pack, a
// card sheet's first front and back without its cover, a worksheet's first page. A change of the
// company's name, colour, logo or contacts costs its cover, its parts, the stamps and the drawing: the
// materials as every company shares them are remembered. The preview keeps its own memos and never
// writes the build's cache (src/cache): a material made here from fewer pages must never reach a pack.
import { createHash } from "node:crypto";
import { keepNativeJson } from "../render/reactPdf.js"; // before pdf.js (a build's layout check in the same server): see there
import type { LoadedProfile } from "../load/loadProfile.js";
import type { Material, ResolvedPack } from "../model.js";
import type { PackLabels } from "../schema/pack.js";
import type { CardOptions } from "../cards/options.js";
import type { Toolkit } from "../schema/toolkit.js";
import { prepare } from "../pipeline.js";
import { renderPackCover } from "../finish/packFront.js";
import { printedDate } from "../finish/pack.js";
import { drawPages } from "./rasterThread.js";
import { rememberShaping } from "./layoutMemo.js";
import { keyOf, Memo } from "../memo.js";
import { partsOf, placeholderOf, stamped, type Placeholder } from "./stamped.js";
import type { BrandParts } from "../brand/brandParts.js";

/** The materials the preview draws: a worksheet, a card deck and the help card (the cover comes from the pack). */
export const PREVIEW_MATERIALS = ["v04", "v09-tryghedskort", "help-card"] as const;

export interface PreviewPage {
  /** Stable key: "cover", "worksheet", "cards-front", "cards-back", "help-card". */
  key: string;
  /** What the page is, in Danish, for the page's caption. */
  label: string;
  png: Buffer;
}

interface Wanted {
  key: string;
  label: string;
  /** 1-based page of the material's PDF. */
  page: number;
}

/** Which pages of a material show the branding: a worksheet's first page, a card sheet's first front and back. */
function wantedPages(material: Material): Wanted[] {
  if (material.kind === "cards" || material.kind === "help-card") {
    const pages = material.layout.pages;
    const front = pages.findIndex((p) => p.kind === "fronts");
    const back = pages.findIndex((p) => p.kind === "backs");
    const what = material.kind === "cards" ? "cards" : "help-card";
    const name = material.kind === "cards" ? "Kortark" : "Hjælpekortet";
    return [
      ...(front >= 0 ? [{ key: `${what}-front`, label: `${name}, forside`, page: front + 1 }] : []),
      ...(back >= 0 ? [{ key: `${what}-back`, label: `${name}, bagside`, page: back + 1 }] : []),
    ];
  }
  return [{ key: "worksheet", label: "Arbejdsark, side 1", page: 1 }];
}

/**
 * Finished PDFs and their page images, by a hash of what the templates are given (the material, the
 * brand, the films; contacts reach them only through the material's text): a change of one contact
 * redraws only the help card, and a page drawn larger is only rasterised again.
 */
const pdfs = new Memo<Uint8Array>(24);
const drawn = new Memo<PreviewPage[]>(64);

/**
 * A card sheet (or the help card) with only the wanted pages: the build's pages, each drawn from the
 * same layout, so the same pixels (tests/serve-preview.test.ts) without the deck's cover and its
 * run-sheet, and without the sheets after the first. The pages' boxes go with them.
 */
function onlyPages<M extends Extract<Material, { kind: "cards" | "help-card" }>>(material: M, wanted: Wanted[]): M {
  const keep = wanted.map((w) => w.page - 1);
  return {
    ...material,
    layout: { ...material.layout, pages: keep.map((i) => material.layout.pages[i]!) },
    boxes: material.boxes && keep.map((i) => material.boxes![i]!),
  };
}

/** The pack's cover, rendered as completePack renders it (src/finish/pack.ts), without the rest of the pack. */
async function cover(pack: ResolvedPack, labels: PackLabels, date: Date): Promise<Uint8Array> {
  return (await renderPackCover({ brand: pack.brand, toolkit: pack.toolkit, labels, date: printedDate(date) })).bytes;
}

async function draw(bytes: Uint8Array, wanted: Wanted[], dpi: number): Promise<PreviewPage[]> {
  const pngs = await drawPages(bytes, wanted.map((w) => w.page), dpi);
  return wanted.map((w, i) => ({ key: w.key, label: w.label, png: pngs[i]! }));
}

/** A material's page images being drawn (by the raster thread while the next material is rendered). */
interface Drawing {
  pages: Promise<PreviewPage[]>;
  done: boolean;
}

/**
 * The PDF made by `make` (from the memo when its inputs, `parts`, were seen before), its pages being
 * drawn: returns once the PDF is made, before its pages are drawn.
 */
async function startPages(parts: unknown, wanted: Wanted[], dpi: number, make: () => Promise<Uint8Array>): Promise<Drawing> {
  const pdfKey = keyOf(parts);
  const key = keyOf([pdfKey, dpi, wanted]);
  const seen = drawn.get(key);
  if (seen) return { pages: Promise.resolve(seen), done: true };
  const bytes = pdfs.get(pdfKey) ?? pdfs.set(pdfKey, await make());
  const drawing: Drawing = { pages: draw(bytes, wanted, dpi).then((pages) => drawn.set(key, pages)), done: false };
  drawing.pages.then(
    () => (drawing.done = true),
    () => (drawing.done = true), // the error is thrown where the pages are awaited
  );
  return drawing;
}

export interface PreviewInput {
  toolkit: Toolkit;
  profile: LoadedProfile;
  cards?: CardOptions;
  date: Date;
  /** Pixels per inch of the page images (small: they are shown beside the form). */
  dpi?: number;
  /** Only these pages (keys of PREVIEW_ORDER), e.g. one drawn larger; all when left out. */
  pages?: readonly string[];
}

/** The order the page shows the pages in. */
export const PREVIEW_ORDER = ["cover", "worksheet", "cards-front", "cards-back", "help-card-front", "help-card-back"] as const;

/**
 * The branded pages as PNG images, each as soon as it is drawn: the quick ones first (the cover, the
 * card sheets), the worksheet last. Throws what a build would throw, before the first page.
 */
export async function* previewPages({ toolkit, profile, cards, date, dpi = 40, pages = PREVIEW_ORDER }: PreviewInput): AsyncGenerator<PreviewPage> {
  const { pack } = prepare({ toolkit, profile, only: [...PREVIEW_MATERIALS], cards, date });
  await rememberShaping();
  keepNativeJson();
  // The logo by its hash, the rest of the brand as it is: what the templates are given.
  const brand = { ...pack.brand, logo: pack.brand.logo && { ...pack.brand.logo, png: createHash("sha256").update(pack.brand.logo.png).digest("hex") } };

  // Each material is rendered while the one before it is drawn; pages are handed on in order, each
  // as soon as it and those before it are drawn.
  const drawings: Drawing[] = [];
  async function* ready(all: boolean): AsyncGenerator<PreviewPage> {
    while (drawings.length > 0 && (all || drawings[0]!.done)) yield* await drawings.shift()!.pages;
  }

  if (pages.includes("cover")) {
    const wanted = [{ key: "cover", label: "Pakkens forside", page: 1 }];
    drawings.push(await startPages({ cover: brand, toolkit: pack.toolkit, labels: toolkit.pack, date: date.toISOString() }, wanted, dpi, () => cover(pack, toolkit.pack, date)));
  }

  const quickFirst = [...pack.materials].sort((a, b) => Number(a.kind === "worksheet") - Number(b.kind === "worksheet"));
  const jobs = quickFirst.map((whole) => {
    const branded = wantedPages(whole);
    // A card sheet's (or the help card's) two branded pages are rendered alone (the deck's other
    // pages are not needed for their layout); a worksheet is rendered whole (its pages flow), and its
    // branded page kept. Both branded pages, whichever are drawn: one drawn larger is then only rasterised again.
    const cards = whole.kind === "cards" || whole.kind === "help-card";
    return { material: cards ? onlyPages(whole, branded) : whole, keep: cards ? undefined : branded.map((w) => w.page), branded };
  });
  // Made at the first material not remembered: every preview material rendered for every company
  // (remembered), then the company's parts for all their slots in one render.
  let branding: Promise<{ placeholders: Map<Material, Placeholder>; parts: BrandParts }> | undefined;
  const brandingOf = () =>
    (branding ??= (async () => {
      const placeholders = new Map<Material, Placeholder>();
      for (const { material, keep } of jobs) placeholders.set(material, await placeholderOf(material, pack, date, keep));
      return { placeholders, parts: await partsOf(pack, [...placeholders.values()].flatMap((p) => p.slots)) };
    })());

  for (const { material, branded } of jobs) {
    // Page numbers of the PDF made: the branded pages, in order.
    const wanted = branded.filter((w) => pages.includes(w.key)).map((w) => ({ ...w, page: branded.indexOf(w) + 1 }));
    if (wanted.length === 0) continue;
    const make = async () => {
      const { placeholders, parts } = await brandingOf();
      return stamped(placeholders.get(material)!, parts, pack, material, date);
    };
    drawings.push(await startPages({ material, brand, films: pack.films, date: date.toISOString() }, wanted, dpi, make));
    // After the first material is made: a company name too long for one of its slots (the parts'
    // render) is thrown before any page is handed on.
    yield* ready(false);
  }
  yield* ready(true);
}

/** Every page of the preview, in the order the page shows them. */
export async function preview(input: PreviewInput): Promise<PreviewPage[]> {
  const pages: PreviewPage[] = [];
  for await (const page of previewPages(input)) pages.push(page);
  const order: readonly string[] = PREVIEW_ORDER;
  return pages.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}
