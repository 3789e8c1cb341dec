// The inside of a card: the safe area, the accent, the text box, the footer. Points, from the card's top-left.
import { mm, type Rect, type Size } from "./impose.js";

/**
 * Type sizes (pt). The topic shrinks from max to min for the whole deck; a topic that does not fit
 * even at min (a long word on a narrow card) steps down on its own card, to floor; then the build fails.
 */
export const TYPE = {
  topic: { max: 22, min: 16, floor: 12, lineHeight: 1.15 },
  prompt: { max: 10, min: 8.5, lineHeight: 1.25, maxLines: 3 },
  /** Deck name and card number. */
  label: 6.5,
  /** Help card: contact lines and resources (labels bold in line, at the same size), and its title. Body never below 8.5 pt. */
  help: { max: 9.5, min: 8.5, lineHeight: 1.2 },
  helpTitle: { max: 12, min: 9, lineHeight: 1.15 },
  /** Help card: the footer line (company name, toolkit title). */
  helpLabel: 7,
} as const;

export interface Face {
  card: Size;
  /** Kept clear of the cut: a cut 1–2 mm off still leaves every word whole. */
  safe: Rect;
  /** The brand-colour bar at the top of the safe area. */
  accent: Rect;
  /** Prompt and topic, centred in it. */
  text: Rect;
  /** Deck name (left) and card number (right). */
  footer: Rect;
  /** Gap between prompt and topic. */
  gap: number;
}

export const SAFE_INSET = mm(5);

export function faceOf(card: Size): Face {
  const safe = { x: SAFE_INSET, y: SAFE_INSET, width: card.width - 2 * SAFE_INSET, height: card.height - 2 * SAFE_INSET };
  const accent = { x: safe.x, y: safe.y, width: mm(12), height: mm(1.2) };
  const footerHeight = TYPE.label * 1.3;
  const footer = { x: safe.x, y: safe.y + safe.height - footerHeight, width: safe.width, height: footerHeight };
  const top = accent.y + accent.height + mm(2);
  const text = { x: safe.x, y: top, width: safe.width, height: footer.y - mm(1.5) - top };
  return { card, safe, accent, text, footer, gap: mm(1.5) };
}

/** The right-hand part of the footer that holds the card number: a fixed box, so that its back can sit exactly behind it. */
export function numberBox(face: Face): Rect {
  const width = mm(12);
  return { x: face.footer.x + face.footer.width - width, y: face.footer.y, width, height: face.footer.height };
}
