// Checks that go beyond the schemas: printable characters, and references between files.
import { problem, WorkshopkitError, type Problem } from "../errors.js";
import type { InspectedProfile, LoadedProfile } from "../load/loadProfile.js";
import { resolve } from "../resolve/resolve.js";
import { PROFILE_LIMITS } from "../schema/profile.js";
import type { CardOptions } from "../cards/options.js";
import { PLACEHOLDERS } from "../resolve/placeholders.js";
import { collectStrings } from "../resolve/mapStrings.js";
import type { Toolkit } from "../schema/toolkit.js";
import type { Profile } from "../schema/profile.js";
import { checkGlyphs } from "./checkGlyphs.js";

function contentFiles(toolkit: Toolkit): [string, unknown][] {
  return [
    ...toolkit.tools.map((t): [string, unknown] => [`content/tools/${t.id}.yaml`, t]),
    ...toolkit.decks.map((d): [string, unknown] => [`content/decks/${d.id}.yaml`, d]),
    ...toolkit.documents.map((d): [string, unknown] => [`content/documents/${d.id}.yaml`, d]),
    ["content/cards/printing.yaml", toolkit.cards.printing],
    ["content/cards/help-card.yaml", toolkit.cards.helpCard],
    ["content/pack.yaml", toolkit.pack],
  ];
}

/** Form fields are named from ids: two blocks of one step with the same id would clash. */
function checkFieldIds(toolkit: Toolkit): Problem[] {
  return toolkit.tools.flatMap((tool) =>
    tool.steps.flatMap((step, s) => {
      const seen = new Map<string, string>();
      const problems: Problem[] = [];
      const visit = (blocks: readonly { type: string; id?: string; blocks?: unknown }[], path: string) =>
        blocks.forEach((block, b) => {
          const at = `${path}[${b}]`;
          if (block.type !== "film" && block.id !== undefined) {
            const first = seen.get(block.id);
            if (first) problems.push(problem("content.duplicateId", { id: block.id, first }, { file: `content/tools/${tool.id}.yaml`, path: `${at}.id` }));
            else seen.set(block.id, at);
          }
          if (Array.isArray(block.blocks)) visit(block.blocks, `${at}.blocks`);
        });
      visit(step.blocks, `steps[${s}].blocks`);
      return problems;
    }),
  );
}

/** Film ids of the profile that the toolkit has no film for. */
function checkFilms(toolkit: Toolkit, label: string, ids: string[]): Problem[] {
  const filmIds = new Set(toolkit.tools.flatMap((t) => t.steps.flatMap((s) => s.blocks.flatMap((b) => (b.type === "film" ? [b.id] : [])))));
  return ids
    .filter((id) => !filmIds.has(id))
    .map((id) => problem("profile.unknownFilm", { id }, { file: label, path: `films.${id}` }));
}

/** Placeholders and deck references of the content (the profile's films are checked apart). */
function checkContentReferences(toolkit: Toolkit): Problem[] {
  const problems: Problem[] = [];
  const deckIds = new Set(toolkit.decks.map((d) => d.id));
  for (const [file, tree] of contentFiles(toolkit)) {
    for (const { path, text } of collectStrings(tree)) {
      for (const [, name] of text.matchAll(/\{([a-zA-Z.]+)\}/g)) {
        if (!(name! in PLACEHOLDERS)) problems.push(problem("content.unknownPlaceholder", { name: name!, known: Object.keys(PLACEHOLDERS).map((p) => `{${p}}`).join(", ") }, { file, path }));
      }
    }
  }
  for (const tool of toolkit.tools) {
    tool.steps.forEach((step, s) =>
      step.blocks.forEach((block, b) => {
        const path = `steps[${s}].blocks[${b}]`;
        if (block.type === "deck" && !deckIds.has(block.deck)) problems.push(problem("content.unknownDeck", { deck: block.deck }, { file: `content/tools/${tool.id}.yaml`, path: `${path}.deck` }));
      }),
    );
  }
  return problems;
}

/**
 * The content's own problems, found once per loaded toolkit: a toolkit is not changed once loaded,
 * and checking every glyph of it took most of a live preview's validate (the server validates the
 * same toolkit for every change the user makes).
 */
const contentChecked = new WeakMap<Toolkit, { glyphs: Problem[]; references: Problem[]; fieldIds: Problem[] }>();
function contentProblems(toolkit: Toolkit) {
  let found = contentChecked.get(toolkit);
  if (!found) {
    found = {
      glyphs: contentFiles(toolkit).flatMap(([file, tree]) => checkGlyphs(file, tree)),
      references: checkContentReferences(toolkit),
      fieldIds: checkFieldIds(toolkit),
    };
    contentChecked.set(toolkit, found);
  }
  return found;
}

export function validate(toolkit: Toolkit, profile: LoadedProfile): void {
  const content = contentProblems(toolkit);
  const problems = [
    ...checkGlyphs(profile.label, { ...profile.profile, logo: undefined, folder: undefined }),
    ...content.glyphs,
    ...content.references,
    ...checkFilms(toolkit, profile.label, Object.keys(profile.profile.films)),
    ...content.fieldIds,
  ];
  if (problems.length > 0) throw WorkshopkitError.listing("text.unprintable", {}, problems);
}

/**
 * Every problem of a profile at once, for `workshopkit validate`: its fields, logo and characters,
 * its film names, and whether its text fits the cards (the layout the build would do).
 */
export function profileProblems(toolkit: Toolkit, inspected: InspectedProfile, cards?: CardOptions): Problem[] {
  // Past the limit of films, their names are not worth a line each: the limit is the problem.
  const films = inspected.filmIds.length <= PROFILE_LIMITS.films ? checkFilms(toolkit, inspected.label, inspected.filmIds) : [];
  const problems = [...inspected.problems, ...films];
  // The layout needs every field valid: the cards' fit is checked once the fields are.
  if (!inspected.fields) return problems;
  return [...problems, ...layoutProblems(toolkit, inspected.label, inspected.fields, cards)];
}

/** What the layout finds (contacts too long for the help card, a card size that does not fit the paper or the decks) as a problem. */
function layoutProblems(toolkit: Toolkit, label: string, profile: Profile, cards?: CardOptions): Problem[] {
  try {
    resolve({ toolkit, profile, cards });
    return [];
  } catch (err) {
    if (!(err instanceof WorkshopkitError)) throw err;
    return [{ code: err.code, params: err.params, file: label, path: err.path, message: [err.message, err.hint].filter(Boolean).join(" ") }];
  }
}

/**
 * The problems of a valid form that only the whole toolkit shows: characters the font lacks, film
 * names, and the layout's fit. Cheap enough to ask while one types (no rendering).
 */
export function draftProblems(toolkit: Toolkit, profile: Profile, cards?: CardOptions): Problem[] {
  const label = "profile";
  const found = [...checkGlyphs(label, { ...profile, logo: undefined, folder: undefined }), ...checkFilms(toolkit, label, Object.keys(profile.films))];
  return found.length > 0 ? found : layoutProblems(toolkit, label, profile, cards);
}
