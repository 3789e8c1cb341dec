// "Resultater"'s calls to the server (src/serve/results.ts): the round's view, uploads read with
// progress as server-sent events, a row decided, a sheet typed in, the report's files.
import { RefusedError, type Refusal } from "./api.js";
import { toProfile, type Draft } from "./draft.js";

export interface Band {
  min: number;
  max: number;
  label: string;
}

export interface LevelSummary {
  level: string;
  name: string;
  totals: number[];
  counted: number;
  median: number | null;
  band: string | null;
}

export interface RowToCheck {
  key: string;
  sheet: number;
  field: string;
  reason: string;
  where: string;
  crop: string | null;
  /** Where each box is in the picture, as fractions of its width and height. */
  boxes: { option: string; left: number; width: number; top: number; height: number }[] | null;
}

export interface ResultsView {
  db: string;
  minGroup: number;
  rounds: { name: string; created: string; sheets: number }[];
  sheet: { levels: { id: string; name: string; caution: boolean; statements: { field: string; text: string }[] }[]; bands: Band[]; cautionNote: string };
  round: null | {
    name: string;
    exists: boolean;
    sheets: number;
    anonymous: null | { minGroup: number; sheets: number; uncertain: number; notRead: number };
    levels: LevelSummary[];
    history: { name: string; sheets: number; current: boolean; medians: (number | null)[] }[];
    toCheck: RowToCheck[];
    resolved: { key: string; sheet: number; field: string; value: number | null }[];
    typed: number;
    typedSheets: { key: string; sheet: number }[];
  };
}

export type ReadEvent =
  | { type: "queued"; ahead: number }
  | { type: "page"; pages: number; file: string; fileIndex: number; files: number }
  | { type: "done"; sheets: number; added: number; already: number; notes: string[]; warnings: string[] }
  | { type: "failed"; error: string };

export interface RoundRequest {
  draft: Draft;
  round?: string;
  minGroup: number;
}

const body = ({ draft, round, minGroup }: RoundRequest) => ({ profile: toProfile(draft), ...(draft.logo ? { logo: draft.logo.id } : {}), ...(round ? { round } : {}), minGroup });

async function answer<T>(response: Response): Promise<T> {
  const data = (await response.json().catch(() => ({ error: "Serveren svarede ikke som ventet.", problems: [] }))) as T & Partial<Refusal>;
  if (!response.ok) throw new RefusedError({ status: response.status, error: data.error ?? "Ukendt fejl.", problems: data.problems ?? [] });
  return data;
}

const post = async <T,>(url: string, payload: unknown, signal?: AbortSignal) =>
  answer<T>(await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload), signal }));

export const fetchView = (request: RoundRequest, signal?: AbortSignal) => post<ResultsView>("/api/results/view", body(request), signal);

export const resolveRow = (request: RoundRequest, key: string, field: string, value: number | null | "undo") =>
  post<ResultsView>("/api/results/resolve", { ...body(request), key, field, value });

export const addTyped = (request: RoundRequest, answers: Record<string, number | null>) => post<ResultsView>("/api/results/typed", { ...body(request), answers });

export const deleteRound = (request: RoundRequest) => post<ResultsView>("/api/results/round/delete", body(request));

export const deleteTyped = (request: RoundRequest, key: string) => post<ResultsView>("/api/results/typed/delete", { ...body(request), key });

export const makeReport = (request: RoundRequest) => post<{ id: string; files: { name: string; bytes: number }[] }>("/api/results/report", body(request));

/** Sends the files, then follows their reading until it is done (or failed). */
export async function uploadScans(request: RoundRequest, files: File[], onEvent: (event: ReadEvent) => void): Promise<void> {
  const form = new FormData();
  form.append("request", JSON.stringify(body(request)));
  for (const file of files) form.append("files", file, file.name);
  const { id } = await answer<{ id: string }>(await fetch("/api/results/uploads", { method: "POST", body: form }));
  await new Promise<void>((done) => {
    const events = new EventSource(`/api/results/uploads/${id}/events`);
    for (const type of ["queued", "page", "done", "failed"] as const) {
      events.addEventListener(type, (e) => {
        const event = JSON.parse((e as MessageEvent).data) as ReadEvent;
        onEvent(event);
        if (event.type === "done" || event.type === "failed") {
          events.close();
          done();
        }
      });
    }
    events.onerror = () => {
      if (events.readyState === EventSource.CLOSED) return;
      events.close();
      onEvent({ type: "failed", error: "Forbindelsen til serveren blev afbrudt. Send filerne igen; et skema tælles ikke to gange." });
      done();
    };
  });
}
