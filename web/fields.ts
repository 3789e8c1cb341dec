// The form's fields in Danish: labels, the hints of the commented profile (`workshopkit init`) and examples.
// The schema (src/schema/profile.ts) decides what is valid; this file only says it to people.

export type ContactKey = "hr" | "amr" | "tr" | "counselling" | "psychologist" | "sickLeaveAdvice";
export type ContactField = "name" | "phone" | "email" | "hours";

export interface ContactSpec {
  key: ContactKey;
  title: string;
  hint: string;
  fields: ContactField[];
  examples: Partial<Record<ContactField, string>>;
}

export const CONTACTS: ContactSpec[] = [
  { key: "hr", title: "HR / personaleafdelingen", hint: "Personaleafdelingen, som medarbejderne kan kontakte.", fields: ["name", "phone", "email"], examples: { name: "Personaleafdelingen", phone: "12 34 56 78", email: "hr@firma.dk" } },
  { key: "amr", title: "Arbejdsmiljørepræsentant (AMR)", hint: "Jeres arbejdsmiljørepræsentant.", fields: ["name", "phone", "email"], examples: { name: "Navn Navnesen", phone: "12 34 56 79" } },
  { key: "tr", title: "Tillidsrepræsentant (TR)", hint: "Jeres tillidsrepræsentant.", fields: ["name", "phone", "email"], examples: { name: "Navn Navnesen" } },
  { key: "counselling", title: "Anonym psykologisk rådgivning", hint: "Den rådgivning, I har aftale med (fx gennem pensionsselskabet eller sundhedsforsikringen). Sådan står den på hjælpekortet.", fields: ["name", "phone", "hours", "email"], examples: { name: "Rådgivningsfirmaet", phone: "70 00 00 00", hours: "hverdage kl. 8–16" } },
  { key: "psychologist", title: "Ekstern psykolog", hint: "Hvem der sørger for en ekstern psykolog.", fields: ["name", "phone", "email"], examples: { name: "HR" } },
  { key: "sickLeaveAdvice", title: "Råd før en sygefraværssamtale", hint: "Hvem en leder spørger til råds før en samtale om sygefravær.", fields: ["name", "phone", "email"], examples: { name: "HR" } },
];

export const FIELD_LABELS: Record<ContactField, string> = { name: "Navn", phone: "Telefon", email: "E-mail", hours: "Åbningstider" };

export const HINTS = {
  company: "Virksomhedens navn, som det skal stå i materialerne.",
  logo: "PNG, JPEG, WebP, TIFF, AVIF eller SVG, højst 10 MB. Uden logo trykkes virksomhedens navn i stedet.",
  colour: "Bruges til overskrifter, rammer og kortenes bagside. Alt kan også læses i sort-hvid.",
  paper: "Papirstørrelsen, materialerne trykkes på.",
  contacts: "Udfyld dem, I har. Det, I ikke udfylder, trykkes som en linje, man kan skrive på i hånden.",
  films: "Adresser på værktøjskassens film. Hver adresse trykkes som et link og en QR-kode.",
  cardSize: "Bredde × højde i millimeter, fx 90x60, som giver otte kort på et ark.",
  duplex: "Hvordan jeres printer vender arket, når den printer på begge sider.",
  blankCards: "Tomme kort i hvert kortsæt til gruppens egne spørgsmål.",
};

/** Field paths of the profile and the cards in Danish, for messages that name a field. */
export function fieldName(path: string): string {
  const [first, second, third] = path.split(".");
  if (first === "contacts" && second) {
    const contact = CONTACTS.find((c) => c.key === second);
    const field = third ? FIELD_LABELS[third as ContactField] ?? third : undefined;
    return [contact?.title ?? second, field].filter(Boolean).join(" › ");
  }
  if (first === "films") return `Film › ${second ?? ""}`;
  const names: Record<string, string> = { company: "Virksomhedens navn", logo: "Logo", colour: "Farve", paper: "Papir", cards: "Kort", cardSize: "Kortstørrelse", duplex: "Dobbeltsidet tryk", blankCards: "Tomme kort" };
  return names[second ?? ""] ?? names[first ?? ""] ?? path;
}
