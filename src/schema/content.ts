// The toolkit's content model: the one definition of what a file in content/ may hold.
import { z } from "zod";

/** A short editorial note beside a text: what was repaired against the source, and why. */
const note = z.string().min(1).optional();

/** A stable identifier used to name form fields, e.g. `warning-signs` → `v06.step1.warning-signs`. */
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id like "notes" or "warning-signs"');

/**
 * Text as printed. May hold placeholders that the company profile fills in:
 * {company}, {counselling.name}, {counselling.phone}, {counselling.hours},
 * {psychologist}, {sickLeaveAdvice}, {hr}, {amr}, {tr}.
 */
const text = z.string().min(1);

export const Paragraph = z.strictObject({ type: z.literal("paragraph"), text, note });

/** A sub-heading inside a step or section. */
export const Heading = z.strictObject({ type: z.literal("heading"), text, note });

export const List = z.strictObject({
  type: z.literal("list"),
  title: text.optional(),
  style: z.enum(["bullet", "number", "ellipsis"]).default("bullet"),
  items: z.array(text).min(1),
  note,
});

/** A quotation or a list of quotations (e.g. "Jeg har ikke tid"). */
export const Quotes = z.strictObject({
  type: z.literal("quotes"),
  title: text.optional(),
  items: z.array(text).min(1),
  note,
});

/** Space to write by hand (and a multiline form field on screen). */
export const Write = z.strictObject({
  type: z.literal("write"),
  id,
  label: text,
  /** Rough size: the number of ruled lines the source leaves for an answer. */
  lines: z.number().int().min(1).max(30).default(4),
  note,
});

/** A table. A cell that is null is left empty to write in. */
export const Table = z.strictObject({
  type: z.literal("table"),
  id,
  title: text.optional(),
  columns: z.array(text).min(1),
  /** Relative column widths; equal when left out. */
  widths: z.array(z.number().positive()).optional(),
  rows: z.array(z.array(text.nullable())).min(1),
  /** Ruled lines in each empty cell. */
  lines: z.number().int().min(1).max(20).default(3),
  /** Wide tables are laid out on a landscape page. */
  landscape: z.boolean().default(false),
  note,
});

/** Items to tick (a checkbox each). */
export const Checklist = z.strictObject({
  type: z.literal("checklist"),
  id,
  title: text.optional(),
  items: z.array(text).min(1),
  note,
});

/** Statements each answered with one of a few options (a radio group each). */
export const Scale = z.strictObject({
  type: z.literal("scale"),
  id,
  title: text.optional(),
  options: z.array(text).min(2),
  items: z.array(text).min(1),
  note,
});

/** Lists side by side, e.g. psychological, physical and behavioural warning signs. */
export const Columns = z.strictObject({
  type: z.literal("columns"),
  columns: z.array(z.strictObject({ title: text, items: z.array(text).min(1) })).min(2),
  note,
});

/** A step that shows a film; the company profile may give its address (`films.<id>`). */
export const Film = z.strictObject({
  type: z.literal("film"),
  id,
  text,
  /**
   * Not written in content: set when a pack is built where the profile gives no address
   * (content/pack.yaml films.addressLabel), and printed with a line to write the address on.
   */
  addressLabel: text.optional(),
  note,
});

/** A card deck of content/decks/, shown in place (the cut-out sheets are a material of their own). */
export const DeckRef = z.strictObject({ type: z.literal("deck"), deck: id, note });

/** A numbered run-sheet: time, what, how (Værktøj 2). */
export const Agenda = z.strictObject({
  type: z.literal("agenda"),
  columns: z.tuple([text, text, text]),
  rows: z.array(
    z.strictObject({
      time: text,
      what: text,
      how: z.array(z.union([text, z.strictObject({ list: z.array(text).min(1), style: z.enum(["bullet", "number"]).default("number") })])).default([]),
    }),
  ).min(1),
  note,
});

/** The maturity scoring sheet of Værktøj 1. */
export const Scoring = z.strictObject({
  type: z.literal("scoring"),
  id,
  statementHeader: text,
  scoreHeader: text,
  totalLabel: text,
  levels: z.array(
    z.strictObject({ id, name: text, description: text, statements: z.array(text).length(4) }),
  ).length(5),
  bands: z.array(z.strictObject({ min: z.number().int(), max: z.number().int(), label: text })).min(1),
  note,
});

/** Blocks that may stand inside a box. */
export const InnerBlock = z.discriminatedUnion("type", [
  Paragraph, Heading, List, Quotes, Write, Table, Checklist, Scale, Columns, Film, DeckRef, Agenda,
]);

/** A framed box: an example, a case, a help schema, a tip. */
export const Box = z.strictObject({
  type: z.literal("box"),
  title: text.optional(),
  kind: z.enum(["info", "example", "case", "help"]).default("info"),
  blocks: z.array(InnerBlock).min(1),
  note,
});

export const Block = z.discriminatedUnion("type", [
  Paragraph, Heading, List, Quotes, Write, Table, Checklist, Scale, Columns, Film, DeckRef, Agenda, Scoring, Box,
]);

export const Step = z.strictObject({
  id,
  /** Printed as "STEP n"; left out for a section that is not a numbered step. */
  number: z.number().int().positive().optional(),
  title: text,
  blocks: z.array(Block).default([]),
  note,
});

/** One of Værktøj 1–11 (content/tools/vNN.yaml). */
export const Tool = z.strictObject({
  id: z.string().regex(/^v\d\d$/, 'expected an id like "v04"'),
  number: z.number().int().min(1).max(11),
  title: text,
  audience: text,
  purpose: text,
  time: text,
  intro: z.array(Block).default([]),
  /** FORSLAG TIL PROCES: the steps in a line each. */
  process: z.array(text).default([]),
  steps: z.array(Step).min(1),
  note,
});

export const Section = z.strictObject({
  id,
  heading: text,
  /**
   * An overview of the toolkit's tools, made from content/tools when a pack is built: a table
   * (number and title, audience, time, purpose) put first in the section.
   */
  overview: z.strictObject({ id, columns: z.tuple([text, text, text, text]) }).optional(),
  blocks: z.array(Block).min(1),
  note,
});

/** A document laid out as running text: the policy, the guidelines, the manager's guide, the introduction. */
export const Document = z.strictObject({
  id,
  title: text,
  subtitle: text.optional(),
  /** The source this was transcribed from, e.g. "001, bilag til Værktøj 3". */
  source: text,
  sections: z.array(Section).min(1),
  note,
});

export const Card = z.strictObject({ prompt: text, topic: text });

/** A deck of cut-out cards (content/decks/<id>.yaml). */
export const Deck = z.strictObject({
  id,
  tool: z.number().int().min(1).max(11),
  title: text,
  cards: z.array(Card).min(1),
  note,
});

export type Block = z.infer<typeof Block>;
export type InnerBlock = z.infer<typeof InnerBlock>;
export type Step = z.infer<typeof Step>;
export type Tool = z.infer<typeof Tool>;
export type Section = z.infer<typeof Section>;
export type Document = z.infer<typeof Document>;
export type Deck = z.infer<typeof Deck>;
export type Card = z.infer<typeof Card>;
