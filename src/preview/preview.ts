// The web page's live preview: the pages that carry the branding, drawn small, through the same
// stages as a build (validate → resolve → render, fitted → finish), so what the page shows is what
// is printed. It keeps its own cache of page images and never writes the build's cache (src/cache):
// a material made here by a recipe that had drifted from the pipeline's must never reach a pack.
import { createHash } from "node:crypto";
import type { LoadedProfile } from "../load/loadProfile.js";
import type { Material } from "../model.js";
import type { CardOptions } from "../cards/options.js";
import type { Toolkit } from "../schema/toolkit.js";
import { validate } from "../validate/validate.js";
import { resolve } from "../resolve/resolve.js";
import { renderMaterial } from "../render/renderMaterial.js";
import { fitPages } from "../fit/fitPages.js";
import { finishMaterial } from "../finish/finishMaterial.js";
import { completePack } from "../finish/pack.js";
import { rasterisePdf, pageToPng } from "../raster/rasterisePdf.js";

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
 * Page images by a hash of what templates are given (the material, the brand, the films; contacts
 * reach them only through the material's text), so a change of one contact redraws only the help card.
 */
const drawn = new Map<string, PreviewPage[]>();
const CACHE_ENTRIES = 64;

function remember(key: string, pages: PreviewPage[]): PreviewPage[] {
  drawn.delete(key);
  drawn.set(key, pages);
  while (drawn.size > CACHE_ENTRIES) drawn.delete(drawn.keys().next().value!);
  return pages;
}

function keyOf(parts: unknown, logo: LoadedProfile["logo"], dpi: number): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(parts));
  if (logo) hash.update(logo.png);
  hash.update(String(dpi));
  return hash.digest("hex");
}

/** The material's finished PDF, made as build() makes it (src/pipeline.ts: render, fitted; finish). */
async function finished(material: Material, pack: Parameters<typeof renderMaterial>[1], date: Date): Promise<Uint8Array> {
  const rendered = await fitPages(material, (m) => renderMaterial(m, pack, date));
  return (await finishMaterial(material, rendered, pack, date)).bytes;
}

async function draw(bytes: Uint8Array, wanted: Wanted[], dpi: number): Promise<PreviewPage[]> {
  const pages: PreviewPage[] = [];
  let i = 0;
  for await (const image of rasterisePdf(bytes, { dpi, pages: wanted.map((w) => w.page) })) {
    const w = wanted[i++]!;
    pages.push({ key: w.key, label: w.label, png: await pageToPng(image) });
  }
  return pages;
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
  validate(toolkit, profile);
  const pack = resolve({ toolkit, profile: profile.profile, logo: profile.logo, only: [...PREVIEW_MATERIALS], cards });
  const brand = { ...pack.brand, logo: undefined };

  if (pages.includes("cover")) {
    const coverKey = keyOf({ cover: brand, toolkit: pack.toolkit }, pack.brand.logo, dpi);
    yield* drawn.get(coverKey) ??
      remember(coverKey, await draw((await completePack(pack, toolkit.pack, [], date)).bytes, [{ key: "cover", label: "Pakkens forside", page: 1 }], dpi));
  }

  const quickFirst = [...pack.materials].sort((a, b) => Number(a.kind === "worksheet") - Number(b.kind === "worksheet"));
  for (const material of quickFirst) {
    const wanted = wantedPages(material).filter((w) => pages.includes(w.key));
    if (wanted.length === 0) continue;
    const key = keyOf({ material, brand, films: pack.films, date: date.toISOString(), pages: wanted.map((w) => w.key) }, pack.brand.logo, dpi);
    yield* drawn.get(key) ?? remember(key, await draw(await finished(material, pack, date), wanted, dpi));
  }
}

/** Every page of the preview, in the order the page shows them. */
export async function preview(input: PreviewInput): Promise<PreviewPage[]> {
  const pages: PreviewPage[] = [];
  for await (const page of previewPages(input)) pages.push(page);
  const order: readonly string[] = PREVIEW_ORDER;
  return pages.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}
