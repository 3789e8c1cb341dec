// What a facilitator chooses for a workshop: its tools, how many take part and in how many groups,
// and any count changed by hand. The same schema checks the CLI's flags, the page and the server.
import { z } from "zod";

export const WORKSHOP_LIMITS = { participants: 500, groups: 100, copies: 999 } as const;

const whole = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `expected a whole number of ${what}, like ${Math.min(max, 12)}` })
    .int(`expected a whole number of ${what}, like ${Math.min(max, 12)}`)
    .min(min, `expected at least ${min} ${what}`)
    .max(max, `expected at most ${max} ${what}`);

export const WorkshopChoice = z
  .strictObject({
    /** Tool ids (`v04`), or all of them when left out. */
    tools: z.array(z.string().regex(/^v\d\d$/, 'expected a tool id like "v04"')).min(1, "choose at least one tool").optional(),
    participants: whole("participants", 1, WORKSHOP_LIMITS.participants),
    groups: whole("groups", 1, WORKSHOP_LIMITS.groups),
    /** Counts changed by hand, by material id (for the help card: cards). */
    copies: z.record(z.string().max(64), whole("copies", 0, WORKSHOP_LIMITS.copies)).optional(),
  })
  .refine((c) => c.groups <= c.participants, { path: ["groups"], message: "expected no more groups than participants" });

export type WorkshopChoice = z.infer<typeof WorkshopChoice>;
