// The company profile: the one definition of what a profile file may hold.
import { z } from "zod";

const phone = z
  .string()
  .trim()
  .refine(
    (v) => /^\+?[0-9][0-9 ]{6,18}[0-9]$/.test(v) && v.replace(/\D/g, "").length >= 8,
    'expected a phone number like "70 20 30 40" or "+45 70 20 30 40"',
  );

const email = z.email({ message: 'expected an e-mail address like "hr@firma.dk"' });

const url = z.url({ protocol: /^https?$/, message: 'expected a web address starting with "https://"' });

/** A person or office people can turn to. */
export const Contact = z.strictObject({
  name: z.string().trim().min(1, "expected a name"),
  phone: phone.optional(),
  email: email.optional(),
});

export const Profile = z.strictObject({
  /** The company's name as it should be printed. */
  company: z.string().trim().min(1, "expected the company's name"),
  /** Logo file, relative to the profile: PNG, JPEG, WebP, TIFF, AVIF or SVG. */
  logo: z.string().trim().min(1).optional(),
  /** Brand colour as a hex code. */
  colour: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'expected a hex colour like "#1F6F8B"')
    .default("#1F6F8B"),
  paper: z.enum(["A4", "LETTER"], { message: 'expected "A4" or "LETTER"' }).default("A4"),
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
          name: z.string().trim().min(1, "expected the provider's name"),
          phone: phone.optional(),
          hours: z.string().trim().min(1).optional(),
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
  films: z.record(z.string(), url).default({}),
});

export type Profile = z.infer<typeof Profile>;
export type Contact = z.infer<typeof Contact>;
