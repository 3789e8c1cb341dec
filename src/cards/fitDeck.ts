// Fits every card of a deck before rendering: one prompt size and one topic size for the whole deck, or a named failure.
import { WorkshopkitError } from "../errors.js";
import type { Card } from "../schema/content.js";
import type { Face } from "./face.js";
import { TYPE } from "./face.js";
import { breakLines, sizesDown, type Measure } from "./fitText.js";
import { PT_PER_MM } from "./impose.js";

export interface CardFace {
  /** 1-based, as printed. */
  number: number;
  /** Lines as they are set; empty on a blank card. */
  prompt: string[];
  topic: string[];
  blank: boolean;
}

export interface FittedDeck {
  promptSize: number;
  topicSize: number;
  faces: CardFace[];
}

export interface DeckToFit {
  id: string;
  title: string;
  cards: Card[];
}

function cardFailure(deck: DeckToFit, n: number, what: string, face: Face): WorkshopkitError {
  const size = `${+(face.card.width / PT_PER_MM).toFixed(1)} × ${+(face.card.height / PT_PER_MM).toFixed(1)} mm`;
  return WorkshopkitError.of("cards.cardTooLong", { title: deck.title, deck: deck.id, card: n, what, size }, { file: "options", path: "cards.cardSize" });
}

/**
 * Breaks every prompt and topic with the font's metrics. The topic takes the largest size from
 * TYPE.topic.max down to TYPE.topic.min at which every card of the deck fits; words are split
 * (hyphenated) only where a single word is wider than the card.
 */
export function fitDeck(deck: DeckToFit, face: Face, blanks: number, measure: Measure, hyphenate?: (w: string) => string[]): FittedDeck {
  const width = face.text.width;
  // Prompts first: the largest size at which each fits on at most maxLines lines.
  const promptSizes = sizesDown(TYPE.prompt.max, TYPE.prompt.min);
  const promptAt = (size: number) => deck.cards.map((c) => breakLines(c.prompt, width, size, false, measure, { maxLines: TYPE.prompt.maxLines }));
  const promptSize = promptSizes.find((s) => promptAt(s).every(Boolean));
  if (promptSize === undefined) {
    const n = promptAt(TYPE.prompt.min).findIndex((p) => !p) + 1;
    throw cardFailure(deck, n, `the prompt "${deck.cards[n - 1]!.prompt}" (${TYPE.prompt.min} pt, at most ${TYPE.prompt.maxLines} lines)`, face);
  }
  const prompts = promptAt(promptSize) as string[][];
  const promptHeight = (i: number) => prompts[i]!.length * promptSize * TYPE.prompt.lineHeight;

  const topicAt = (size: number, split: boolean) =>
    deck.cards.map((c, i) => {
      const room = face.text.height - promptHeight(i) - face.gap;
      const maxLines = Math.floor(room / (size * TYPE.topic.lineHeight) + 1e-9);
      return maxLines < 1 ? undefined : breakLines(c.topic, width, size, true, measure, { maxLines, hyphenate: split ? hyphenate : undefined });
    });
  let topicSize = sizesDown(TYPE.topic.max, TYPE.topic.min).find((s) => topicAt(s, false).every(Boolean));
  let topics = topicSize === undefined ? undefined : topicAt(topicSize, false);
  if (topicSize === undefined) {
    // Last resort: hyphenate a word that is wider than the card on its own.
    topicSize = TYPE.topic.min;
    topics = topicAt(topicSize, true);
    const n = topics.findIndex((t) => !t) + 1;
    if (n > 0) throw cardFailure(deck, n, `the topic "${deck.cards[n - 1]!.topic}" (${TYPE.topic.min} pt bold, the smallest allowed)`, face);
  }
  const faces: CardFace[] = deck.cards.map((_, i) => ({ number: i + 1, prompt: prompts[i]!, topic: topics![i]!, blank: false }));
  for (let b = 0; b < blanks; b++) faces.push({ number: deck.cards.length + b + 1, prompt: [], topic: [], blank: true });
  return { promptSize, topicSize, faces };
}
