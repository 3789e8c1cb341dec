// What a workshop with each tool prints, and per what: content/workshop.yaml, the one place that says it.
import { z } from "zod";

export const PER = ["participant", "group", "workshop"] as const;
export type Per = (typeof PER)[number];

/** A material a tool's workshop needs, and how many of it. */
export const Need = z.strictObject({
  /** A material id, as `workshopkit list` names it. */
  material: z.string().min(1),
  per: z.enum(PER),
  /** For `participant` and `group`: the facilitator's own copy on top. */
  facilitator: z.boolean().default(true),
  /** Where in the tool the count comes from (for whoever edits the file; not printed). */
  why: z.string().min(1),
});

/** The print list's own words (Danish), around what is computed (src/workshop/words.ts). */
export const PrintListLabels = z.strictObject({
  title: z.string(),
  tools: z.string(),
  people: z.string().includes("{participants}").includes("{groups}"),
  preparedFor: z.string(),
  columns: z.tuple([z.string(), z.string(), z.string(), z.string()]),
  scale: z.string(),
  totals: z.string(),
  sheets: z.string(),
  heavy: z.string(),
});

export const WorkshopNeeds = z.strictObject({
  /** What every workshop needs, whatever its tools (the help card). */
  everyWorkshop: z.array(Need).default([]),
  /** By tool id (`v04`): what a workshop with that tool needs. */
  tools: z.record(z.string().regex(/^v\d\d$/), z.array(Need).min(1)),
  printList: PrintListLabels,
});

export type Need = z.infer<typeof Need>;
export type WorkshopNeeds = z.infer<typeof WorkshopNeeds>;
export type PrintListLabels = z.infer<typeof PrintListLabels>;
