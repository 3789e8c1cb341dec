// A box that becomes a form field in the finished PDF (see src/fieldMark.ts). A link's default
// blue underline is reset: the box prints as drawn.
// A text field covers only what is inside the box's border and padding: a viewer draws a typed value
// on a white background (so it covers the rules under it), and the box's own lines stay in sight.
import { Link, View, type Styles } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { fieldMarkUri, type FieldSpec } from "../../src/fieldMark.js";
import { ink } from "../theme.js";

const linkStyle = { color: ink, textDecoration: "none" } as const;

export function FieldMark({ field, style, children }: { field: FieldSpec; style?: Styles[string]; children?: ReactNode }) {
  if (field.type !== "text") {
    return (
      <Link src={fieldMarkUri(field)} style={{ ...linkStyle, ...style }}>
        {children}
      </Link>
    );
  }
  return (
    <View style={style}>
      <Link src={fieldMarkUri(field)} style={{ ...linkStyle, flexGrow: 1 }}>
        {children}
      </Link>
    </View>
  );
}
