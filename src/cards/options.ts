// The card options of a build (card size, duplex edge, blank cards) and their parsing from the CLI.
import { z } from "zod";
import { WorkshopkitError } from "../errors.js";
import { zodProblems } from "../validate/zodProblems.js";

export const DUPLEX_MODES = ["long", "short", "none"] as const;
export type Duplex = (typeof DUPLEX_MODES)[number];

/** Millimetres. */
export interface CardSize {
  width: number;
  height: number;
}

/**
 * 90 × 60 mm, landscape: eight to a sheet (2 × 4) on A4 and on US Letter with room for crop marks
 * inside any printer's margins; bigger than a business card so a 16–22 pt topic reads at arm's
 * length; and with shared cut lines eight cards come free with 3 + 5 straight cuts.
 */
export const DEFAULT_CARD_SIZE: CardSize = { width: 90, height: 60 };

/** Smallest and largest card side the options accept; whether a size fits the paper is checked when laying out. */
export const CARD_SIDE_MM = { min: 40, max: 200 } as const;

export interface CardOptions {
  size: CardSize;
  duplex: Duplex;
  /** Blank cards added to each deck, for the group's own questions. */
  blanks: number;
}

export const DEFAULT_CARD_OPTIONS: CardOptions = { size: DEFAULT_CARD_SIZE, duplex: "long", blanks: 0 };

const given = (input: unknown) => (typeof input === "string" ? `"${input}"` : String(input));

const side = z.number().min(CARD_SIDE_MM.min).max(CARD_SIDE_MM.max);

/** `--card-size 90x60` (also `90×60`, `90 x 60`, `85.5x54`, `90x60mm`, `90mm x 60mm`): width × height in millimetres. */
export const CardSizeOption = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s*mm$/i, "").replace(/^(\S+?)\s*mm(\s*[x×])/i, "$1$2"))
  .pipe(z.string().regex(/^\d+(?:[.,]\d+)?\s*[x×]\s*\d+(?:[.,]\d+)?$/i, {
    error: (iss) => `got ${given(iss.input)}; expected width x height in millimetres, like "90x60"`,
  })
  .transform((s, ctx) => {
    const [width, height] = s.split(/\s*[x×]\s*/i).map((v) => Number(v.replace(",", "."))) as [number, number];
    for (const v of [width, height]) {
      if (!side.safeParse(v).success) {
        ctx.issues.push({ code: "custom", input: s, message: `got "${s}"; each side must be ${CARD_SIDE_MM.min}–${CARD_SIDE_MM.max} mm`, params: { code: "cards.cardSide", min: CARD_SIDE_MM.min, max: CARD_SIDE_MM.max } });
        return z.NEVER;
      }
    }
    return { width, height };
  }));

export const DuplexOption = z.enum(DUPLEX_MODES, {
  error: (iss) => `got ${given(iss.input)}; expected "long" (flip on the long edge), "short" (flip on the short edge) or "none" (no backs)`,
});

const MAX_BLANKS = 96;

export const BlankCardsOption = z
  .string()
  .trim()
  .regex(/^\d+$/, { error: (iss) => `got ${given(iss.input)}; expected a whole number of blank cards, like 4` })
  .refine((s) => Number(s) <= MAX_BLANKS, { error: (iss) => `got ${given(iss.input)}; expected at most ${MAX_BLANKS} blank cards`, params: { code: "cards.blankCardsMax", max: MAX_BLANKS } })
  .transform(Number);

/** The card options as commander hands them over (strings), before parsing. */
export const CardCliOptions = z.object({
  cardSize: CardSizeOption.optional(),
  duplex: DuplexOption.optional(),
  blankCards: BlankCardsOption.optional(),
});

const FLAGS: Record<string, string> = { cardSize: "--card-size", duplex: "--duplex", blankCards: "--blank-cards" };

/** Parses the card flags of `build`; a bad value is a WorkshopkitError naming the flag, what was given and what is expected. */
export function parseCardOptions(raw: { cardSize?: unknown; duplex?: unknown; blankCards?: unknown }): CardOptions {
  const r = CardCliOptions.safeParse({ cardSize: raw.cardSize, duplex: raw.duplex, blankCards: raw.blankCards });
  if (!r.success) {
    const problems = zodProblems("options", r.error, "cards.");
    const lines = problems.map((p) => `  ${FLAGS[p.path.slice("cards.".length)] ?? p.path}: ${p.message}`);
    throw WorkshopkitError.of("options.cards", { lines: lines.join("\n") }, { file: "options", path: "cards" }, problems);
  }
  return {
    size: r.data.cardSize ?? DEFAULT_CARD_OPTIONS.size,
    duplex: r.data.duplex ?? DEFAULT_CARD_OPTIONS.duplex,
    blanks: r.data.blankCards ?? DEFAULT_CARD_OPTIONS.blanks,
  };
}
