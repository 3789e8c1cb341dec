// Where the company's logo or name goes: a box of fixed size. With the placeholder brand it stays
// empty and is marked with its part key, for the render to record where it is (src/render/layoutText.ts)
// and the brand to be stamped into it; with a real brand it holds the part itself, drawn by the same
// BrandPart that draws the company's parts on their own pages (src/brand/parts.tsx).
import { Image, Text, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import type { Brand } from "../../src/model.js";
import { nameTooLong, tryFitName } from "../../src/brand/fitName.js";
import { partKey, SLOT_PROP, TOO_LONG_PROP, type PartSpec } from "../../src/brand/partKey.js";
import { grey, ink, mm } from "../theme.js";
import { wholeWords } from "./fitWords.js";
import { HelpPanelText } from "../cards/HelpPanelText.js";

/** Where the slot sits; its size is the part's. */
type Placement = Pick<Style, "position" | "top" | "left" | "right" | "bottom" | "marginTop" | "marginBottom" | "marginLeft" | "marginRight" | "alignSelf" | "flexShrink" | "flexGrow">;

/** `fixed`: on every page of a page that runs over (react-pdf's fixed). */
export function BrandSlot({ brand, part, style, fixed }: { brand: Brand; part: PartSpec; style?: Placement; fixed?: boolean }) {
  const box: Style = { ...style, width: part.width, height: part.height, flexShrink: 0, flexGrow: 0 };
  if (brand.placeholder) return <View fixed={fixed} style={box} {...({ [SLOT_PROP]: partKey(part) } as object)} />;
  return (
    <View fixed={fixed} style={box}>
      <BrandPart brand={brand} part={part} />
    </View>
  );
}

/** The widest a logo is drawn in a header: a wide logo should not crowd the page. */
const LOGO_MAX_WIDTH = mm(50);
/** The rule under a name in a mark. */
const UNDERLINE = 1.5;

const WHERE: Record<PartSpec["kind"], string> = {
  mark: "the page header",
  name: "its line (a page footer, a cover's kicker, the help card's footer)",
  back: "the card backs",
  cover: "the card sheets' cover",
  "help-front": "the help card's front",
};

function nameColour(brand: Brand, part: PartSpec): string {
  switch (part.colour) {
    case "ink":
      return ink;
    case "grey":
      return grey;
    case "brand-ink":
      return brand.palette.ink;
    case "on-brand":
      return brand.palette.onBrand;
  }
}

const JUSTIFY = { top: "flex-start", center: "center", bottom: "flex-end" } as const;
const ALIGN = { left: "flex-start", center: "center", right: "flex-end" } as const;

/** The name's lines, fitted to `width` × `height`. */
function NameLines({ brand, part, width, height, colour, underline }: { brand: Brand; part: PartSpec; width: number; height: number; colour: string; underline?: string }) {
  const text = part.upper ? brand.company.toLocaleUpperCase("da-DK") : brand.company;
  const box = { width, height: height - (underline ? UNDERLINE : 0), size: part.size, min: part.min, lineHeight: part.lineHeight, bold: part.bold };
  const fit = tryFitName(text, box);
  if (!fit) return <View {...({ [TOO_LONG_PROP]: nameTooLong(text, box, WHERE[part.kind]) } as object)} />;
  return (
    <View style={{ alignSelf: ALIGN[part.align], alignItems: ALIGN[part.align], maxWidth: width, ...(underline ? { borderBottomWidth: UNDERLINE, borderBottomColor: underline } : {}) }}>
      {fit.lines.map((line, i) => (
        <Text key={i} style={{ fontSize: fit.size, lineHeight: part.lineHeight, fontWeight: part.bold ? 700 : 400, color: colour, textAlign: part.align }} hyphenationCallback={wholeWords}>
          {line}
        </Text>
      ))}
    </View>
  );
}

function Logo({ logo, height, maxWidth }: { logo: NonNullable<Brand["logo"]>; height: number; maxWidth: number }) {
  const width = Math.min((logo.width / logo.height) * height, maxWidth);
  return <Image src={{ data: logo.png, format: "png" }} style={{ width, height: (width * logo.height) / logo.width }} />;
}

/** The part's content, filling a box of exactly the part's size. */
export function BrandPart({ brand, part }: { brand: Brand; part: PartSpec }) {
  const { width, height } = part;
  const frame: Style = { width, height, flexDirection: "column", justifyContent: JUSTIFY[part.valign] };
  switch (part.kind) {
    case "mark":
      // In ink, underlined in the brand colour: a light brand colour (yellow, say) would not read on white.
      return (
        <View style={frame}>
          {brand.logo ? (
            <Logo logo={brand.logo} height={part.logo} maxWidth={Math.min(LOGO_MAX_WIDTH, width)} />
          ) : (
            <NameLines brand={brand} part={part} width={width} height={height} colour={nameColour(brand, part)} underline={brand.palette.brand} />
          )}
        </View>
      );
    case "name":
      return (
        <View style={frame}>
          <NameLines brand={brand} part={part} width={width} height={height} colour={nameColour(brand, part)} />
        </View>
      );
    case "back": {
      // The logo on a white plate (it was made for white paper); the name in what reads on the brand colour.
      const pad = { vertical: mm(2), horizontal: mm(3) };
      return (
        <View style={{ ...frame, alignItems: "center" }}>
          {brand.logo ? (
            <View style={{ backgroundColor: "#ffffff", borderRadius: mm(1.5), paddingVertical: pad.vertical, paddingHorizontal: pad.horizontal }}>
              <Logo logo={brand.logo} height={Math.min(part.logo, height - 2 * pad.vertical)} maxWidth={width - 2 * pad.horizontal} />
            </View>
          ) : (
            <NameLines brand={brand} part={part} width={width} height={height} colour={nameColour(brand, part)} />
          )}
        </View>
      );
    }
    case "help-front":
      // The help card's front text, as resolve fitted it to this box for the company's contacts
      // (renderBrandParts makes sure the brand has it, for a box of this size).
      return <View style={frame}>{brand.helpCardFront && <HelpPanelText panel={brand.helpCardFront.panel} titleColour={brand.palette.ink} />}</View>;
    case "cover": {
      // The logo with the name beside it, small and grey, on the right; without a logo the name is the mark.
      if (!brand.logo) {
        return (
          <View style={frame}>
            <NameLines brand={brand} part={part} width={width} height={height} colour={nameColour(brand, part)} underline={brand.palette.brand} />
          </View>
        );
      }
      const logoWidth = Math.min((brand.logo.width / brand.logo.height) * part.logo, LOGO_MAX_WIDTH);
      const gap = mm(8);
      const side = { ...part, size: 8, min: Math.min(part.min, 8), lineHeight: 1.2, bold: false, align: "right" as const };
      return (
        <View style={{ ...frame, flexDirection: "row", justifyContent: "space-between", alignItems: "center" }}>
          <Logo logo={brand.logo} height={part.logo} maxWidth={logoWidth} />
          <View style={{ width: width - logoWidth - gap }}>
            <NameLines brand={brand} part={side} width={width - logoWidth - gap} height={height} colour={grey} />
          </View>
        </View>
      );
    }
  }
}
