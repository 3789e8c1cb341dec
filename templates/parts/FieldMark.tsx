// A box that becomes a form field in the finished PDF (see src/fieldMark.ts). A link's default
// blue underline is reset: the box prints as drawn.
import { Link, type Styles } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { fieldMarkUri, type FieldSpec } from "../../src/fieldMark.js";
import { ink } from "../theme.js";

export function FieldMark({ field, style, children }: { field: FieldSpec; style?: Styles[string]; children?: ReactNode }) {
  return (
    <Link src={fieldMarkUri(field)} style={{ color: ink, textDecoration: "none", ...style }}>
      {children}
    </Link>
  );
}
