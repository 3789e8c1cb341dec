// "Resultater": read the filled scoring sheets (Værktøj 1) back into a named round, kept beside the
// earlier ones: upload scans and PDFs filled on screen (dropped or chosen, many at once, with progress),
// see the group's profile, check the uncertain rows by hand, type a sheet in, download the report.
// The sheets are read with the profile of »Pakken«: the one they were printed from.
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import { RoundName } from "../src/results/schema.js";
import { RefusedError } from "./api.js";
import { danishErrors } from "./danish.js";
import type { Draft } from "./draft.js";
import { addTyped, deleteRound, deleteTyped, fetchView, makeReport, resolveRow, uploadScans, type ReadEvent, type ResultsView, type RoundRequest, type RowToCheck } from "./ResultsApi.js";
import { number, ProfileChart } from "./ResultsChart.js";
import { CheckRows } from "./ResultsCheck.js";
import { TypeSheet } from "./ResultsTyping.js";

const KEPT = "workshopkit.results";
const ACCEPT = ".pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff";

function kept(): { round?: string; minGroup: number } {
  try {
    const v = JSON.parse(localStorage.getItem(KEPT) ?? "{}") as { round?: string; minGroup?: number };
    return { round: typeof v.round === "string" ? v.round : undefined, minGroup: Number.isInteger(v.minGroup) && v.minGroup! >= 1 ? v.minGroup! : 5 };
  } catch {
    return { minGroup: 5 };
  }
}

/** The round name's rule (the CLI's own schema), in Danish from its problem's code, as the server says it. */
function roundNameError(name: string): string | undefined {
  const parsed = RoundName.safeParse(name);
  return parsed.success ? undefined : danishErrors(parsed.error, "round").round;
}

type Upload =
  | { state: "idle" }
  | { state: "sending"; files: number }
  | { state: "reading"; pages: number; file: string; fileIndex: number; files: number; ahead?: number }
  | { state: "done"; sheets: number; added: number; already: number; notes: string[]; warnings: string[] }
  | { state: "failed"; error: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const date = (iso: string) => new Date(iso).toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });

export function ResultsPanel({ draft, profileErrors }: { draft: Draft; profileErrors: Record<string, string> }) {
  const [{ round: keptRound, minGroup: keptMin }] = useState(kept);
  const [name, setName] = useState(keptRound ?? "");
  const [round, setRound] = useState<string | undefined>(keptRound);
  const [nameError, setNameError] = useState<string>();
  const [minGroup, setMinGroup] = useState(String(keptMin));
  const [view, setView] = useState<ResultsView>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const [report, setReport] = useState<{ id: string; files: { name: string; bytes: number }[] }>();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Where the keyboard's focus goes once the page shows what an action changed (the button pressed may be gone). */
  const focusNext = useRef<string | undefined>(undefined);

  const min = /^\d{1,4}$/.test(minGroup) && Number(minGroup) >= 1 ? Number(minGroup) : undefined;
  const company = draft.company.trim();
  const profileBroken = !company || Object.keys(profileErrors).length > 0;
  const request: RoundRequest = { draft, round, minGroup: min ?? 5 };

  useEffect(() => localStorage.setItem(KEPT, JSON.stringify({ round, minGroup: min ?? 5 })), [round, min]);

  const refresh = useCallback(async (signal?: AbortSignal) => {
    try {
      setView(await fetchView(request, signal));
      setError(undefined);
    } catch (err) {
      if ((err as Error).name === "AbortError") return;
      // A name the server refuses (a character the report cannot print) is told on the name's field.
      const onName = err instanceof RefusedError ? err.refusal.problems.find((p) => p.path === "round") : undefined;
      if (onName) {
        setNameError(onName.message);
        setRound(undefined);
        return;
      }
      setError(err instanceof RefusedError ? err.refusal.error : "Serveren svarer ikke.");
    }
  }, [JSON.stringify(request)]);

  useEffect(() => {
    if (profileBroken) return;
    const abort = new AbortController();
    const timer = setTimeout(() => void refresh(abort.signal), 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [refresh, profileBroken]);

  useEffect(() => {
    if (busy || !focusNext.current) return;
    const target = focusNext.current === "next-row" ? (document.querySelector<HTMLElement>(".check-row button") ?? document.getElementById("check-title")) : document.querySelector<HTMLElement>(focusNext.current);
    focusNext.current = undefined;
    target?.focus();
  }, [view, busy, report]);

  // Any change to the round makes the report's files out of date.
  const changed = (next: ResultsView) => {
    setView(next);
    setReport(undefined);
  };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setError(undefined);
    } catch (err) {
      setError(err instanceof RefusedError ? err.refusal.error : "Serveren svarer ikke.");
    } finally {
      setBusy(false);
    }
  };

  const openRound = (value: string) => {
    const problem = roundNameError(value);
    setNameError(problem);
    if (problem) return;
    setName(value.trim());
    setRound(value.trim());
    setUpload({ state: "idle" });
    setReport(undefined);
  };

  const send = (files: File[]) => {
    if (!round || files.length === 0 || upload.state === "sending" || upload.state === "reading") return;
    setReport(undefined);
    setUpload({ state: "sending", files: files.length });
    void (async () => {
      try {
        await uploadScans(request, files, (e: ReadEvent) => {
          if (e.type === "queued") setUpload({ state: "reading", pages: 0, file: "", fileIndex: 0, files: files.length, ahead: e.ahead });
          if (e.type === "page") setUpload({ state: "reading", pages: e.pages, file: e.file, fileIndex: e.fileIndex, files: e.files });
          if (e.type === "done") setUpload({ state: "done", sheets: e.sheets, added: e.added, already: e.already, notes: e.notes, warnings: e.warnings });
          if (e.type === "failed") setUpload({ state: "failed", error: e.error });
        });
      } catch (err) {
        setUpload({ state: "failed", error: err instanceof RefusedError ? err.refusal.error : "Filerne kunne ikke sendes." });
      }
      await refresh();
    })();
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    send([...e.dataTransfer.files]);
  };

  const resolve = (row: RowToCheck, value: number | null) =>
    act(async () => {
      changed(await resolveRow(request, row.key, row.field, value));
      // Focus stays in the list: on the next row to check, or its heading when none is left.
      focusNext.current = "next-row";
    });

  if (profileBroken) {
    return (
      <main className="results-layout">
        <h1 ref={heading}>Resultater</h1>
        <p className="notice" role="status">
          {company ? "Profilen under »Pakken« har fejl. Ret dem først: skemaerne læses med den profil, de blev trykt fra." : "Skriv først virksomhedens navn under »Pakken«: skemaerne læses med den profil, de blev trykt fra, og runderne gemmes for virksomheden."}
        </p>
      </main>
    );
  }

  const current = view?.round;
  const reading = upload.state === "sending" || upload.state === "reading";
  return (
    <main className="results-layout">
      <div className="results-main">
        <h1 ref={heading}>Resultater</h1>
        <p className="lead">
          Læs de udfyldte scoreskemaer fra Værktøj 1 ind, og se gruppens modenhedsprofil. Skemaerne er anonyme: der gemmes kun tallene, aldrig navne. Runden gemmes, så I kan
          sammenligne med senere runder.
        </p>
        {error && (
          <div className="error-summary" role="alert">
            <p>{error}</p>
          </div>
        )}

        <section className="results-section round-section" aria-labelledby="round-title">
          <h2 id="round-title">Runde</h2>
          <form
            className="round-form"
            onSubmit={(e) => {
              e.preventDefault();
              openRound(name);
            }}
            noValidate
          >
            <div className={`field${nameError ? " field--error" : ""}`} data-field="round">
              <label htmlFor="f-round" className="label">
                Rundens navn
              </label>
              <p id="f-round-hint" className="hint">
                Fx »Forår 2027«. Én linje, højst 80 tegn. Findes runden, fortsætter I den.
              </p>
              {nameError && (
                <p id="f-round-error" className="error-message" role="alert">
                  <span className="visually-hidden">Fejl: </span>
                  {nameError}
                </p>
              )}
              <div className="button-row">
                <input
                  id="f-round"
                  className="input input--medium"
                  type="text"
                  maxLength={200}
                  value={name}
                  aria-describedby={`f-round-hint${nameError ? " f-round-error" : ""}`}
                  aria-invalid={nameError ? true : undefined}
                  onChange={(e) => setName(e.target.value)}
                />
                <button type="submit" className="button button--primary">
                  {view?.rounds.some((r) => r.name === name.trim()) ? "Åbn runden" : "Ny runde"}
                </button>
              </div>
            </div>
          </form>
          {round && view?.rounds.some((r) => r.name === round) && (
            <p>
              <button
                type="button"
                className="button button--link"
                disabled={busy}
                onClick={() => {
                  const sheets = view.rounds.find((r) => r.name === round)?.sheets ?? 0;
                  if (!confirm(`Vil I slette runden »${round}« med ${plural(sheets, "skema", "skemaer")}? Det kan ikke fortrydes.`)) return;
                  void act(async () => {
                    changed(await deleteRound(request));
                    setRound(undefined);
                    setName("");
                    setUpload({ state: "idle" });
                    focusNext.current = "#f-round";
                  });
                }}
              >
                Slet runden »{round}«
              </button>
            </p>
          )}
          <details className="results-settings">
            <summary>Anonymitet</summary>
            <div className="field" data-field="minGroup">
              <label htmlFor="f-min-group" className="label">
                Mindste antal skemaer, før de vises hver for sig
              </label>
              <p id="f-min-group-hint" className="hint">
                Har en runde færre skemaer, viser siden og rapporten kun gruppens medianer, så ingen kan genkendes. Standard er 5.
              </p>
              {min === undefined && (
                <p className="error-message" role="alert">
                  Skriv et helt antal skemaer, mindst 1.
                </p>
              )}
              <input id="f-min-group" className="input input--short" type="text" inputMode="numeric" value={minGroup} aria-describedby="f-min-group-hint" onChange={(e) => setMinGroup(e.target.value)} />
            </div>
          </details>
        </section>

        {round && (
          <>
            <section className="results-section" aria-labelledby="upload-title">
              <h2 id="upload-title">Læs skemaer ind i »{round}«</h2>
              <div
                className={`dropzone${over ? " dropzone--over" : ""}`}
                data-testid="scan-drop"
                onDragOver={(e) => {
                  e.preventDefault();
                  setOver(true);
                }}
                onDragLeave={() => setOver(false)}
                onDrop={drop}
              >
                <div className="dropzone-text">
                  <p>Træk de udfyldte skemaer hertil – PDF udfyldt på skærmen eller scannet, JPEG, PNG eller TIFF, gerne mange filer på én gang – eller</p>
                  {/* Never disabled while reading: a disabled button would drop the keyboard's focus. */}
                  <button type="button" className="button button--secondary" aria-disabled={reading || undefined} onClick={() => !reading && input.current?.click()}>
                    Vælg filer
                  </button>
                  <input
                    ref={input}
                    type="file"
                    multiple
                    accept={ACCEPT}
                    className="visually-hidden"
                    tabIndex={-1}
                    aria-hidden="true"
                    data-testid="scan-files"
                    onChange={(e) => {
                      send([...(e.target.files ?? [])]);
                      e.target.value = "";
                    }}
                  />
                </div>
              </div>
              <UploadStatus upload={upload} />
            </section>

            {current && view && (
              <>
                <section className="results-section" aria-labelledby="profile-title">
                  <h2 id="profile-title">Gruppens profil</h2>
                  <p data-testid="round-count">
                    {current.sheets === 0
                      ? "Runden har ingen skemaer endnu."
                      : `${plural(current.sheets, "skema", "skemaer")} i runden${current.typed ? `, heraf ${current.typed} skrevet ind` : ""}.`}
                  </p>
                  {current.anonymous && (
                    <div className="warning anonymity" role="status" data-testid="anonymous">
                      <p>
                        <strong>Anonym visning.</strong> Runden har {plural(current.anonymous.sheets, "skema", "skemaer")} – færre end {current.anonymous.minGroup}. For at ingen kan
                        genkendes, viser siden og rapporten kun gruppens medianer: ikke det enkelte skemas svar, billeder af rækker eller fil- og sidenavne. Når runden har mindst{" "}
                        {current.anonymous.minGroup} skemaer, vises det hele.
                      </p>
                      {current.anonymous.uncertain > 0 && (
                        <p>
                          {current.anonymous.uncertain === 1 ? "Ét udsagn" : `${current.anonymous.uncertain} udsagn`} kunne ikke læses sikkert og tæller ikke med. Rækkerne kan tjekkes i
                          hånden, når runden er stor nok.
                        </p>
                      )}
                    </div>
                  )}
                  {current.sheets > 0 && (
                    <>
                      <ProfileChart levels={view.sheet.levels.map((l) => l.name)} bands={view.sheet.bands} history={current.history.length ? current.history : [{ name: current.name, sheets: current.sheets, current: true, medians: current.levels.map((l) => l.median) }]} colour={/^#[0-9a-fA-F]{6}$/.test(draft.colour) ? draft.colour : "#1a5b96"} />
                      <table className="results-table" data-testid="medians">
                        <caption className="visually-hidden">Medianen for hvert niveau</caption>
                        <thead>
                          <tr>
                            <th scope="col">Niveau</th>
                            <th scope="col">Median</th>
                            <th scope="col">Bånd</th>
                            <th scope="col">Talt med</th>
                          </tr>
                        </thead>
                        <tbody>
                          {current.levels.map((l) => (
                            <tr key={l.level}>
                              <th scope="row">{l.name}</th>
                              <td>{l.median === null ? "–" : number(l.median)}</td>
                              <td>{l.band ?? "–"}</td>
                              <td>{`${l.counted} af ${current.sheets}`}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                      <p className="hint">
                        Hvert niveau læses for sig mod båndene; der er ingen samlet score. {view.sheet.levels.filter((l) => l.caution).map((l) => l.name).join(" og ")}: {view.sheet.cautionNote}
                      </p>
                    </>
                  )}
                </section>

                <CheckRows view={view} round={current} busy={busy} onResolve={(row, value) => void resolve(row, value)} onUndo={(key, field) =>
                    void act(async () => {
                      const next = await resolveRow(request, key, field, "undo");
                      changed(next);
                      // Focus goes back to the row, to be decided again.
                      const row = next.round?.toCheck.find((r) => r.key === key && r.field === field);
                      focusNext.current = row ? `[data-check="${row.sheet}:${row.field}"] button` : "next-row";
                    })
                  }
                />

                <TypeSheet
                  view={view}
                  busy={busy}
                  onDelete={(key) =>
                    void act(async () => {
                      changed(await deleteTyped(request, key));
                      focusNext.current = "#typed-title";
                    })
                  }
                  onSave={async (answers) => {
                    let ok = false;
                    await act(async () => {
                      changed(await addTyped(request, answers));
                      ok = true;
                    });
                    return ok;
                  }}
                />

                {current.sheets > 0 && (
                  <section className="results-section" aria-labelledby="report-title">
                    <h2 id="report-title">Rapporten</h2>
                    <p className="hint">Rapporten (PDF) og tallene som regneark (CSV) og data (JSON), med det, der er rettet og skrevet ind i hånden.</p>
                    {report ? (
                      <ul className="download-main" data-testid="report-files">
                        {report.files.map((f) => (
                          <li key={f.name}>
                            <a className={f.name.endsWith(".pdf") ? "button button--primary" : "button button--secondary"} href={`/api/results/reports/${report.id}/${f.name}`} download data-download={f.name}>
                              {f.name.endsWith(".pdf") ? "Hent rapporten (PDF)" : f.name.endsWith(".csv") ? "Hent tallene som regneark (CSV)" : "Hent data (JSON)"}
                            </a>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <button type="button" className="button button--primary" disabled={busy} onClick={() =>
                          void act(async () => {
                            setReport(await makeReport(request));
                            focusNext.current = '[data-download="results.pdf"]';
                          })
                        }
                      >
                        Lav rapporten
                      </button>
                    )}
                  </section>
                )}
              </>
            )}
          </>
        )}
      </div>

      <aside className="results-rounds" aria-labelledby="rounds-title">
        <h2 id="rounds-title">Runder</h2>
        {view && view.rounds.length === 0 && <p className="hint">Ingen runder endnu. Giv den første et navn.</p>}
        <ul className="rounds-list">
          {view?.rounds.map((r) => (
            <li key={r.name}>
              <button type="button" className={`button button--link${r.name === round ? " is-current" : ""}`} aria-current={r.name === round ? "true" : undefined} onClick={() => openRound(r.name)}>
                {r.name}
              </button>
              <span className="meta">
                {plural(r.sheets, "skema", "skemaer")} · {date(r.created)}
              </span>
            </li>
          ))}
        </ul>
        {view && <p className="hint">Runderne gemmes i {view.db} på denne computer – den samme fil, som workshopkit results bruger.</p>}
      </aside>
    </main>
  );
}

function UploadStatus({ upload }: { upload: Upload }) {
  if (upload.state === "idle") return null;
  if (upload.state === "failed")
    return (
      <div className="error-summary" role="alert">
        <p>{upload.error}</p>
      </div>
    );
  if (upload.state === "done") {
    return (
      <div className="upload-done" role="status" data-testid="upload-done">
        {upload.sheets === 0 ? (
          <p className="error-message">Intet scoreskema kunne læses. Intet er gemt.</p>
        ) : (
          <p className="success">
            {plural(upload.sheets, "skema", "skemaer")} læst: {plural(upload.added, "nyt", "nye")} i runden
            {upload.already > 0 ? `, ${upload.already} var der allerede (tælles ikke to gange)` : ""}.
          </p>
        )}
        {upload.warnings.length > 0 && (
          <div className="warning" data-testid="upload-warnings">
            <p>Tjek, hvordan siderne er samlet:</p>
            <ul>
              {upload.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        {upload.notes.length > 0 && (
          <>
            <p>Ikke læst:</p>
            <ul>
              {upload.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  const text =
    upload.state === "sending"
      ? `Sender ${plural(upload.files, "fil", "filer")} …`
      : upload.ahead
        ? "Venter på, at serveren bliver færdig med en anden læsning …"
        : `Læser fil ${Math.max(1, upload.fileIndex)} af ${upload.files}${upload.file ? ` (${upload.file})` : ""} · ${plural(upload.pages, "side", "sider")} læst`;
  return (
    <div className="progress" role="status" aria-live="polite">
      <label htmlFor="scan-progress">{text}</label>
      <progress id="scan-progress" max={upload.state === "reading" ? upload.files : undefined} value={upload.state === "reading" && upload.fileIndex > 0 ? upload.fileIndex - 1 : undefined} />
    </div>
  );
}
