// The one type system of every template: the type scale, the measure of running text, spacing and
// the fixed greys. Points unless named otherwise. A size, leading or gap written anywhere else is a
// second system: take it from here.
import { StyleSheet } from "@react-pdf/renderer";
import { FONT_FAMILY } from "../src/fonts.js";

export const MM = 72 / 25.4;
export const mm = (v: number) => v * MM;

/** Ruled writing lines: 9 mm apart, comfortable for handwriting (at least 8 mm). */
export const LINE_GAP = mm(9);
/**
 * The tightest ruling a material may be given to save a nearly empty last page (templates/parts/fitting.ts):
 * 8 mm and a little, so that a form field measured in whole points still holds 8 mm a line.
 */
export const MIN_LINE_GAP = mm(8.2);

export const ink = "#1a1a1a";
export const grey = "#666666";
export const rule = "#9a9a9a";

/**
 * The type scale, largest first: every text of the pack is set in one of these sizes, with its
 * leading. `number` is a tool's number at its opening; `display` the pack's title on its cover; `title` a material's title; `heading` a step
 * or section; `subheading` a heading inside one; `body` running text; `note` table cells, facts and
 * card prompts; `caption` kickers, labels of small print, running heads and footers.
 */
export const TYPE = {
  number: { fontSize: 40, lineHeight: 1 },
  display: { fontSize: 34, lineHeight: 1.1 },
  title: { fontSize: 22, lineHeight: 1.15 },
  heading: { fontSize: 14, lineHeight: 1.2 },
  subheading: { fontSize: 11.5, lineHeight: 1.25 },
  body: { fontSize: 10.5, lineHeight: 1.35 },
  note: { fontSize: 9.5, lineHeight: 1.35 },
  caption: { fontSize: 8, lineHeight: 1.2 },
} as const;

/** Vertical rhythm: the gaps between blocks. */
export const SPACE = { xs: mm(1), sm: mm(2), md: mm(3), lg: mm(5), xl: mm(8) } as const;

/** The page's margins: generous at the sides, room for the running head and the footer. */
export const MARGIN = { top: mm(22), bottom: mm(20), side: mm(18) } as const;

/**
 * The measure of running text: about 60–75 characters of body type a line (Lato's average advance
 * is 0.43 em). Tables, writing spaces and boxes of them take the page's full width; paragraphs and
 * lists keep to the measure, so a page reads like a booklet, not a letter.
 */
export const MEASURE = mm(107);

export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    ...TYPE.body,
    color: ink,
    paddingTop: MARGIN.top,
    paddingBottom: MARGIN.bottom,
    paddingHorizontal: MARGIN.side,
  },
  h1: { ...TYPE.title, fontWeight: 700, marginBottom: SPACE.md },
  h2: { ...TYPE.heading, fontWeight: 700, marginTop: SPACE.lg, marginBottom: SPACE.sm },
  h3: { ...TYPE.subheading, fontWeight: 700, marginTop: SPACE.md, marginBottom: SPACE.xs },
  // No letter spacing: spaced capitals read back as single letters ("VÆ R K T Ø J") in a PDF's text.
  kicker: { fontSize: 9, lineHeight: 1.2, fontWeight: 700, marginBottom: SPACE.xs },
  paragraph: { marginBottom: SPACE.sm, textAlign: "left" },
  /** Running text keeps to the measure (a form's small print may run the page's width). */
  prose: { maxWidth: MEASURE },
  small: { ...TYPE.caption, color: grey },
  listItem: { flexDirection: "row", marginBottom: SPACE.xs, maxWidth: MEASURE },
  bullet: { width: mm(5) },
  listText: { flex: 1 },
  box: { borderWidth: 0.8, borderRadius: 3, padding: mm(4), marginVertical: SPACE.sm },
  label: { fontWeight: 700, marginBottom: SPACE.xs, maxWidth: MEASURE },
});
