// Warnings about the brand colour, with the reason, from the same contrast rules the templates use
// (src/cards/colour.ts: text on the card backs by textOn, text on white by brandInk).
import { brandInk, contrast, CONTRAST_SMALL, textOn } from "../src/cards/colour.js";

const INK = "#1a1a1a";
const WHITE = "#ffffff";
const ratio = (n: number) => `${(Math.floor(n * 10) / 10).toFixed(1).replace(".", ",")}:1`;
const limit = String(CONTRAST_SMALL).replace(".", ",");

export function colourWarnings(colour: string): string[] {
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) return [];
  const warnings: string[] = [];
  const onBacks = contrast(WHITE, colour);
  if (onBacks < CONTRAST_SMALL) {
    warnings.push(
      textOn(colour) === WHITE
        ? `Hvid tekst på kortenes bagside er svær at læse på denne farve: kontrasten er ${ratio(onBacks)}, og tekst skal have mindst ${limit}:1. Vælg en mørkere farve.`
        : `Farven er for lys til hvid tekst på kortenes bagside: kontrasten er ${ratio(onBacks)}, og tekst skal have mindst ${limit}:1. Bagsidens tekst bliver derfor sort.`,
    );
  }
  const ink = brandInk(colour);
  if (ink !== colour.toLowerCase()) {
    warnings.push(
      `Farven er for lys til overskrifter og tekst på hvidt papir: kontrasten er ${ratio(contrast(colour, WHITE))}, og tekst skal have mindst ${limit}:1. ` +
        `Overskrifterne trykkes derfor i en mørkere nuance, ${ink.toUpperCase()}; streger, bjælker og kortenes bagside beholder farven.`,
    );
  }
  const againstText = contrast(colour, INK);
  if (againstText < 1.5) {
    warnings.push(`Farven er så mørk, at overskrifterne ikke skiller sig ud fra den sorte brødtekst (kontrast ${ratio(againstText)}). Vælg en lysere farve, hvis overskrifterne skal ses som farvede.`);
  }
  return warnings;
}
