// Pure: what a material prints that is made from other parts of the content, so that a page
// never promises what it does not hold: the tools' overview of the introduction, the worksheet's
// pointer to the scoring sheet, and a line to write a film's address on where the profile has none.
import type { Block, Document, Tool } from "../schema/content.js";
import type { PackLabels } from "../schema/pack.js";

/** The title of a tool's scoring sheet, as listed in the pack: "Værktøj 1: Scoreskema". */
export function scoringSheetTitle(tool: Tool, labels: PackLabels): string {
  return `Værktøj ${tool.number}: ${labels.scoring.title}`;
}

/**
 * The scoring has one home, the scoring sheet (src/resolve/sheets.ts): the worksheet prints a
 * pointer to it by title in place of each scoring block.
 */
export function worksheetTool(tool: Tool, labels: PackLabels): Tool {
  const pointer: Block = { type: "paragraph", text: `${labels.scoring.worksheetPointer} »${scoringSheetTitle(tool, labels)}«.` };
  return {
    ...tool,
    steps: tool.steps.map((step) => ({ ...step, blocks: step.blocks.map((b) => (b.type === "scoring" ? pointer : b)) })),
  };
}

/** A section's `overview` becomes a table of the tools, first in the section: Værktøj n and title, audience, time, purpose. */
export function withOverview(document: Document, tools: Tool[]): Document {
  return {
    ...document,
    sections: document.sections.map(({ overview, ...section }) => {
      if (!overview) return section;
      const table: Block = {
        type: "table",
        id: overview.id,
        columns: [...overview.columns],
        widths: [3, 3, 2, 3.4],
        rows: tools.map((t) => [`Værktøj ${t.number}\n${t.title}`, t.audience, t.time, t.purpose]),
        lines: 1,
        landscape: false,
      };
      return { ...section, blocks: [table, ...section.blocks] };
    }),
  };
}

/** Every film block inside `value` (a material), wherever it sits. */
function mapFilms<T>(value: T, f: (film: Extract<Block, { type: "film" }>) => Block): T {
  if (Array.isArray(value)) return value.map((v) => mapFilms(v, f)) as T;
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value)) return value;
  const record = value as Record<string, unknown>;
  if (record.type === "film" && typeof record.id === "string" && typeof record.text === "string") return f(record as Extract<Block, { type: "film" }>) as T;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, mapFilms(v, f)])) as T;
}

/**
 * A film the profile gives no address for gets `addressLabel` (printed with a line to write the
 * address on); `open` names each such film as its profile field, `films.<id>`.
 */
export function withFilmAddresses<T>(material: T, films: Record<string, string>, addressLabel: string): { material: T; open: string[] } {
  const open = new Set<string>();
  const out = mapFilms(material, (film) => {
    if (films[film.id]) return film;
    open.add(`films.${film.id}`);
    return { ...film, addressLabel };
  });
  return { material: out, open: [...open] };
}
