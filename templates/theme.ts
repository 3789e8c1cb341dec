// Sizes, spacing and colours shared by every template. Points unless named otherwise.
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

export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 10.5,
    lineHeight: 1.35,
    color: ink,
    paddingTop: mm(22),
    paddingBottom: mm(20),
    paddingHorizontal: mm(18),
  },
  h1: { fontSize: 22, fontWeight: 700, lineHeight: 1.15, marginBottom: mm(3) },
  h2: { fontSize: 14, fontWeight: 700, lineHeight: 1.2, marginTop: mm(5), marginBottom: mm(2) },
  h3: { fontSize: 11.5, fontWeight: 700, marginTop: mm(3), marginBottom: mm(1) },
  // No letter spacing: spaced capitals read back as single letters ("VÆ R K T Ø J") in a PDF's text.
  kicker: { fontSize: 9, fontWeight: 700, marginBottom: mm(1) },
  paragraph: { marginBottom: mm(2), textAlign: "left" },
  small: { fontSize: 8.5, color: grey },
  listItem: { flexDirection: "row", marginBottom: mm(1) },
  bullet: { width: mm(5) },
  listText: { flex: 1 },
  box: { borderWidth: 1, borderRadius: 3, padding: mm(4), marginVertical: mm(2) },
  label: { fontWeight: 700, marginBottom: mm(1) },
});
