// What the page sends for a preview or a build: the profile as the CLI reads it (the same zod schema),
// the id of an uploaded logo instead of a path, and the card options as the CLI's flags take them.
import { z } from "zod";
import { Profile } from "../schema/profile.js";
import { CardCliOptions, DEFAULT_CARD_OPTIONS, type CardOptions } from "../cards/options.js";
import { PREVIEW_ORDER } from "../preview/preview.js";
import { WorkshopChoice } from "../workshop/choice.js";
import type { LoadedProfile } from "../load/loadProfile.js";
import type { StoredLogo } from "./logos.js";

/** A logo is named by the sha256 of its bytes, as the upload answered it: never by a path. */
export const LogoId = z.string().regex(/^[0-9a-f]{64}$/, "expected the id of an uploaded logo");

/** Ids of materials (`workshopkit list`); resolve refuses unknown ones, this keeps them to a safe shape. */
const MaterialId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "expected a material id like \"v04\"");

export const PackRequest = z.strictObject({
  /** The profile without its logo line: the server names the uploaded logo's file itself. */
  profile: Profile.omit({ logo: true }),
  logo: LogoId.optional(),
  cards: CardCliOptions.strict().default({}),
  only: z.array(MaterialId).max(40).optional(),
  /** A workshop: only what its tools need is built, with a print list (then `only` is not used). */
  workshop: WorkshopChoice.optional(),
});

export type PackRequest = z.infer<typeof PackRequest>;

/** A preview: the pack's request, and optionally one or more of its pages drawn larger. */
export const PreviewRequest = PackRequest.extend({
  pages: z.array(z.enum(PREVIEW_ORDER)).min(1).optional(),
  dpi: z.number().int().min(20).max(150).optional(),
});

/** The card options of a request (parsed by the CLI's own flag schemas), with the CLI's defaults. */
export function cardOptionsOf({ cards }: PackRequest): CardOptions {
  return {
    size: cards.cardSize ?? DEFAULT_CARD_OPTIONS.size,
    duplex: cards.duplex ?? DEFAULT_CARD_OPTIONS.duplex,
    blanks: cards.blankCards ?? DEFAULT_CARD_OPTIONS.blanks,
  };
}

/** The request's profile as the loader gives a profile file's: its fields, and the uploaded logo, decoded, with what was said about it. */
export function profileOf(request: Pick<PackRequest, "profile">, logo: StoredLogo | undefined): LoadedProfile {
  return { label: "profile", profile: { ...request.profile, logo: logo ? `logo.${logo.extension}` : undefined }, logo: logo?.logo, warnings: logo?.warnings ?? [] };
}
