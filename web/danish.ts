// Every message the page shows about a field, in plain Danish, in one place: zod's issues from the
// shared schemas are mapped here by the field they concern and what went wrong.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

const pathOf = (segments: readonly PropertyKey[]) => segments.map(String).join(".");

/** What to write instead, by the last part of the field's path. */
function messageFor(path: string, issue: z.core.$ZodIssue): string {
  const last = path.split(".").at(-1) ?? "";
  const first = path.split(".")[0];
  // What is wrong with any line of text, whatever the field.
  if (issue.code === "custom" && /line break/.test(issue.message)) return "Skriv det på én linje.";
  if (issue.code === "custom" && /control character/.test(issue.message)) return "Feltet indeholder et usynligt tegn, der ikke kan trykkes. Skriv teksten igen.";
  if (first === "films") {
    if (issue.code === "too_big") return `Adressen er for lang til en QR-kode (højst ${String(issue.maximum)} tegn). Brug en kortere adresse.`;
    if (/holds a space/.test(issue.message)) return "Adressen indeholder mellemrum eller bogstaver som æ, ø og å, der ødelægger linket. Kopiér adressen fra browserens adresselinje.";
    return "Skriv en webadresse, der begynder med https://, fx https://www.example.dk/film.";
  }
  if (issue.code === "too_big" && last !== "blankCards") return `Der er plads til højst ${String(issue.maximum)} tegn.`;
  switch (last) {
    case "company":
      return "Skriv virksomhedens navn.";
    case "name":
      return path.includes("counselling") ? "Skriv rådgivningens navn (kontakten skal have et navn, når den har telefon eller e-mail)." : "Skriv et navn (kontakten skal have et navn, når den har telefon eller e-mail).";
    case "phone":
      return "Skriv et telefonnummer som 70 20 30 40 eller +45 70 20 30 40.";
    case "email":
      return "Skriv en e-mailadresse som hr@firma.dk.";
    case "hours":
      return "Skriv åbningstiderne, fx hverdage kl. 8–16.";
    case "colour":
      return "Skriv farven som en hexkode med # og seks tegn, fx #1F6F8B.";
    case "paper":
      return "Vælg A4 eller Letter.";
    case "cardSize":
      return /each side/.test(issue.message) ? "Hver side skal være 40–200 mm." : "Skriv bredde × højde i millimeter, fx 90x60.";
    case "duplex":
      return "Vælg lang kant, kort kant eller ingen bagsider.";
    case "blankCards":
      return "Skriv et helt tal fra 0 til 96.";
    default:
      return `Feltet er ikke gyldigt (${issue.message}).`;
  }
}

/** The first problem of each field, in Danish, by field path (`contacts.hr.phone`, `cards.cardSize`). */
export function danishErrors(error: z.ZodError, prefix = ""): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors[prefix + pathOf([...issue.path, key])] = `Ukendt felt »${key}«. Tjek stavningen, eller fjern det.`;
      continue;
    }
    const path = prefix + pathOf(issue.path);
    errors[path] ??= messageFor(path, issue);
  }
  return errors;
}

/** A message from the server's build (English, from the pipeline) shown on its field with a Danish lead. */
export function buildMessage(message: string): string {
  return `Byggeriet stoppede: ${message}`;
}

/** The CLI's findings about a logo (English, from src/load/loadLogo.ts) in Danish; an unknown one as it is. */
export function logoMessage(message: string): string {
  const small = /is (\d+) × (\d+) pixels.*?that is (\d+) dpi.*?at least (\d+) pixels wide/s.exec(message);
  if (small) return `Logoet er lille (${small[1]} × ${small[2]} pixel): på pakkens forside bliver det ${small[3]} dpi og ser sløret ud. Brug et logo på mindst ${small[4]} pixel i bredden, eller en SVG.`;
  if (/too little contrast/.test(message)) return "Logoet er så lyst, at det næsten ikke ses på hvidt papir. Brug en udgave af logoet til lys baggrund.";
  if (/sets text in/.test(message)) return "SVG-logoets tekst tegnes med skriften Lato og kan derfor se anderledes ud. Lav teksten om til kurver i tegneprogrammet, eller brug en PNG.";
  if (/external image/.test(message)) return "SVG-logoet henviser til et billede uden for filen, og det kommer ikke med. Indlejr billedet i SVG-filen, eller gem logoet som PNG.";
  if (/too large \(over/.test(message)) return "Billedet har for mange pixel. Gør det mindre, fx 2000 pixel bredt, og prøv igen.";
  if (/is empty/.test(message)) return "Filen er tom.";
  if (/not supported|cannot be read as an image/.test(message)) return "Filen er ikke et billede, workshopkit kan læse. Brug PNG, JPEG, WebP, TIFF, AVIF eller SVG.";
  return message;
}

/** A problem the server found (English, from the pipeline's checks) in Danish where it is a known one. */
export function serverMessage(message: string): string {
  const glyph = /cannot print "(.+?)" \((U\+[0-9A-F]+)\)/.exec(message);
  if (glyph) return `Skriften kan ikke trykke tegnet »${glyph[1]}« (${glyph[2]}). Erstat det med andre tegn.`;
  const film = /no film "(.+?)" in the toolkit/.exec(message);
  if (film) return `Værktøjskassen har ingen film, der hedder »${film[1]}«.`;
  if (/does not fit|cannot fit|too long/i.test(message)) return `Teksten er for lang til at passe, hvor den trykkes. Gør den kortere. (${message})`;
  return logoMessage(message);
}

/** A warning of the build (English, from the pipeline) in Danish where it is a known one; `name` names a field. */
export function warningMessage(message: string, name: (path: string) => string): string {
  const open = /^([\w.-]+) is not in the profile: printed as a line to fill in by hand \((.+)\)\.$/.exec(message);
  if (open) return `${name(open[1]!)} er ikke udfyldt: der trykkes en linje, man kan skrive på i hånden (${open[2]}).`;
  return logoMessage(message);
}
