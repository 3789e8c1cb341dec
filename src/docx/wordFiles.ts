// The company's own documents as Word files beside their PDFs: the policy, the stress guidelines and
// the manager's guide, for HR to adapt. Pure: the resolved pack in, the files and warnings out.
import type { Warning } from "../errors.js";
import type { ResolvedPack } from "../model.js";
import { listMaterials } from "../resolve/listMaterials.js";
import type { Toolkit } from "../schema/toolkit.js";
import type { OutputFile } from "../write/writePack.js";
import type { DocumentMaterial } from "./wordDocument.js";
import { markWriteIns } from "./writeIns.js";

/** The materials that get a Word file too: the texts a company makes its own. */
export const WORD_MATERIALS = ["policy", "stress-guidelines", "manager-guide"];

export interface WordFiles {
  files: (OutputFile & { title: string })[];
  warnings: Warning[];
}

/** A Word file for each of WORD_MATERIALS in `pack` (all of them, or those --only chose). */
export async function wordFiles(pack: ResolvedPack, toolkit: Toolkit, date: Date): Promise<WordFiles> {
  const chosen = pack.materials.filter((m): m is DocumentMaterial => m.kind === "document" && WORD_MATERIALS.includes(m.id));
  if (chosen.length === 0) return { files: [], warnings: [] };
  const { wordDocument } = await import("./wordDocument.js"); // the docx package, loaded only for a build that has these
  const profile = { company: pack.brand.company, colour: pack.brand.colour, paper: pack.brand.paper, contacts: pack.contacts, films: pack.films };
  const sources = listMaterials(toolkit);
  const files: WordFiles["files"] = [];
  const open = new Set<string>();
  for (const material of chosen) {
    const source = sources.find((m): m is DocumentMaterial => m.kind === "document" && m.id === material.id)!;
    const marked = markWriteIns(material.document, source.document, profile);
    const name = `${material.id}.docx`;
    for (const field of marked.open) open.add(field);
    files.push({ name, title: `${material.title} (Word)`, bytes: await wordDocument({ material: { ...material, document: marked.marked }, brand: pack.brand, toolkit: pack.toolkit.title, date }) });
  }
  // The fields are each listed already (resolve's warnings, for the PDFs): one line says what the Word files do with them.
  const warnings = open.size === 0 ? [] : [{ message: `In the Word files (${files.map((f) => f.name).join(", ")}), ${[...open].join(", ")} ${open.size === 1 ? "is a highlighted write-in" : "are highlighted write-ins"} saying what belongs there: fill ${open.size === 1 ? "it" : "them"} in in Word, or add ${open.size === 1 ? "it" : "them"} to the profile.` }];
  return { files, warnings };
}
