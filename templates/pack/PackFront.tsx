// The front of the complete pack, each a document of its own: the cover (drawn for the company), then
// the contents (drawn once for every company's pack with the same pages, its brand stamped on).
import { Document } from "@react-pdf/renderer";
import type { Brand } from "../../src/model.js";
import type { PackLabels } from "../../src/schema/pack.js";
import type { ToolkitInfo } from "../../src/schema/toolkit.js";
import { Contents, type ContentsEntry, type SeparatePrint } from "./Contents.js";
import { Cover } from "./Cover.js";

export interface CoverProps {
  brand: Brand;
  toolkit: ToolkitInfo;
  labels: PackLabels;
  /** The date as printed, e.g. "23. november 2026". */
  date: string;
}

export interface ContentsProps {
  brand: Brand;
  labels: PackLabels;
  entries: ContentsEntry[];
  /** Materials not in the pack, printed as files of their own. */
  separate?: SeparatePrint[];
}

export function CoverDocument(props: CoverProps) {
  return (
    <Document creator="workshopkit" producer="workshopkit" language="da-DK">
      <Cover {...props} />
    </Document>
  );
}

export function ContentsDocument(props: ContentsProps) {
  return (
    <Document creator="workshopkit" producer="workshopkit" language="da-DK">
      <Contents {...props} />
    </Document>
  );
}
