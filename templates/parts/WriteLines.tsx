// Writing space drawn as page content, so it prints with or without the form fields over it.
// Lato has no ☐ or ○: boxes and rings are drawn with Views.
import { View } from "@react-pdf/renderer";
import { LINE_GAP, mm, rule } from "../theme.js";

/** Pen-sized tick boxes and answer rings: 4.5 mm, easy to hit with a pen and a mouse. */
const MARK_SIZE = mm(4.5);
const MARK_INK = "#333333";

/** `lines` ruled lines `gap` apart (LINE_GAP, 9 mm, unless a fitted material asks for less). */
export function WriteLines({ lines, gap = LINE_GAP }: { lines: number; gap?: number }) {
  return (
    <View>
      {Array.from({ length: lines }, (_, i) => (
        <View key={i} style={{ height: gap, borderBottomWidth: 0.6, borderBottomColor: rule }} />
      ))}
    </View>
  );
}

/** The look of an empty square to tick; spread into a FieldMark's style. */
export const tickBoxStyle = { width: MARK_SIZE, height: MARK_SIZE, borderWidth: 0.9, borderColor: MARK_INK } as const;

/** The look of an empty ring for one answer of several; spread into a FieldMark's style. */
export const ringStyle = { ...tickBoxStyle, borderRadius: MARK_SIZE / 2 } as const;
