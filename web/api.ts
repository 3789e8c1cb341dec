// The page's calls to its server: JSON in, JSON out; every refusal carries a Danish message and fields.
import type { Draft } from "./draft.js";
import { toProfile } from "./draft.js";
import type { MaterialInfo } from "../src/workshop/plan.js";
import type { WorkshopNeeds } from "../src/workshop/needs.js";
import type { WorkshopChoice } from "../src/workshop/choice.js";
import type { ProblemCode } from "../src/problems/en.js";

export interface Problem {
  path: string;
  message: string;
}

export interface Refusal {
  status: number;
  error: string;
  hint?: string;
  problems: Problem[];
  /** The problem's code (src/problems/en.ts), where the server gave one: `serve.logoUnknown` asks the page to upload the logo again. */
  code?: ProblemCode;
}

export interface Info {
  title: string;
  films: { id: string; label: string }[];
  materials: MaterialInfo[];
  maxUploadBytes: number;
  /** "Til workshoppen": the tools with their MÅLGRUPPE, FORMÅL and TID, what each needs, and the decks' cards. */
  tools: { id: string; number: number; title: string; audience: string; purpose: string; time: string }[];
  workshop: WorkshopNeeds;
  deckCards: Record<string, number>;
}

export interface UploadedLogo {
  id: string;
  width: number;
  height: number;
  suggestion: string | null;
  src: string;
  warnings: string[];
}

export interface PreviewPage {
  key: string;
  label: string;
  src: string;
}

export class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.error);
  }
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({ error: "Serveren svarede ikke som ventet.", problems: [] }))) as T & Partial<Refusal>;
  if (!response.ok) throw new RefusedError({ status: response.status, error: body.error ?? "Ukendt fejl.", hint: body.hint, problems: body.problems ?? [], code: body.code });
  return body;
}

export function packRequest(draft: Draft, workshop?: WorkshopChoice) {
  return { profile: toProfile(draft), logo: draft.logo?.id, cards: draft.cards, ...(workshop ? { workshop } : {}) };
}

const postJson = (url: string, body: unknown, signal?: AbortSignal) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });

export const getInfo = async () => answer<Info>(await fetch("/api/info"));

export async function uploadLogo(file: Blob): Promise<UploadedLogo> {
  const form = new FormData();
  form.append("file", file, "logo");
  return answer<UploadedLogo>(await fetch("/api/logo", { method: "POST", body: form }));
}

/** The preview's pages, each handed to `onPage` as soon as the server has drawn it (one JSON line each). */
export async function fetchPreview(draft: Draft, signal: AbortSignal, onPage: (page: PreviewPage) => void, larger?: { page: string; dpi: number }): Promise<void> {
  const response = await postJson("/api/preview", { ...packRequest(draft), ...(larger ? { pages: [larger.page], dpi: larger.dpi } : {}) }, signal);
  if (!response.ok || !response.body) return void (await answer(response));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffered += value ?? "";
    const lines = buffered.split("\n");
    buffered = done ? "" : lines.pop()!;
    for (const line of lines.filter((l) => l.trim())) {
      const item = JSON.parse(line) as PreviewPage & Partial<Refusal>;
      if (item.error !== undefined) throw new RefusedError({ status: 422, error: item.error, hint: item.hint, problems: item.problems ?? [] });
      onPage(item);
    }
    if (done) return;
  }
}

export async function startBuild(draft: Draft, workshop?: WorkshopChoice): Promise<{ id: string; ahead: number }> {
  return answer(await postJson("/api/builds", packRequest(draft, workshop)));
}
