// Fills the toolkit's placeholders ({company}, {hr}, …) from the company profile.
import type { Contact, Profile } from "../schema/profile.js";

/** Printed where the profile leaves a value open: a line to write on by hand. */
export const WRITE_IN = "________________";

export const PLACEHOLDERS = {
  company: "company",
  "counselling.name": "contacts.counselling.name",
  "counselling.phone": "contacts.counselling.phone",
  "counselling.hours": "contacts.counselling.hours",
  psychologist: "contacts.psychologist",
  sickLeaveAdvice: "contacts.sickLeaveAdvice",
  hr: "contacts.hr",
  amr: "contacts.amr",
  tr: "contacts.tr",
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

/** "Navn, tlf. 12 34 56 78, navn@firma.dk" */
export function formatContact(c: Contact): string {
  return [c.name, c.phone && `tlf.\u00A0${c.phone}`, c.email].filter(Boolean).join(", ");
}

/** The profile's value for each placeholder, or undefined where the profile leaves it open. */
export function placeholderValues(profile: Profile): Record<Placeholder, string | undefined> {
  const c = profile.contacts;
  return {
    company: profile.company,
    "counselling.name": c.counselling?.name,
    "counselling.phone": c.counselling?.phone,
    "counselling.hours": c.counselling?.hours,
    psychologist: c.psychologist && formatContact(c.psychologist),
    sickLeaveAdvice: c.sickLeaveAdvice && formatContact(c.sickLeaveAdvice),
    hr: c.hr && formatContact(c.hr),
    amr: c.amr && formatContact(c.amr),
    tr: c.tr && formatContact(c.tr),
  };
}

const PATTERN = /\{([a-zA-Z.]+)\}/g;

export interface Filled {
  text: string;
  /** Profile fields that were open and printed as a write-in line. */
  open: string[];
  /** Placeholders that are not known at all: a content fault. */
  unknown: string[];
}

export function fillPlaceholders(text: string, values: Record<Placeholder, string | undefined>): Filled {
  const open: string[] = [];
  const unknown: string[] = [];
  const filled = text.replace(PATTERN, (whole, name: string, at: number) => {
    if (!(name in PLACEHOLDERS)) {
      unknown.push(whole);
      return whole;
    }
    const value = values[name as Placeholder];
    // A contact of several parts ("Lars Winther, lw@firma.dk") inside a sentence is closed by a
    // comma, as an apposition is: "At Lars Winther, lw@firma.dk, vil arrangere …".
    if (value !== undefined) return value.includes(", ") && /^ \p{Ll}/u.test(text.slice(at + whole.length)) ? `${value},` : value;
    open.push(PLACEHOLDERS[name as Placeholder]);
    return WRITE_IN;
  });
  return { text: filled, open, unknown };
}
