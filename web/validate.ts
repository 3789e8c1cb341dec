// The form checked by the CLI's own schemas (the profile's and the card flags'), as the user types.
import { Profile } from "../src/schema/profile.js";
import { CardCliOptions } from "../src/cards/options.js";
import { danishErrors, type FieldErrors } from "./danish.js";
import { toProfile, type Draft } from "./draft.js";

const FormProfile = Profile.omit({ logo: true });

export function validateDraft(draft: Draft): FieldErrors {
  const profile = FormProfile.safeParse(toProfile(draft));
  const cards = CardCliOptions.strict().safeParse(draft.cards);
  return {
    ...(profile.success ? {} : danishErrors(profile.error)),
    ...(cards.success ? {} : danishErrors(cards.error, "cards.")),
  };
}
