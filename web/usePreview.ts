// The live preview: follows every change a moment after the typing stops, leaves out the fields that
// have problems, cancels an older request, and places each page as the server sends it.
import { useEffect, useMemo, useState } from "react";
import { fetchPreview, RefusedError, type PreviewPage, type Problem } from "./api.js";
import { toProfile, withoutProblems, type Draft } from "./draft.js";
import type { FieldErrors } from "./danish.js";
import { validateDraft } from "./validate.js";
import { EXAMPLE_COMPANY } from "../src/serve/example.js";

const PREVIEW_DELAY_MS = 250;
/** The order of the preview's pages (src/preview/preview.ts sends the quick ones first). */
const PAGE_ORDER = ["cover", "worksheet", "cards-front", "cards-back", "help-card-front", "help-card-back"];

export type PreviewState = "idle" | "loading" | "error" | "waiting" | "example";

export function usePreview(draft: Draft, errors: FieldErrors, on: { onProblems: (problems: Problem[]) => void; onLogoUnknown: () => void }) {
  const [pages, setPages] = useState<PreviewPage[]>([]);
  const [status, setStatus] = useState<{ state: PreviewState; message?: string }>({ state: "idle" });

  const valid = Object.keys(errors).length === 0;
  // Before a name is typed, the pages are shown for an example company: what the pack looks like.
  const example = draft.company.trim() === "";
  const shownDraft = useMemo(() => {
    const kept = valid ? draft : withoutProblems(draft, errors);
    return example ? { ...kept, company: EXAMPLE_COMPANY } : kept;
  }, [draft, errors, valid, example]);
  const previewable = useMemo(() => Object.keys(validateDraft(shownDraft)).length === 0, [shownDraft]);
  // The logo counts once it is on the server again (after a reload it is sent anew with the same id).
  const logoReady = !draft.logo || Boolean(draft.logo.src);
  const previewKey = JSON.stringify([toProfile(shownDraft), shownDraft.cards, shownDraft.logo?.id, logoReady]);

  useEffect(() => {
    if (!previewable) {
      setStatus({ state: "waiting", message: "Ret felterne med fejl for at se siderne." });
      return;
    }
    if (!logoReady) return; // the logo is being sent again after a reload
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setStatus({ state: "loading" });
      // New pages replace old ones as they come; a page this preview has not (backs with "Ingen bagsider") goes at the end.
      const received = new Set<string>();
      const place = (page: PreviewPage) => {
        received.add(page.key);
        setPages((old) => [...old.filter((p) => p.key !== page.key), page].sort((a, b) => PAGE_ORDER.indexOf(a.key) - PAGE_ORDER.indexOf(b.key)));
      };
      fetchPreview(shownDraft, abort.signal, place).then(
        () => {
          setPages((old) => old.filter((p) => received.has(p.key)));
          setStatus(example ? { state: "example", message: `Eksempel: sådan bliver siderne for »${EXAMPLE_COMPANY}«. Skriv virksomhedens navn, så viser de jeres.` } : { state: "idle" });
        },
        (err: unknown) => {
          if (abort.signal.aborted) return;
          if (err instanceof RefusedError && err.refusal.code === "serve.logoUnknown") return on.onLogoUnknown();
          if (err instanceof RefusedError) {
            on.onProblems(err.refusal.problems);
            setStatus({ state: "error", message: err.refusal.problems.length > 0 ? "Siderne kan ikke vises, før de markerede felter er rettet." : err.refusal.error });
          } else setStatus({ state: "error", message: "Forhåndsvisningen kunne ikke hentes." });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [previewKey, previewable]);

  /** One page drawn larger, for a closer look at the logo and colour. */
  const enlarge = async (page: string): Promise<string | undefined> => {
    let src: string | undefined;
    await fetchPreview(shownDraft, new AbortController().signal, (p) => (src = p.src), { page, dpi: 110 });
    return src;
  };

  return { pages, ...status, clear: () => setPages([]), enlarge };
}
