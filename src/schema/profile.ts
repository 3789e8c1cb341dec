// The company profile: the one definition of what a profile file may hold, and its limits.
import { z } from "zod";
import { FOLDER_PATTERN } from "../slug.js";
import { BlankCardsOption, CardSizeOption, DuplexOption } from "../cards/options.js";

/** Longest value of each kind of field: a name is printed on one line of a card or a page. */
export const PROFILE_LIMITS = { company: 200, name: 200, hours: 100, email: 254, url: 300, films: 50 } as const;

/** C0/C1 control characters and the Unicode line and paragraph separators: never printable. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** A number written where text is expected (`phone: 98765433`, `company: 1881`) is taken as its text. */
const asText = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? String(v) : v);

/** One line of printed text: no line breaks, no control characters, at most `max` characters. */
function line(max: number, what: string) {
  return z.preprocess(
    asText,
    z
      .string()
      .trim()
      .min(1, `expected ${what}`)
      .max(max, { error: (iss) => `is ${String(iss.input).length} characters long; at most ${max} fit where it is printed` })
      .superRefine((v, ctx) => {
        const bad = CONTROL.exec(v);
        if (!bad) return;
        const message = /[\n\r\u2028\u2029]/.test(bad[0])
          ? "holds a line break; write it on one line (a YAML \"|\" or \">\" block makes several lines)"
          : `holds the control character ${codePoint(bad[0])}, which cannot be printed; remove it`;
        ctx.addIssue({ code: "custom", message });
      }),
  );
}

const phone = z.preprocess(
  asText,
  z
    .string()
    .trim()
    .refine(
      (v) => /^\+?[0-9][0-9 ]{6,18}[0-9]$/.test(v) && v.replace(/\D/g, "").length >= 8,
      'expected a phone number like "70 20 30 40" or "+45 70 20 30 40"',
    ),
);

const email = z.email({ message: 'expected an e-mail address like "hr@firma.dk"' }).max(PROFILE_LIMITS.email);

/** A film address is printed as a link and a QR code: it must be a working link as written, short enough to scan. */
const url = z
  .string()
  .trim()
  .max(PROFILE_LIMITS.url, {
    error: (iss) => `is ${String(iss.input).length} characters long; a printed QR code scans reliably up to ${PROFILE_LIMITS.url}; use a shorter address (a link shortener makes one)`,
  })
  .refine((v) => /^[\x21-\x7e]*$/.test(v), {
    message: "holds a space or a letter outside a–z (like æ, ø, å), which breaks the link; copy the address from the browser's address bar, where they are written as %20, %C3%A6 …",
  })
  .pipe(z.url({ protocol: /^https?$/, message: 'expected a web address starting with "https://"' }));

/** A person or office people can turn to. */
export const Contact = z.strictObject({
  name: line(PROFILE_LIMITS.name, "a name"),
  phone: phone.optional(),
  email: email.optional(),
});

export const Profile = z.strictObject({
  /** The company's name as it should be printed. */
  company: line(PROFILE_LIMITS.company, "the company's name"),
  /** The folder under `--out` for this company's packs; by default made from the company's name. */
  folder: z
    .string()
    .trim()
    .regex(FOLDER_PATTERN, 'expected a folder name of lower-case letters a–z, digits and "-", like "nordlys-aps"')
    .optional(),
  /** Logo file, relative to the profile: PNG, JPEG, WebP, TIFF, AVIF or SVG. */
  logo: z.string().trim().min(1, "expected the logo's file name; remove the line to print the company name instead").max(1000).optional(),
  /** Brand colour as a hex code; "1F6F8B" is taken as "#1F6F8B". */
  colour: z
    .preprocess(
      (v) => (typeof v === "string" && /^\s*[0-9a-fA-F]{6}\s*$/.test(v) ? `#${v.trim()}` : v),
      z.string({ error: 'expected a hex colour in quotes, like colour: "#1F6F8B"' }).trim().regex(/^#[0-9a-fA-F]{6}$/, 'expected a hex colour like "#1F6F8B"'),
    )
    .default("#1F6F8B"),
  /** A4 or US Letter; "a4", "Letter" and "US Letter" are understood too. */
  paper: z
    .preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase().replace(/^US[\s-]*/, "") : v),
      z.enum(["A4", "LETTER"], { message: 'expected "A4" or "LETTER"' }),
    )
    .default("A4"),
  contacts: z
    .strictObject({
      /** HR: the people office. */
      hr: Contact.optional(),
      /** Arbejdsmiljørepræsentant (work-environment representative). */
      amr: Contact.optional(),
      /** Tillidsrepræsentant (union representative). */
      tr: Contact.optional(),
      /** The counselling provider the company has an agreement with. */
      counselling: z
        .strictObject({
          name: line(PROFILE_LIMITS.name, "the provider's name"),
          phone: phone.optional(),
          hours: line(PROFILE_LIMITS.hours, 'opening hours like "hverdage kl. 8–16"').optional(),
          email: email.optional(),
        })
        .optional(),
      /** Who arranges an external psychologist. */
      psychologist: Contact.optional(),
      /** Whom a manager asks for advice before a sick-leave conversation. */
      sickLeaveAdvice: Contact.optional(),
    })
    .default({}),
  /** Web addresses of the toolkit's films, by film id (see `workshopkit list --films`). */
  films: z
    .record(z.string().max(100), url)
    .refine((films) => Object.keys(films).length <= PROFILE_LIMITS.films, `expected at most ${PROFILE_LIMITS.films} films`)
    .default({}),
  /** Card sheets, as `build`'s --card-size, --duplex and --blank-cards take them (a flag given wins). */
  cards: z
    .strictObject({
      cardSize: z.preprocess(asText, CardSizeOption).optional(),
      duplex: DuplexOption.optional(),
      blankCards: z.preprocess(asText, BlankCardsOption).optional(),
    })
    .optional(),
});

export type Profile = z.infer<typeof Profile>;
export type Contact = z.infer<typeof Contact>;
