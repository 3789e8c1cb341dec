// Warnings about the brand colour, with the reason, by the same contrast the card templates use.
import { contrast } from "../src/cards/colour.js";

const INK = "#1a1a1a";
const ratio = (n: number) => `${n.toFixed(1).replace(".", ",")}:1`;

export function colourWarnings(colour: string): string[] {
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) return [];
  const warnings: string[] = [];
  const onBacks = contrast("#ffffff", colour);
  if (onBacks < 4.5) {
    warnings.push(`Farven er for lys til hvid tekst på kortenes bagside: kontrasten er ${ratio(onBacks)}, og hvid tekst skal have mindst 4,5:1 for at kunne læses. Bagsidens tekst bliver derfor sort.`);
  }
  const headings = contrast(colour, "#ffffff");
  if (headings < 3) {
    warnings.push(`Farven er for lys til overskrifter på hvidt papir: kontrasten er ${ratio(headings)}, og overskrifter skal have mindst 3:1. Vælg en mørkere farve, så overskrifterne står tydeligt.`);
  }
  const againstText = contrast(colour, INK);
  if (againstText < 1.5) {
    warnings.push(`Farven er så mørk, at overskrifterne ikke skiller sig ud fra den sorte brødtekst (kontrast ${ratio(againstText)}). Vælg en lysere farve, hvis overskrifterne skal ses som farvede.`);
  }
  return warnings;
}
