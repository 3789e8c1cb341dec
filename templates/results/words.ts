// The report's Danish words for why a row is in doubt and why a page was not read: shared by
// results.pdf and the web page's "Resultater", so both say the same.
import type { NoteCode, PageNote, SheetWarning } from "../../src/results/schema.js";
import { danish } from "../../src/problems/da.js";
import type { ParamsOf } from "../../src/problems/en.js";

export const DOUBT: Record<string, string> = {
  "no mark": "Intet kryds",
  "more than one mark": "Mere end ét kryds",
  "a faint mark": "Svagt kryds – usikkert",
  "boxes not found": "Rækkens felter blev ikke fundet",
  "a stain on the row": "Plet på papiret – tjek i hånden",
  "not answered": "Ikke udfyldt",
};

/** Why a page was not read, in Danish; a file's own problem keeps workshopkit's English reason beside it. */
export const NOTE: Record<NoteCode, string> = {
  "not-a-sheet": "ikke en side fra scoreskemaet (ingen sidekode)",
  "other-material": "en side fra et andet materiale",
  "no-statements": "en side af scoreskemaet uden udsagn",
  "empty-form": "et skema uden svar udfyldt på skærmen",
  "other-version": "trykt fra en anden version af indholdet; læs det med den version, der trykte det",
  "other-profile": "trykt fra en anden profil; læs det med den profil, der trykte det",
  "no-code": "sidekoden kunne ikke læses (en utydelig scanning?); scan siden igen ved 200 dpi",
  registration: "hjørnemærkerne kunne ikke findes (beskåret eller dækket?); scan siden igen",
  boxes: "felterne sidder ikke, hvor skemaet trykker dem (trykt fra en anden profil eller ikke i 100 %?)",
  duplicate: "den samme scanning som et skema, der allerede er talt med",
  file: "filen kunne ikke læses",
};

/** Why a page was not read, in Danish: its coded problem where it has one (what to do included), else its kind. */
export function noteInDanish(n: PageNote): string {
  if (n.problem) return danish(n.problem.code, n.problem.params as ParamsOf<typeof n.problem.code>);
  return `${NOTE[n.code].charAt(0).toUpperCase()}${NOTE[n.code].slice(1)}.`;
}

/** A warning about how pages were joined into sheets, in Danish. */
export const warningInDanish = (w: SheetWarning) => danish(w.code, w.params as ParamsOf<typeof w.code>);
