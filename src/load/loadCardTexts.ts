// Loads content/cards/: the print help of the card sheets and the help card's texts.
import path from "node:path";
import { WorkshopkitError } from "../errors.js";
import { CardPrinting, HelpCardText, type CardTexts } from "../schema/cards.js";
import { readDataFile } from "./readDataFile.js";

/** Problems go to `problems`, as for the rest of content/, so all are reported at once. */
export async function loadCardTexts(root: string, problems: WorkshopkitError[]): Promise<CardTexts> {
  const read = async <T>(name: string, load: (file: string, label: string) => Promise<T>): Promise<T | undefined> => {
    try {
      return await load(path.join(root, "cards", name), `content/cards/${name}`);
    } catch (err) {
      if (!(err instanceof WorkshopkitError)) throw err;
      problems.push(err);
      return undefined;
    }
  };
  const printing = await read("printing.yaml", (f, l) => readDataFile(f, CardPrinting, "content file", l));
  const helpCard = await read("help-card.yaml", (f, l) => readDataFile(f, HelpCardText, "content file", l));
  // When either is missing, `problems` says why and loadContent throws before this value is used.
  return { printing: printing!, helpCard: helpCard! };
}
