// The form's state (strings, as typed), kept in the browser so nothing is lost on a reload, and its
// translation to and from a profile as the schema holds it.
import { CONTACTS, type ContactField, type ContactKey } from "./fields.js";

export type ContactDraft = Partial<Record<ContactField, string>>;

export interface LogoRef {
  /** The server's id: the sha256 of the file. */
  id: string;
  /** The file's name as chosen, only for "Gem profil"'s logo line and for showing. */
  name: string;
  src: string;
  suggestion: string | null;
  /** What the CLI would warn about the logo, in Danish. */
  warnings?: string[];
}

export interface Draft {
  company: string;
  colour: string;
  paper: "A4" | "LETTER";
  contacts: Partial<Record<ContactKey, ContactDraft>>;
  films: Record<string, string>;
  cards: { cardSize: string; duplex: string; blankCards: string };
  /** "Til workshoppen": off builds the whole pack. Kept in the browser, not in the profile. */
  workshop: WorkshopDraft;
  logo?: LogoRef;
  /** A logo named by an opened profile, still to be chosen as a file. */
  logoWanted?: string;
  /** Fields of an opened profile the form has no place for; sent on so the schema can judge them. */
  extra?: Record<string, unknown>;
  extraContacts?: Record<string, unknown>;
}

export interface WorkshopDraft {
  on: boolean;
  tools: string[];
  participants: string;
  groups: string;
  /** Counts changed by hand, by material id. */
  copies: Record<string, string>;
}

export const EMPTY_WORKSHOP: WorkshopDraft = { on: false, tools: [], participants: "", groups: "", copies: {} };

export const EMPTY_DRAFT: Draft = {
  company: "",
  colour: "#1F6F8B",
  paper: "A4",
  contacts: {},
  films: {},
  cards: { cardSize: "90x60", duplex: "long", blankCards: "0" },
  workshop: EMPTY_WORKSHOP,
};

const KEY = "workshopkit.draft.v1";

export function loadDraft(): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null") as Draft | null;
    return saved ? { ...EMPTY_DRAFT, ...saved, cards: { ...EMPTY_DRAFT.cards, ...saved.cards }, workshop: { ...EMPTY_WORKSHOP, ...saved.workshop } } : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

export function saveDraft(draft: Draft): void {
  // The logo's picture is large and comes back from the server: only its id and name are kept.
  const { logo, ...rest } = draft;
  localStorage.setItem(KEY, JSON.stringify({ ...rest, logo: logo ? { ...logo, src: "" } : undefined }));
}

const clean = (value: string | undefined) => (value ?? "").trim();

/** The profile the schema is asked about: empty fields left out, as a user leaves lines out of the YAML. */
export function toProfile(draft: Draft): Record<string, unknown> {
  const contacts: Record<string, ContactDraft> = {};
  for (const spec of CONTACTS) {
    const given = (draft.contacts[spec.key] ?? {}) as Record<string, string>;
    const keys = [...spec.fields, ...Object.keys(given).filter((k) => !(spec.fields as string[]).includes(k))];
    const filled = Object.fromEntries(keys.filter((f) => clean(given[f]) !== "").map((f) => [f, clean(given[f])]));
    if (Object.keys(filled).length > 0) contacts[spec.key] = filled;
  }
  const films = Object.fromEntries(Object.entries(draft.films).filter(([, url]) => clean(url) !== "").map(([id, url]) => [id, clean(url)]));
  return { ...draft.extra, company: clean(draft.company), colour: clean(draft.colour), paper: draft.paper, contacts: { ...draft.extraContacts, ...contacts }, films };
}

const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

/**
 * Everything the form holds as the profile file the CLI reads ("Gem profil"): the profile, the logo's
 * file name as chosen (saved beside it, the profile builds), and the card options.
 */
export function toSavedProfile(draft: Draft): Record<string, unknown> {
  const logo = draft.logo?.name ?? draft.logoWanted;
  const blanks = clean(draft.cards.blankCards);
  const cards = { cardSize: clean(draft.cards.cardSize), duplex: clean(draft.cards.duplex), blankCards: /^\d+$/.test(blanks) ? Number(blanks) : blanks };
  return { ...toProfile(draft), ...(logo ? { logo } : {}), cards };
}

/** An opened profile (any shape) into the form; what the form has no field for is kept in `extra`. */
export function fromProfile(raw: unknown, current: Draft): Draft {
  const p = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const { company, logo, colour, paper, contacts, films, cards, ...extra } = p;
  const c0 = (cards && typeof cards === "object" ? cards : {}) as Record<string, unknown>;
  const card = (key: keyof Draft["cards"]) => (c0[key] === undefined ? EMPTY_DRAFT.cards[key] : text(c0[key]));
  const unknownCards = Object.keys(c0).filter((k) => !(k in EMPTY_DRAFT.cards));
  const draftContacts: Draft["contacts"] = {};
  const c = (contacts && typeof contacts === "object" ? contacts : {}) as Record<string, Record<string, unknown>>;
  for (const spec of CONTACTS) {
    const given = c[spec.key];
    if (given && typeof given === "object") draftContacts[spec.key] = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, text(v)]));
  }
  const unknownContacts = Object.fromEntries(Object.entries(c).filter(([k]) => !CONTACTS.some((s) => s.key === k)));
  return {
    ...current,
    company: text(company),
    colour: colour === undefined ? EMPTY_DRAFT.colour : text(colour),
    paper: paper === "LETTER" ? "LETTER" : "A4",
    contacts: draftContacts,
    cards: { cardSize: card("cardSize"), duplex: card("duplex"), blankCards: card("blankCards") },
    films: Object.fromEntries(Object.entries((films && typeof films === "object" ? films : {}) as Record<string, unknown>).map(([k, v]) => [k, text(v)])),
    logo: undefined,
    logoWanted: typeof logo === "string" ? logo : undefined,
    // A key of `cards` the form has no field for goes on, so the schema can name it.
    extra: Object.keys(extra).length > 0 || unknownCards.length > 0 ? { ...extra, ...(unknownCards.length > 0 ? { cards: Object.fromEntries(unknownCards.map((k) => [k, c0[k]])) } : {}) } : undefined,
    extraContacts: Object.keys(unknownContacts).length > 0 ? unknownContacts : undefined,
  };
}

// The chosen logo file itself, kept in IndexedDB (too large for localStorage) so a reload can send it again.
const DB = "workshopkit";

function openDb(): Promise<IDBDatabase> {
  return new Promise((done, fail) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore("files");
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
}

export async function keepLogoFile(file: Blob | undefined): Promise<void> {
  const db = await openDb();
  await new Promise<void>((done, fail) => {
    const tx = db.transaction("files", "readwrite");
    if (file) tx.objectStore("files").put(file, "logo");
    else tx.objectStore("files").delete("logo");
    tx.oncomplete = () => done();
    tx.onerror = () => fail(tx.error);
  });
}

export async function keptLogoFile(): Promise<Blob | undefined> {
  const db = await openDb();
  return new Promise((done) => {
    const request = db.transaction("files").objectStore("files").get("logo");
    request.onsuccess = () => done(request.result as Blob | undefined);
    request.onerror = () => done(undefined);
  });
}

/**
 * The draft without the fields that have problems, for the preview: while one phone number is half
 * typed, the pages still show everything else. (The build itself is only offered for a valid draft.)
 */
export function withoutProblems(draft: Draft, problems: Record<string, string>): Draft {
  const next: Draft = { ...draft, contacts: { ...draft.contacts }, films: { ...draft.films }, cards: { ...draft.cards } };
  for (const path of Object.keys(problems)) {
    const [first, second, third] = path.split(".");
    if (first === "colour") next.colour = EMPTY_DRAFT.colour;
    else if (first === "cards" && second) next.cards = { ...next.cards, [second]: EMPTY_DRAFT.cards[second as keyof Draft["cards"]] };
    else if (first === "films" && second) delete next.films[path.slice("films.".length)];
    else if (first === "contacts" && second) {
      const key = second as ContactKey;
      // A contact without a name cannot stand; any other field can be left out.
      if (!third || third === "name") delete next.contacts[key];
      else next.contacts[key] = { ...next.contacts[key], [third]: "" };
    }
  }
  return next;
}

// The last build's id, so that a reload still offers its downloads while the server keeps them.
const BUILD_KEY = "workshopkit.build.v1";

export const rememberBuild = (id: string) => localStorage.setItem(BUILD_KEY, id);
export const rememberedBuild = () => localStorage.getItem(BUILD_KEY) ?? undefined;
export const forgetBuild = () => localStorage.removeItem(BUILD_KEY);
