// "Gem profil": a profile as the commented YAML that `workshopkit build` reads, its comments in Danish
// (the page's language: the person who saves it reads them). Pure: runs in the page.
import { Document, isMap, isScalar, type YAMLMap } from "yaml";

/** The file's opening comment. */
export const PROFILE_HEADER = `Virksomhedsprofil til workshopkit, gemt fra websiden.
Læg den i samme mappe som logofilen. Byg pakken med:  npx workshopkit build --profile <denne fil>
Tjek den med:  npx workshopkit validate <denne fil>
Tekst, der begynder med # eller rummer ": ", skrives i anførselstegn (colour: "#1F6F8B").`;

/** The comment above each key, by its path; the keys are the schema's own (src/schema/profile.ts). */
export const PROFILE_COMMENTS: Record<string, string> = {
  company: "Virksomhedens navn, som det skal stå i materialerne (højst 200 tegn).",
  folder: "Mappen under out/, pakken lægges i. Uden den laves navnet ud fra virksomhedens navn.",
  logo: "Logofilen (PNG, JPEG, WebP, TIFF, AVIF eller SVG) i samme mappe som denne fil.\nUden logo trykkes virksomhedens navn i stedet.",
  colour: "Farven som hexkode i anførselstegn. Bruges til overskrifter, rammer og kortenes bagside;\nalt kan også læses i sort-hvid.",
  paper: "Papiret: A4 eller LETTER (US Letter).",
  contacts: "Kontakterne. Det, der ikke står her, trykkes som en linje, man kan skrive på i hånden.",
  "contacts.hr": "HR / personaleafdelingen.",
  "contacts.amr": "Arbejdsmiljørepræsentant (AMR).",
  "contacts.tr": "Tillidsrepræsentant (TR).",
  "contacts.counselling": "Den rådgivning, I har aftale med (fx gennem pensionsselskabet), med telefon og åbningstider.\nPå hjælpekortet står den som »Anonym psykologisk rådgivning«.",
  "contacts.psychologist": "Hvem der sørger for en ekstern psykolog.",
  "contacts.sickLeaveAdvice": "Hvem en leder spørger til råds før en samtale om sygefravær.",
  films: "Adresser på værktøjskassens film, efter filmens navn (se: npx workshopkit list --films).\nHver trykkes som et link og en QR-kode: højst 300 tegn, uden mellemrum og æøå.",
  cards: "Kortene: størrelse i millimeter (bredde x højde), dobbeltsidet tryk (long: vend på den lange kant,\nshort: på den korte kant, none: ingen bagsider) og tomme kort i hvert kortsæt til gruppens egne spørgsmål.",
};

/** The order keys are written in, as a person reads the file. */
const ORDER = ["company", "folder", "logo", "colour", "paper", "contacts", "films", "cards"];

const comment = (text: string) => text.split("\n").map((l) => ` ${l}`).join("\n");

/** The profile (as the schema holds it, or a draft of one) as commented YAML. */
export function profileYaml(profile: Record<string, unknown>): string {
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  const ordered = Object.fromEntries(Object.entries(profile).sort(([a], [b]) => rank(a) - rank(b)));
  const doc = new Document(ordered);
  doc.commentBefore = comment(PROFILE_HEADER);
  const annotate = (map: unknown, prefix: string) => {
    if (!isMap(map)) return;
    for (const pair of (map as YAMLMap).items) {
      if (!isScalar(pair.key)) continue;
      const path = `${prefix}${String(pair.key.value)}`;
      const hint = PROFILE_COMMENTS[path];
      if (hint) pair.key.commentBefore = comment(hint);
      if (!prefix && pair !== (map as YAMLMap).items[0]) pair.key.spaceBefore = true;
      if (path === "contacts") annotate(pair.value, "contacts.");
    }
  };
  annotate(doc.contents, "");
  return doc.toString({ lineWidth: 0 });
}
