// The front of the complete pack: the cover, then the contents.
import { Document } from "@react-pdf/renderer";
import type { Brand } from "../../src/model.js";
import type { PackLabels } from "../../src/schema/pack.js";
import type { ToolkitInfo } from "../../src/schema/toolkit.js";
import { Contents, type ContentsEntry, type SeparatePrint } from "./Contents.js";
import { Cover } from "./Cover.js";

export interface PackFrontProps {
  brand: Brand;
  toolkit: ToolkitInfo;
  labels: PackLabels;
  /** The date as printed, e.g. "23. november 2026". */
  date: string;
  entries: ContentsEntry[];
  /** Materials not in the pack, printed as files of their own. */
  separate?: SeparatePrint[];
}

export function PackFront(props: PackFrontProps) {
  return (
    <Document creator="workshopkit" producer="workshopkit" language="da-DK">
      <Cover brand={props.brand} toolkit={props.toolkit} labels={props.labels} date={props.date} />
      <Contents brand={props.brand} labels={props.labels} entries={props.entries} separate={props.separate} />
    </Document>
  );
}
