// Uploaded logos, kept in memory by the sha256 of their bytes: checked once from their bytes by the
// CLI's own logo loader (never written to disk, never by the browser's file name), then referred to by id.
import sharp from "sharp";
import type { Warning } from "../errors.js";
import { sha256 } from "../finish/manifest.js";
import { inspectLogoBytes, type Logo } from "../load/loadLogo.js";

export interface StoredLogo {
  id: string;
  /** File extension by content (sharp's format): the profile the page saves names the logo `logo.<extension>`. */
  extension: string;
  /** As the loader normalised it (8-bit sRGB PNG): what the preview draws. */
  logo: Logo;
  /** A brand colour taken from the logo, "#RRGGBB", or undefined for a logo in greys only. */
  suggestion?: string;
  /** What the CLI would warn about (too small to print sharp, too faint, fonts in an SVG). */
  warnings: Warning[];
}

const EXTENSIONS: Record<string, string> = { png: "png", jpeg: "jpg", webp: "webp", tiff: "tif", heif: "avif", svg: "svg" };

/** The most common saturated colour of the logo (transparent, white, black and grey pixels ignored). */
export async function suggestColour(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png).resize(64, 64, { fit: "inside" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const buckets = new Map<number, { n: number; r: number; g: number; b: number }>();
  for (let i = 0; i < info.width * info.height * 4; i += 4) {
    const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    if (a < 128 || max - min < 40 || max < 30) continue;
    const key = ((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5);
    const bucket = buckets.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    buckets.set(key, { n: bucket.n + 1, r: bucket.r + r, g: bucket.g + g, b: bucket.b + b });
  }
  const best = [...buckets.values()].sort((x, y) => y.n - x.n)[0];
  if (!best) {
    // A logo in greys: sharp's dominant colour, if it is not near white.
    const { dominant } = await sharp(png).flatten({ background: "#ffffff" }).stats();
    if (Math.min(dominant.r, dominant.g, dominant.b) > 200) return undefined;
    return hex(dominant.r, dominant.g, dominant.b);
  }
  return hex(best.r / best.n, best.g / best.n, best.b / best.n);
}

const hex = (...rgb: number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("").toUpperCase()}`;

export class LogoStore {
  private readonly logos = new Map<string, StoredLogo>();
  /** Uploads being checked, by id: the same bytes sent twice at once are checked once. */
  private readonly checking = new Map<string, Promise<StoredLogo>>();

  constructor(
    /** Logos kept (the oldest goes first): up to 10 MB each as uploaded, so memory stays bounded. */
    private readonly capacity = 20,
  ) {}

  get(id: string): StoredLogo | undefined {
    return this.logos.get(id);
  }

  /** Checks the bytes as `workshopkit build` checks a logo file; throws its WorkshopkitError if they are not a logo. */
  async add(bytes: Buffer): Promise<StoredLogo> {
    const id = sha256(bytes);
    const known = this.logos.get(id) ?? this.checking.get(id);
    if (known) return known;
    const checked = this.check(id, bytes).finally(() => this.checking.delete(id));
    this.checking.set(id, checked);
    return checked;
  }

  private async check(id: string, bytes: Buffer): Promise<StoredLogo> {
    const { logo, format, warnings } = await inspectLogoBytes(bytes, "logo");
    const stored: StoredLogo = { id, extension: EXTENSIONS[format] ?? "png", logo, suggestion: await suggestColour(logo.png), warnings };
    this.logos.set(id, stored);
    while (this.logos.size > this.capacity) this.logos.delete(this.logos.keys().next().value!);
    return stored;
  }
}
