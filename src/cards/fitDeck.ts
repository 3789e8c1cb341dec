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
  /** The topic's size where it is smaller than the deck's (a long word on a narrow card). */
  topicSize?: number;
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
  return new WorkshopkitError(
    `Deck "${deck.title}" (content/decks/${deck.id}.yaml), card ${n}: ${what} does not fit a ${size} card.`,
    `Choose a larger --card-size (the default is 90x60) or shorten the text in content/decks/${deck.id}.yaml.`,
  );
}

/**
 * Breaks every prompt and topic with the font's metrics. The topic takes the largest size from
 * TYPE.topic.max down to TYPE.topic.min at which every card of the deck fits; a topic that does not
 * fit at min steps down on its own card, to TYPE.topic.floor. A topic is broken between words only,
 * never hyphenated: "KOMMUNIKATION?" is set smaller on a 63 mm card, not split.
 */
export function fitDeck(deck: DeckToFit, face: Face, blanks: number, measure: Measure): FittedDeck {
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

  const topicOf = (i: number, size: number) => {
    const room = face.text.height - promptHeight(i) - face.gap;
    const maxLines = Math.floor(room / (size * TYPE.topic.lineHeight) + 1e-9);
    return maxLines < 1 ? undefined : breakLines(deck.cards[i]!.topic, width, size, true, measure, { maxLines });
  };
  const topicSize = sizesDown(TYPE.topic.max, TYPE.topic.min).find((s) => deck.cards.every((_, i) => topicOf(i, s))) ?? TYPE.topic.min;
  const faces: CardFace[] = deck.cards.map((_, i) => {
    const atDeck = topicOf(i, topicSize);
    if (atDeck) return { number: i + 1, prompt: prompts[i]!, topic: atDeck, blank: false };
    for (const size of sizesDown(TYPE.topic.min - 0.5, TYPE.topic.floor)) {
      const topic = topicOf(i, size);
      if (topic) return { number: i + 1, prompt: prompts[i]!, topic, topicSize: size, blank: false };
    }
    throw cardFailure(deck, i + 1, `the topic "${deck.cards[i]!.topic}" (${TYPE.topic.floor} pt bold, the smallest allowed)`, face);
  });
  for (let b = 0; b < blanks; b++) faces.push({ number: deck.cards.length + b + 1, prompt: [], topic: [], blank: true });
  return { promptSize, topicSize, faces };
}
