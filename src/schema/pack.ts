// The labels of the complete pack and of the scoring sheet and balkort (content/pack.yaml).
import { z } from "zod";

const label = z.string().min(1);
const note = z.string().min(1).optional();
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id like "passiv"');

export const PackLabels = z.strictObject({
  cover: z.strictObject({ preparedFor: label, version: label }),
  contents: z.strictObject({
    title: label,
    page: label,
    /** Heads the materials printed on their own, on another paper (the A3 poster): not in the pack. */
    separate: label.default("Trykkes for sig, på andet papir"),
  }),
  scoring: z.strictObject({
    title: label,
    bandsTitle: label,
    bandsNote: label,
    note,
    /** Levels of Værktøj 1 where a high score is not good news. */
    cautionLevels: z.array(id).default([]),
    cautionNote: label,
    profileTitle: label,
    profileNote: label,
    score: label,
    band: label,
    /** The worksheet of the tool points to the scoring sheet with this, followed by the sheet's title. */
    worksheetPointer: label,
  }),
  /** A film the profile gives no address for: this label and a line to write the address on. */
  films: z.strictObject({ addressLabel: label, note }),
  /** The run-sheet on the cover of a deck whose tool has no agenda of its own (Værktøj 9): made from its steps. */
  runSheet: z.strictObject({ title: label, columns: z.tuple([label, label, label]), note }),
  balkort: z.strictObject({
    /** The tool and step printed as the balkort sheet and poster. */
    tool: z.string().regex(/^v\d\d$/, 'expected a tool id like "v11"'),
    step: id,
    title: label,
    posterTitle: label,
  }),
});

export type PackLabels = z.infer<typeof PackLabels>;
