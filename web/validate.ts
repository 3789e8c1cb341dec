// The form checked by the CLI's own schemas (the profile's and the card flags'), as the user types.
import { Profile } from "../src/schema/profile.js";
import { CardCliOptions } from "../src/cards/options.js";
import { danishErrors, type FieldErrors } from "./danish.js";
import { useEffect, useMemo, useState } from "react";
import { toProfile, withoutProblems, type Draft } from "./draft.js";

const CHECK_DELAY_MS = 200;

const FormProfile = Profile.omit({ logo: true });

export function validateDraft(draft: Draft): FieldErrors {
  const profile = FormProfile.safeParse(toProfile(draft));
  const cards = CardCliOptions.strict().safeParse(draft.cards);
  return {
    ...(profile.success ? {} : danishErrors(profile.error)),
    ...(cards.success ? {} : danishErrors(cards.error, "cards.")),
  };
}

/**
 * What only the whole toolkit can check (the help card's fit, the card size, the decks), asked of the
 * server a moment after typing stops, by field path, in Danish. Fields with their own problems are left out.
 */
export function useLiveCheck(draft: Draft, errors: FieldErrors): FieldErrors {
  const [found, setFound] = useState<FieldErrors>({});
  const checked = useMemo(() => withoutProblems(draft, errors), [draft, errors]);
  const checkable = !errors.company && Object.keys(validateDraft(checked)).length === 0;
  const request = JSON.stringify({ profile: toProfile(checked), cards: checked.cards });
  useEffect(() => {
    if (!checkable) return setFound({});
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch("/api/check", { method: "POST", headers: { "content-type": "application/json" }, body: request, signal: abort.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ problems: { path: string; message: string }[] }>) : undefined))
        .then((answer) => {
          if (!answer) return;
          const next: FieldErrors = {};
          for (const p of answer.problems) next[p.path] ??= p.message;
          setFound(next);
        })
        .catch(() => undefined);
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [request, checkable]);
  return found;
}
